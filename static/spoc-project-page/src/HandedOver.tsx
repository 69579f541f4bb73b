import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import { token } from '@atlaskit/tokens';
import { useEffect, useRef, useState } from 'react';
import {
  getHandedOverIssues,
  takeBackHandedOverIssues,
  type BulkReport,
  type HandedOverIssues,
  type HandedOverItem,
  type Reply,
} from './api';
import { BulkResults } from './BulkResults';
import { sectionTitle, formBox } from './forms';
import { messages } from './messages';
import { Notice } from '../../shared/notice';
import { Badge, TRIAGE_STATE_APPEARANCE } from '../../shared/badge';
import { useReply } from './Loaded';
import { IssueLink, when } from './QueueTable';

/**
 * On "My triage queue": the client issues the app handed over from the signed-in SPOC while they were out
 * of office, still open, with whoever holds each now. Back from the absence, they take them all back in
 * one action (after confirming) or one by one. Shown only when there is something to take back.
 */
export function HandedOver({ onTakenBack }: { onTakenBack: () => void }) {
  const [generation, setGeneration] = useState(0);
  const reply = useReply(getHandedOverIssues, [generation]);
  const [report, setReport] = useState<Reply<BulkReport> | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const allButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const takeBack = async (issueIds?: readonly string[]) => {
    setBusy(true);
    const answer = await takeBackHandedOverIssues(issueIds);
    setBusy(false);
    setConfirming(false);
    setReport(answer);
    setGeneration((g) => g + 1);
    onTakenBack();
  };

  if (!reply) return null;
  if (!reply.ok)
    return (
      <Notice tone="error" testId="handed-over-error">
        {reply.error}
      </Notice>
    );
  const { items, awayUntil }: HandedOverIssues = reply.data;
  const outcome =
    report &&
    (report.ok ? (
      <BulkResults report={report.data} testId="take-back-report" />
    ) : (
      <Notice tone="error" testId="take-back-error">
        {report.error}
      </Notice>
    ));
  if (items.length === 0) return outcome ?? null;

  const c = messages.columns;
  const h = messages.handedOverColumns;
  const away = awayUntil !== null;
  const rows = items.map((item: HandedOverItem) => ({
    key: item.issueId,
    cells: [
      { key: item.issueKey, content: <IssueLink issueKey={item.issueKey} /> },
      { key: item.summary, content: item.summary },
      { key: item.client.name, content: item.client.name },
      { key: item.spoc?.displayName ?? '', content: item.spoc?.displayName ?? messages.none },
      {
        key: item.state,
        content: (
          <Badge appearance={TRIAGE_STATE_APPEARANCE[item.state]}>{messages.states[item.state]}</Badge>
        ),
      },
      { key: item.handedOverAt ?? '', content: when(item.handedOverAt) },
      { key: item.dueAt ?? '9999', content: when(item.dueAt) },
      ...(away
        ? []
        : [
            {
              key: 'take-back',
              content: (
                <Button
                  testId={`take-back-${item.issueKey}`}
                  aria-label={messages.takeBackOneLabel(item.issueKey)}
                  isDisabled={busy}
                  onClick={() => void takeBack([item.issueId])}
                >
                  {messages.takeBackOne}
                </Button>
              ),
            },
          ]),
    ],
  }));

  return (
    <section
      aria-labelledby="handed-over-title"
      data-testid="handed-over"
      style={{ marginBottom: token('space.400', '32px') }}
    >
      <h3 id="handed-over-title" style={sectionTitle}>
        {messages.handedOverTitle}
      </h3>
      <p>{messages.handedOverIntro(items.length)}</p>
      {awayUntil && (
        <Notice tone="information" testId="still-away">
          {messages.stillAway(when(awayUntil))}
        </Notice>
      )}
      {outcome}
      <div data-testid="handed-over-table">
        <DynamicTable
          label={messages.handedOverLabel}
          head={{
            cells: [
              { key: 'issue', content: c.issue },
              { key: 'summary', content: c.summary },
              { key: 'client', content: c.client },
              { key: 'holder', content: h.holder },
              { key: 'state', content: c.state },
              { key: 'handed-over', content: h.handedOverAt },
              { key: 'due', content: c.due },
              ...(away ? [] : [{ key: 'action', content: h.action }]),
            ],
          }}
          rows={rows}
        />
      </div>
      {!away &&
        (confirming ? (
          <div
            role="group"
            aria-labelledby="take-back-confirm-title"
            data-testid="take-back-confirm-box"
            style={formBox}
            onKeyDown={(e) => {
              if (e.key !== 'Escape') return;
              setConfirming(false);
              requestAnimationFrame(() => allButton.current?.focus());
            }}
          >
            <p
              id="take-back-confirm-title"
              style={{ marginTop: 0, fontWeight: token('font.weight.semibold', '600') }}
            >
              {messages.takeBackConfirmTitle(items.length)}
            </p>
            <p>{messages.takeBackConfirmBody}</p>
            <div style={{ display: 'flex', gap: token('space.100', '8px') }}>
              <Button
                ref={confirmButton}
                appearance="primary"
                testId="take-back-confirm"
                isDisabled={busy}
                onClick={() => void takeBack()}
              >
                {busy ? messages.takingBack : messages.takeBackConfirm(items.length)}
              </Button>
              <Button
                testId="take-back-cancel"
                onClick={() => {
                  setConfirming(false);
                  requestAnimationFrame(() => allButton.current?.focus());
                }}
              >
                {messages.cancel}
              </Button>
            </div>
          </div>
        ) : (
          <Button
            ref={allButton}
            appearance="primary"
            testId="take-back-all"
            isDisabled={busy}
            onClick={() => {
              setReport(null);
              setConfirming(true);
            }}
          >
            {messages.takeBackAll(items.length)}
          </Button>
        ))}
    </section>
  );
}
