import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Badge, type BadgeAppearance } from '../../shared/badge';
import { Notice } from '../../shared/notice';
import type { PickedPerson } from '../../shared/people-picker';
import {
  getReassignCandidates,
  type ReassignCandidate,
  type ReassignCandidates,
  type Reply,
  type SpocAvailability,
  type Viewer,
} from './api';
import { reassignTexts as t, spocStatusNames } from './messages';
import { availabilityNote, availabilitySentence, dueWords, loadWords } from './phrases';

/**
 * The reassign form's knowledge of who the issue could go to: each SPOC's availability and load from the
 * panel's resolver (once, when the form opens), laid over the people Jira's search finds, and what choosing
 * one of them means: when their response would be due, and a warning (or the policy's refusal) for someone
 * away or full, before anything is sent.
 */
export type Choice =
  | { readonly kind: 'none' }
  /** Nothing known of them yet (the list failed, or they are past its end): the resolver decides. */
  | { readonly kind: 'unknown'; readonly why: string | null }
  | { readonly kind: 'no-profile'; readonly person: PickedPerson }
  | { readonly kind: 'candidate'; readonly candidate: ReassignCandidate };

export function useReassignCandidates(enabled: boolean) {
  const [reply, setReply] = useState<Reply<ReassignCandidates> | null>(null);
  const pending = useRef<Promise<Reply<ReassignCandidates>> | null>(null);
  const load = useCallback(() => {
    const loading = getReassignCandidates();
    pending.current = loading;
    void loading.then((answer) => {
      if (pending.current === loading) setReply(answer);
    });
    return loading;
  }, []);
  useEffect(() => {
    if (enabled) load();
  }, [enabled, load]);
  /** The list, waiting for it when it is still loading. */
  const candidates = useCallback(
    async () => (await (pending.current ?? load())) as Reply<ReassignCandidates>,
    [load],
  );
  return { reply, reload: load, candidates };
}

export function choiceOf(person: PickedPerson | undefined, reply: Reply<ReassignCandidates> | null): Choice {
  if (!person) return { kind: 'none' };
  if (!reply) return { kind: 'unknown', why: null };
  if (!reply.ok) return { kind: 'unknown', why: reply.error };
  const candidate = reply.data.candidates.find((c) => c.accountId === person.accountId);
  if (candidate) return { kind: 'candidate', candidate };
  return reply.data.more ? { kind: 'unknown', why: null } : { kind: 'no-profile', person };
}

const STATUS_RANK: Record<SpocAvailability['status'], number> = {
  available: 0,
  'off-shift': 1,
  'at-capacity': 2,
  away: 3,
};
const ROSTER_RANK = { primary: 0, backup: 1, pool: 2 } as const;

/** Jira's people, who is available first, then off shift, full, away, and last those without a profile. */
export function byAvailability(
  people: readonly PickedPerson[],
  candidates: readonly ReassignCandidate[],
): PickedPerson[] {
  const known = new Map(candidates.map((c) => [c.accountId, c]));
  const rank = (p: PickedPerson) => {
    const c = known.get(p.accountId);
    if (!c) return 100;
    return STATUS_RANK[c.availability.status] * 10 + (c.onRoster ? ROSTER_RANK[c.onRoster] : 3);
  };
  return people
    .map((person, i) => ({ person, i }))
    .sort((a, b) => rank(a.person) - rank(b.person) || a.i - b.i)
    .map(({ person }) => person);
}

const STATUS_APPEARANCE: Record<SpocAvailability['status'], BadgeAppearance> = {
  available: 'success',
  away: 'removed',
  'at-capacity': 'moved',
  'off-shift': 'default',
};

const detailStyle = {
  display: 'block',
  color: token('color.text.subtle', '#44546F'),
  font: token('font.body.small', '12px sans-serif'),
};

/** Under each name in the list: "available · working until 17:00 · 2 of 6 open client issues · backup". */
export function PersonDetail({
  person,
  reply,
  viewer,
  now,
}: {
  person: PickedPerson;
  reply: Reply<ReassignCandidates> | null;
  viewer: Viewer;
  now: Date;
}) {
  if (!reply?.ok) return null;
  const candidate = reply.data.candidates.find((c) => c.accountId === person.accountId);
  if (!candidate) {
    return reply.data.more ? null : (
      <span style={detailStyle} data-testid="person-detail">
        {t.noProfile}
      </span>
    );
  }
  const { availability, onRoster } = candidate;
  const parts = [availabilityNote(availability, viewer, now), loadWords(availability)];
  if (onRoster) parts.push(t.onRoster[onRoster]);
  return (
    <span style={detailStyle} data-testid="person-detail">
      <Badge appearance={STATUS_APPEARANCE[availability.status]}>
        {spocStatusNames[availability.status]}
      </Badge>{' '}
      {parts.join(' · ')}
    </span>
  );
}

/** What choosing the person means, said before anything is sent. */
export function ChoiceVerdict({
  choice,
  viewer,
  now,
  id,
}: {
  choice: Choice;
  viewer: Viewer;
  now: Date;
  id: string;
}) {
  // Read out when it changes, so someone choosing by keyboard hears the warning at once.
  return (
    <div id={id} role="status" data-testid="action-person-verdict">
      {verdictBody(choice, viewer, now)}
    </div>
  );
}

function verdictBody(choice: Choice, viewer: Viewer, now: Date) {
  switch (choice.kind) {
    case 'none':
      return null;
    case 'unknown':
      return choice.why ? <Notice tone="warning">{t.unchecked(choice.why)}</Notice> : null;
    case 'no-profile':
      return (
        <Notice tone="error" title={t.noProfileTitle(choice.person.displayName)}>
          {t.noProfileBody}
        </Notice>
      );
    case 'candidate':
      break;
  }
  const c = choice.candidate;
  const name = c.displayName;
  const where = availabilitySentence(name, c.availability, viewer, now);
  // Someone away starts when they are back: say so, as their due time is that much later.
  const dueText = c.availability.status === 'away' ? t.dueFromReturn : t.dueFor;
  const due = c.dueAt ? dueText(name, dueWords(c.dueAt, viewer, now)) : '';
  if (c.verdict === 'go') {
    return (
      <p style={{ ...detailStyle, margin: `${token('space.050', '4px')} 0 0` }}>
        {where} {due}
      </p>
    );
  }
  const title = c.availability.status === 'away' ? t.awayTitle(name) : t.fullTitle(name);
  if (c.verdict === 'refuse') {
    return (
      <Notice tone="error" title={t.refusedTitle}>
        {where} {t.refused(name)}
      </Notice>
    );
  }
  const consequence =
    c.availability.status === 'away'
      ? t.awayConsequence(c.availability.delegate?.displayName ?? null)
      : t.fullConsequence;
  return (
    <Notice tone="warning" title={title}>
      {where} {consequence} {due} {t.goOn}
    </Notice>
  );
}
