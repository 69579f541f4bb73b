import { token } from '@atlaskit/tokens';
import { Notice } from '../../shared/notice';
import { formatDayAndTime, type Viewer } from '../../shared/time';
import type { SpocIssueView } from './api';
import { clientTurnTexts as t } from './messages';

/**
 * While the issue waits for the client's information: what the SPOC asked, in their words, and how it is
 * answered. The client reads it as their turn (what to do, and that their comment sends the issue back);
 * staff read it as what the issue waits for.
 */
export interface ClientTurnProps {
  readonly view: SpocIssueView;
  /** The signed-in person: the reporter is told to comment, a colleague that the reporter answers. */
  readonly accountId: string | undefined;
  readonly viewer: Viewer;
  readonly now: Date;
}

const questionStyle = {
  margin: `${token('space.050', '4px')} 0`,
  paddingInlineStart: token('space.150', '12px'),
  borderInlineStart: `${token('border.width.selected', '2px')} solid ${token('color.border', '#091E4224')}`,
  // The SPOC's question keeps its lines.
  whiteSpace: 'pre-wrap' as const,
};

export function ClientTurn({ view, accountId, viewer, now }: ClientTurnProps) {
  const turn = view.clientTurn;
  if (!turn) return null;
  const forClient = view.audience === 'client';
  const spocName = view.spoc?.displayName ?? null;
  const asker = turn.askedBy?.displayName ?? spocName ?? t.theSpoc;
  const when = turn.askedAt ? formatDayAndTime(turn.askedAt, viewer, now) : null;
  const question = turn.question ? (
    <>
      <p style={{ margin: 0 }}>{when ? t.askedAt(asker, when) : t.asked(asker)}</p>
      <blockquote style={questionStyle} data-testid="panel-client-question">
        {turn.question}
      </blockquote>
    </>
  ) : (
    <p style={{ margin: 0 }}>{t.askedInComment(asker)}</p>
  );
  if (!forClient) {
    return (
      <Notice tone="information" title={t.staffTitle} testId="panel-client-turn">
        {question}
        <p style={{ margin: `${token('space.050', '4px')} 0 0` }}>{t.staffHow}</p>
      </Notice>
    );
  }
  const reporter = accountId !== undefined && accountId === turn.answeredByAccountId;
  return (
    <Notice tone="warning" title={t.clientTitle(asker)} testId="panel-client-turn">
      {question}
      <p style={{ margin: `${token('space.050', '4px')} 0 0` }} data-testid="panel-client-how">
        {reporter ? t.howReporter(spocName ?? asker) : t.howColleague(spocName ?? asker)}
      </p>
    </Notice>
  );
}
