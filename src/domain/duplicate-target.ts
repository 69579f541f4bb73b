/**
 * Whether the client can follow the issue their report duplicates. The client is told to follow the other
 * issue for updates, so it must be one they can open; an internal issue they cannot open is a dead end
 * ("Not found") unless the SPOC chooses it knowingly, and the client is then told updates come here.
 */
export type ClientSight = 'can-open' | 'cannot-open' | 'unknown';

export interface DuplicateTargetChoice {
  /** The reporter's name; null when the issue has no reporter to tell. */
  readonly reporterName: string | null;
  readonly targetKey: string;
  /** What Jira said about the reporter and the target. */
  readonly sight: ClientSight;
  /** The SPOC confirmed that the client may not be able to open the target. */
  readonly confirmedHidden: boolean;
}

export type DuplicateTargetVerdict =
  | {
      readonly ok: true;
      /** True: the client can follow it; false: they cannot; null: nobody to tell, or Jira would not say. */
      readonly clientCanFollow: boolean | null;
      readonly reason: string;
    }
  | { readonly ok: false; readonly refusal: string };

/** How a candidate reads in the picker, and why a choice is allowed or refused. */
export function describeClientSight(reporterName: string | null, key: string, sight: ClientSight): string {
  if (reporterName === null) return `The issue has no reporter, so nobody has to follow ${key}.`;
  switch (sight) {
    case 'can-open':
      return `${reporterName} can open ${key}, so they can follow it there.`;
    case 'cannot-open':
      return `${reporterName} cannot open ${key}: they would get "Not found" there.`;
    case 'unknown':
      return `Jira did not tell the app whether ${reporterName} can open ${key}.`;
  }
}

export function judgeDuplicateTarget(choice: DuplicateTargetChoice): DuplicateTargetVerdict {
  const { reporterName, targetKey, sight } = choice;
  const words = describeClientSight(reporterName, targetKey, sight);
  if (reporterName === null) return { ok: true, clientCanFollow: null, reason: words };
  if (sight === 'can-open') return { ok: true, clientCanFollow: true, reason: words };
  if (!choice.confirmedHidden) {
    return {
      ok: false,
      refusal:
        sight === 'cannot-open'
          ? `${words} Choose an issue ${reporterName} can open, or confirm that they will not see ${targetKey} and follow this issue instead.`
          : `${words} Choose an issue ${reporterName} can open, or confirm that they may not see ${targetKey} and follow this issue instead.`,
    };
  }
  return {
    ok: true,
    clientCanFollow: sight === 'cannot-open' ? false : null,
    reason: `${words} The SPOC chose it knowingly, so ${reporterName} is told to follow this issue for updates.`,
  };
}

/** Candidates the client can open first, then those Jira did not say, then those they cannot open. */
export function byClientSight<T extends { readonly sight: ClientSight }>(candidates: readonly T[]): T[] {
  const rank: Readonly<Record<ClientSight, number>> = { 'can-open': 0, unknown: 1, 'cannot-open': 2 };
  return candidates
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank[a.c.sight] - rank[b.c.sight] || a.i - b.i)
    .map(({ c }) => c);
}
