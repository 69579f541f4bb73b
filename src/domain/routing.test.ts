import { chooseSpoc, type RoutingDecision } from './routing';
import { aRosterVersion } from './testing/roster-builders';
import { aRoutingInput, theAcmeTeam } from './testing/routing-builders';
import { anOutOfOffice, aSpocProfile } from './testing/spoc-profile-builders';

const { priya, tom, ana, kenji } = theAcmeTeam;

const chosen = (decision: RoutingDecision): string | null =>
  decision.outcome === 'routed' ? decision.spocAccountId : null;

describe('chooseSpoc', () => {
  it('gives the issue to the primary SPOC when they are working and have room', () => {
    const decision = chooseSpoc(aRoutingInput({ openClientIssues: { 'acc-priya': 3 } }));
    expect(decision).toEqual({
      outcome: 'routed',
      spocAccountId: 'acc-priya',
      spocName: 'Priya Shah',
      role: 'primary',
      startsAt: '2025-06-09T09:00:00.000Z',
      dueAt: '2025-06-09T13:00:00.000Z',
      considered: [
        {
          accountId: 'acc-priya',
          displayName: 'Priya Shah',
          role: 'primary',
          status: 'available',
          chosen: true,
          reason:
            'Priya Shah (primary) is working until Mon 9 Jun 2025 17:00 Europe/London with 3 of 8 open client issues: chosen',
        },
      ],
      reasons: [
        'Priya Shah (primary) is working until Mon 9 Jun 2025 17:00 Europe/London with 3 of 8 open client issues: chosen.',
        'Routed to Priya Shah (primary) for client Acme Ltd. Response due Mon 9 Jun 2025 14:00 Europe/London (13:00 UTC), ' +
          '4 h of their working time.',
      ],
      summary:
        'Routed to Priya Shah (primary) for client Acme Ltd. Response due Mon 9 Jun 2025 14:00 Europe/London (13:00 UTC), ' +
        '4 h of their working time.',
    });
  });

  it('walks the chain: absent primary, their full delegate, a full backup, then a backup who starts in time', () => {
    // Mon 24 Nov 2025 20:50 UTC: 20:50 in London, Tue 05:50 in Tokyo.
    const decision = chooseSpoc(
      aRoutingInput({
        now: '2025-11-24T20:50:00Z',
        profiles: [
          {
            ...priya,
            outOfOffice: [anOutOfOffice({ until: '2025-11-28T00:00:00Z', delegateAccountId: 'acc-tom' })],
          },
          tom,
          ana,
          kenji,
        ],
        openClientIssues: { 'acc-tom': 5, 'acc-ana': 8, 'acc-kenji': 2 },
      }),
    );
    expect(decision.reasons).toEqual([
      'Priya Shah (primary) is out of office until Fri 28 Nov 2025; delegate Tom Berg considered.',
      'Tom Berg (delegate of Priya Shah) has 5 of 5 open client issues: full.',
      'Ana Lima (backup 1) has 8 of 8 open client issues: full.',
      'Kenji Sato (backup 2) is off shift; starts Tue 25 Nov 2025 09:00 Asia/Tokyo (00:00 UTC), within the 4 h ' +
        'target: chosen.',
      'Routed to Kenji Sato (backup 2) for client Acme Ltd. Response due Tue 25 Nov 2025 13:00 Asia/Tokyo (04:00 UTC), 4 h of ' +
        'their working time.',
    ]);
    expect(decision).toMatchObject({
      outcome: 'routed',
      spocAccountId: 'acc-kenji',
      startsAt: '2025-11-25T00:00:00.000Z',
      dueAt: '2025-11-25T04:00:00.000Z',
    });
  });

  it('gives it to the delegate of an absent primary when the delegate can take it', () => {
    const decision = chooseSpoc(
      aRoutingInput({
        profiles: [
          {
            ...priya,
            outOfOffice: [
              anOutOfOffice({
                from: '2025-06-01T00:00:00Z',
                until: '2025-06-20T00:00:00Z',
                delegateAccountId: 'acc-tom',
              }),
            ],
          },
          tom,
          ana,
          kenji,
        ],
      }),
    );
    expect(decision).toMatchObject({
      outcome: 'routed',
      spocAccountId: 'acc-tom',
      role: 'delegate of Priya Shah',
    });
  });

  describe('the response target decides about someone off shift', () => {
    // Sunday 8 Jun 2025; Priya starts Monday 09:00 BST = 08:00Z.
    const at = (iso: string): RoutingDecision =>
      chooseSpoc(aRoutingInput({ now: iso, profiles: [priya, ana] }));

    it('a primary who starts exactly at the target keeps the issue, over a backup who is working', () => {
      const decision = at('2025-06-09T04:00:00Z'); // Priya starts in exactly 4 h; Ana is off too.
      expect(chosen(decision)).toBe('acc-priya');
      expect(decision.outcome === 'routed' && decision.startsAt).toBe('2025-06-09T08:00:00.000Z');
      // Due 4 working hours after her start: 13:00 BST.
      expect(decision.outcome === 'routed' && decision.dueAt).toBe('2025-06-09T12:00:00.000Z');
    });

    it('one minute later than the target, she is passed over with the reason', () => {
      const decision = at('2025-06-09T03:59:00Z');
      expect(decision.considered[0]?.status).toBe('too-late');
      expect(decision.considered[0]?.reason).toBe(
        'Priya Shah (primary) is off shift; starts Mon 9 Jun 2025 09:00 Europe/London (08:00 UTC), later than the 4 h target',
      );
    });
  });

  it('prefers a working backup when the primary starts too late', () => {
    // Mon 9 Jun 2025 18:00 UTC: London has finished (19:00 BST); São Paulo is at 15:00.
    const decision = chooseSpoc(aRoutingInput({ now: '2025-06-09T18:00:00Z' }));
    expect(chosen(decision)).toBe('acc-ana');
    expect(decision.considered.map((c) => c.status)).toEqual(['too-late', 'available']);
  });

  it('follows delegate chains without looping', () => {
    const away = (profile: typeof priya, delegate: string) => ({
      ...profile,
      // Back at midnight in London (BST), so the reason gives the day alone.
      outOfOffice: [
        anOutOfOffice({
          from: '2025-06-01T00:00:00Z',
          until: '2025-06-19T23:00:00Z',
          delegateAccountId: delegate,
        }),
      ],
    });
    const decision = chooseSpoc(
      aRoutingInput({
        roster: aRosterVersion({ backupAccountIds: ['acc-ana'] }),
        profiles: [away(priya, 'acc-tom'), away(tom, 'acc-priya'), { ...ana, capacity: 0 }],
      }),
    );
    expect(decision.reasons.slice(0, 3)).toEqual([
      'Priya Shah (primary) is out of office until Fri 20 Jun 2025; delegate Tom Berg considered.',
      'Tom Berg (delegate of Priya Shah) is out of office until Fri 20 Jun 2025; delegate Priya Shah was already considered.',
      'Ana Lima (backup 1) has 0 of 0 open client issues: full.',
    ]);
    expect(decision.outcome).toBe('unrouted');
  });

  it('a delegate who is also a backup is considered once, where first met', () => {
    const decision = chooseSpoc(
      aRoutingInput({
        profiles: [
          {
            ...priya,
            outOfOffice: [
              anOutOfOffice({
                from: '2025-06-01T00:00:00Z',
                until: '2025-06-20T00:00:00Z',
                delegateAccountId: 'acc-ana',
              }),
            ],
          },
          tom,
          { ...ana, capacity: 1 },
          kenji,
        ],
        openClientIssues: { 'acc-ana': 1 },
        now: '2025-06-09T01:00:00Z', // Kenji: Mon 10:00 in Tokyo
      }),
    );
    expect(decision.considered.map((c) => [c.displayName, c.role, c.status])).toEqual([
      ['Priya Shah', 'primary', 'away'],
      ['Ana Lima', 'delegate of Priya Shah', 'at-capacity'],
      ['Ana Lima', 'backup 1', 'already-considered'],
      ['Kenji Sato', 'backup 2', 'available'],
    ]);
  });

  it('skips people without a profile and says why', () => {
    const decision = chooseSpoc(
      aRoutingInput({ profiles: [ana, kenji], names: { 'acc-priya': 'Priya Shah' } }),
    );
    expect(decision.considered[0]?.reason).toBe(
      'Priya Shah (primary) has no SPOC profile, so their hours and absences are unknown; skipped',
    );
    expect(chosen(decision)).toBe('acc-ana');
  });

  it('moves the issue away from an excluded SPOC, e.g. when the ladder moves it to the next backup', () => {
    const decision = chooseSpoc(aRoutingInput({ excludeAccountIds: ['acc-priya'] }));
    expect(decision.considered[0]?.status).toBe('excluded');
    expect(chosen(decision)).toBe('acc-ana');
  });

  it('tries the pool least loaded first, roster order breaking ties', () => {
    const p1 = aSpocProfile({ accountId: 'acc-p1', displayName: 'Pat One' });
    const p2 = aSpocProfile({ accountId: 'acc-p2', displayName: 'Pat Two' });
    const p3 = aSpocProfile({ accountId: 'acc-p3', displayName: 'Pat Three' });
    const roster = aRosterVersion({ backupAccountIds: [], poolAccountIds: ['acc-p1', 'acc-p2', 'acc-p3'] });
    const full = { 'acc-priya': 8 };
    const decision = chooseSpoc(
      aRoutingInput({
        roster,
        profiles: [priya, p1, p2, p3],
        openClientIssues: { ...full, 'acc-p1': 3, 'acc-p2': 1, 'acc-p3': 1 },
      }),
    );
    expect(chosen(decision)).toBe('acc-p2');
    expect(decision.reasons).toContain('Pool members are tried least loaded first.');
    const tie = chooseSpoc(aRoutingInput({ roster, profiles: [priya, p1, p2, p3], openClientIssues: full }));
    expect(chosen(tie)).toBe('acc-p1');
  });

  it('applies the default capacity to profiles without their own', () => {
    const decision = chooseSpoc(
      aRoutingInput({
        profiles: [{ ...priya, capacity: null }, ana],
        openClientIssues: { 'acc-priya': 4 },
        defaultCapacity: 4,
      }),
    );
    expect(decision.considered[0]?.reason).toBe('Priya Shah (primary) has 4 of 4 open client issues: full');
    expect(chosen(decision)).toBe('acc-ana');
  });

  it('says loudly when nobody can take the issue, and escalates to the escalation manager', () => {
    const decision = chooseSpoc(
      aRoutingInput({ openClientIssues: { 'acc-priya': 8, 'acc-ana': 8, 'acc-kenji': 8 } }),
    );
    expect(decision).toMatchObject({ outcome: 'unrouted', flag: true, escalateToAccountId: 'acc-maria' });
    expect(decision.summary).toBe(
      'Unrouted: none of the 3 people considered for client Acme Ltd can take the issue within the 4 h target. ' +
        'Flagged and escalated to Maria Gomez (escalation manager).',
    );
    expect(decision.considered.every((c) => !c.chosen)).toBe(true);
  });

  it('says when the client has no roster at all', () => {
    const decision = chooseSpoc(aRoutingInput({ roster: null }));
    expect(decision).toMatchObject({ outcome: 'unrouted', flag: true, escalateToAccountId: null });
    expect(decision.summary).toBe('Unrouted: client Acme Ltd has no roster in force. Flagged for a manager.');
  });

  it('decides the same whatever order the profiles come in', () => {
    const input = aRoutingInput({ now: '2025-06-09T18:00:00Z', openClientIssues: { 'acc-ana': 8 } });
    const reversed = { ...input, profiles: [...input.profiles].reverse() };
    expect(chooseSpoc(reversed)).toEqual(chooseSpoc(input));
    expect(chosen(chooseSpoc(input))).toBe(null);
  });

  it('refuses a target that is not positive', () => {
    expect(() => chooseSpoc(aRoutingInput({ responseTargetMinutes: 0 }))).toThrow('positive');
  });
});
