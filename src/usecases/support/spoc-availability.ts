import {
  availabilityAt,
  effectiveCapacity,
  type Availability,
  type SpocPolicy,
  type SpocProfile,
} from '../../domain';
import type { PersonRef, SpocAvailability } from '../../contract/issue-panel';
import type { TriageRepository } from '../ports';

/**
 * SPOCs as they are now, from the app's own profiles and records (never a Jira call): the domain's answer
 * for each, and the same as facts for the panel, which writes them in the viewer's words.
 */
export interface SpocNow {
  readonly profile: SpocProfile;
  readonly availability: Availability;
  readonly facts: SpocAvailability;
}

export async function spocsNow(
  profiles: readonly SpocProfile[],
  now: Date,
  policy: SpocPolicy,
  names: Readonly<Record<string, string>>,
  triage: Pick<TriageRepository, 'openCounts'>,
): Promise<readonly SpocNow[]> {
  if (profiles.length === 0) return [];
  const capacityOf = (p: SpocProfile) =>
    effectiveCapacity(p, policy.defaultCapacity) ?? policy.defaultCapacity;
  // One count for everyone, up to the largest capacity: someone over theirs shows as over it.
  const cap = Math.max(...profiles.map(capacityOf));
  const open = await triage.openCounts(
    profiles.map((p) => p.accountId),
    cap,
  );
  return profiles.map((profile) => {
    const openClientIssues = open[profile.accountId] ?? 0;
    const availability = availabilityAt(
      profile,
      now,
      { openClientIssues },
      { defaultCapacity: policy.defaultCapacity, names },
    );
    return {
      profile,
      availability,
      facts: factsOf(availability, profile, openClientIssues, capacityOf(profile), names),
    };
  });
}

function factsOf(
  availability: Availability,
  profile: SpocProfile,
  openClientIssues: number,
  capacity: number | null,
  names: Readonly<Record<string, string>>,
): SpocAvailability {
  const person = (id: string): PersonRef => ({ accountId: id, displayName: names[id] ?? id });
  const base = { timeZone: profile.timeZone, status: availability.status, openClientIssues, capacity };
  switch (availability.status) {
    case 'available':
      return { ...base, until: availability.shiftEndsAt, delegate: null };
    case 'off-shift':
      return { ...base, until: availability.nextStartAt, delegate: null };
    case 'away':
      return {
        ...base,
        until: availability.until,
        delegate: availability.delegateAccountId === null ? null : person(availability.delegateAccountId),
      };
    case 'at-capacity':
      return { ...base, until: null, delegate: null };
  }
}
