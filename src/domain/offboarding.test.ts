import {
  applyIssueMove,
  offboardingWarnings,
  planIssueMoves,
  planRosterOffboarding,
  type RosterOffboardingPlan,
} from './offboarding';
import { aClientRoster, aRosterVersion } from './testing/roster-builders';
import { anOutOfOffice, aSpocProfile } from './testing/spoc-profile-builders';
import { theAcmeTeam } from './testing/routing-builders';
import { afterActions, aTriageRecord } from './testing/triage-builders';
import type { Validated } from './validation';

/**
 * Offboarding Priya from Acme's roster (primary; Ana and Kenji back her up, Maria manages) and from Globex's
 * (where she is a backup), on Mon 9 Jun 2025 at 10:00 London: the successor takes every place she held,
 * history is kept, and each change says why in words.
 */
const NOW = '2025-06-09T09:00:00.000Z';
const names = {
  'acc-priya': 'Priya Shah',
  'acc-ana': 'Ana Lima',
  'acc-kenji': 'Kenji Sato',
  'acc-tom': 'Tom Berg',
  'acc-maria': 'Maria Gomez',
};

const globex = {
  ...aClientRoster(
    aRosterVersion({
      clientId: 'globex',
      primarySpocAccountId: 'acc-kenji',
      backupAccountIds: ['acc-priya'],
      poolAccountIds: ['acc-tom'],
      escalationManagerAccountId: 'acc-priya',
    }),
  ),
  clientName: 'Globex Retail',
};

function planned(plan: Validated<RosterOffboardingPlan>): RosterOffboardingPlan {
  if (!plan.ok) throw new Error(plan.problems.map((p) => p.message).join(' '));
  return plan.value;
}

const offboard = (successor: string, rosters = [aClientRoster(), globex]) =>
  planned(
    planRosterOffboarding({
      rosters,
      leavingAccountId: 'acc-priya',
      successorAccountId: successor,
      now: NOW,
      names,
      reason: 'Priya moves to the platform team.',
    }),
  );

describe('the rosters, when a SPOC leaves', () => {
  it('puts the successor in every place she held, as new versions from now that keep the old ones', () => {
    const plan = offboard('acc-tom');
    const acme = plan.rosters.find((r) => r.clientId === 'acme');
    expect(acme?.versions).toHaveLength(2);
    expect(acme?.versions[0]).toEqual(aRosterVersion());
    expect(acme?.versions[1]).toMatchObject({
      effectiveFrom: NOW,
      primarySpocAccountId: 'acc-tom',
      backupAccountIds: ['acc-ana', 'acc-kenji'],
      escalationManagerAccountId: 'acc-maria',
      handoverNote:
        'Priya Shah leaves the SPOC team; Tom Berg takes over their roles. Priya moves to the platform team.',
    });
    // Tom was in Globex's pool: he takes her backup place and leaves the pool, listed once.
    expect(plan.rosters.find((r) => r.clientId === 'globex')?.versions[1]).toMatchObject({
      primarySpocAccountId: 'acc-kenji',
      backupAccountIds: ['acc-tom'],
      poolAccountIds: [],
      escalationManagerAccountId: 'acc-tom',
    });
    expect(plan.offboardings).toEqual([
      {
        clientId: 'acme',
        clientName: 'Acme Ltd',
        effectiveFrom: NOW,
        planned: false,
        changes: [
          {
            role: 'primary',
            position: 0,
            from: 'acc-priya',
            to: 'acc-tom',
            reason: 'Tom Berg becomes the primary SPOC in place of Priya Shah.',
          },
        ],
      },
      {
        clientId: 'globex',
        clientName: 'Globex Retail',
        effectiveFrom: NOW,
        planned: false,
        changes: [
          {
            role: 'backup',
            position: 1,
            from: 'acc-priya',
            to: 'acc-tom',
            reason: "Tom Berg takes Priya Shah's place as backup 1. Tom Berg leaves the pool.",
          },
          {
            role: 'escalation-manager',
            position: 0,
            from: 'acc-priya',
            to: 'acc-tom',
            reason:
              'Tom Berg becomes the escalation manager in place of Priya Shah: escalations of this client, and issues nobody could take, go to Tom Berg.',
          },
        ],
      },
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('lets a backup who succeeds her move up to primary, and the backups after move up', () => {
    const acme = offboard('acc-ana').rosters.find((r) => r.clientId === 'acme');
    expect(acme?.versions[1]).toMatchObject({
      primarySpocAccountId: 'acc-ana',
      backupAccountIds: ['acc-kenji'],
    });
    expect(offboard('acc-ana').offboardings[0]?.changes[0]?.reason).toBe(
      'Ana Lima becomes the primary SPOC in place of Priya Shah. Ana Lima leaves backup place 1; the backups after move up.',
    );
  });

  it('drops her backup place when the successor is on the roster already', () => {
    const roster = aClientRoster(
      aRosterVersion({ primarySpocAccountId: 'acc-kenji', backupAccountIds: ['acc-priya', 'acc-ana'] }),
    );
    const plan = offboard('acc-ana', [roster]);
    expect(plan.rosters[0]?.versions[1]).toMatchObject({
      primarySpocAccountId: 'acc-kenji',
      backupAccountIds: ['acc-ana'],
    });
    expect(plan.offboardings[0]?.changes).toEqual([
      {
        role: 'backup',
        position: 1,
        from: 'acc-priya',
        to: null,
        reason:
          'Priya Shah leaves backup place 1; Ana Lima is already a backup, so the backups after move up.',
      },
    ]);
  });

  it('refuses, in words, a successor who would be both primary SPOC and escalation manager', () => {
    const plan = planRosterOffboarding({
      rosters: [globex],
      leavingAccountId: 'acc-priya',
      successorAccountId: 'acc-kenji',
      now: NOW,
      names,
    });
    expect(plan).toEqual({
      ok: false,
      problems: [
        {
          path: 'rosters',
          message:
            'Globex Retail: the successor would be both its primary SPOC and its escalation manager. Choose another successor, or give Globex Retail another escalation manager first.',
        },
      ],
    });
  });

  it('changes a version planned for later where it stands, and leaves rosters without her alone', () => {
    const later = aRosterVersion({
      effectiveFrom: '2025-07-01T00:00:00.000Z',
      poolAccountIds: ['acc-priya'],
    });
    const initech = {
      ...aClientRoster(aRosterVersion({ clientId: 'initech', primarySpocAccountId: 'acc-kenji' })),
      clientName: 'Initech',
    };
    const plan = offboard('acc-tom', [aClientRoster(aRosterVersion(), later), initech]);
    expect(plan.rosters.map((r) => r.clientId)).toEqual(['acme']);
    const versions = plan.rosters[0]?.versions ?? [];
    expect(versions.map((v) => v.effectiveFrom)).toEqual([
      '2025-01-01T00:00:00.000Z',
      NOW,
      '2025-07-01T00:00:00.000Z',
    ]);
    expect(versions[2]).toMatchObject({ primarySpocAccountId: 'acc-tom', poolAccountIds: [] });
    expect(plan.offboardings.map((o) => [o.effectiveFrom, o.planned])).toEqual([
      [NOW, false],
      ['2025-07-01T00:00:00.000Z', true],
    ]);
  });

  it('warns that she still receives vetted work, which it leaves alone', () => {
    const roster = aClientRoster(
      aRosterVersion({ deliveryTarget: { kind: 'user', accountId: 'acc-priya' } }),
    );
    expect(offboard('acc-tom', [roster]).warnings).toEqual([
      'Priya Shah also receives the vetted work of Acme Ltd. Offboarding leaves delivery alone: choose who receives it instead in the roster editor.',
    ]);
  });

  it('refuses her as her own successor', () => {
    const plan = planRosterOffboarding({
      rosters: [aClientRoster()],
      leavingAccountId: 'acc-priya',
      successorAccountId: 'acc-priya',
      now: NOW,
    });
    expect(plan).toEqual({
      ok: false,
      problems: [
        {
          path: 'successorAccountId',
          message: 'Choose someone other than the person who is leaving to take over.',
        },
      ],
    });
  });
});

describe('her open issues', () => {
  const hers = aTriageRecord();
  // Handed over to Tom while she was away, then to Ana.
  const coveredByTom = { ...aTriageRecord({ spocAccountId: 'acc-tom' }), handedOverFrom: 'acc-priya' };
  const coveredByAna = { ...aTriageRecord({ spocAccountId: 'acc-ana' }), handedOverFrom: 'acc-priya' };
  const vetted = afterActions(aTriageRecord(), [{ type: 'accept-for-delivery' }]);
  const issues = [
    { issueId: '3', issueKey: 'SUP-3', record: coveredByAna },
    { issueId: '1', issueKey: 'SUP-1', record: hers },
    { issueId: '2', issueKey: 'SUP-2', record: coveredByTom },
    { issueId: '4', issueKey: 'SUP-4', record: vetted },
    { issueId: '1', issueKey: 'SUP-1', record: hers },
  ];

  it('move to the successor, those covered during her absence too, each with its reason', () => {
    expect(planIssueMoves(issues, 'acc-priya', 'acc-tom', names)).toEqual([
      {
        kind: 'move',
        issueId: '1',
        issueKey: 'SUP-1',
        from: 'acc-priya',
        to: 'acc-tom',
        handedOver: false,
        reason: 'Priya Shah leaves the SPOC team; Tom Berg takes over their clients.',
      },
      {
        kind: 'keep',
        issueId: '2',
        issueKey: 'SUP-2',
        from: 'acc-tom',
        to: 'acc-tom',
        handedOver: true,
        reason:
          "Tom Berg covered this issue during Priya Shah's absence and keeps it, as Priya Shah leaves the SPOC team.",
      },
      {
        kind: 'move',
        issueId: '3',
        issueKey: 'SUP-3',
        from: 'acc-ana',
        to: 'acc-tom',
        handedOver: true,
        reason:
          "Ana Lima covered this issue during Priya Shah's absence; Priya Shah leaves the SPOC team, so Tom Berg takes it over.",
      },
    ]);
  });

  it('are reassigned by the manager with the reason in the history and a fresh clock when given one', () => {
    const [move] = planIssueMoves(issues, 'acc-priya', 'acc-tom', names);
    const outcome = applyIssueMove(hers, move!, 'acc-priya', {
      by: 'acc-maria',
      at: '2025-06-09T10:00:00Z',
      dueAt: '2025-06-09T14:00:00Z',
      names,
    });
    if (!outcome.ok) throw new Error(outcome.refusal);
    expect(outcome.summary).toBe('Maria Gomez reassigned the issue to Tom Berg.');
    expect(outcome.record).toMatchObject({
      spocAccountId: 'acc-tom',
      dueAt: '2025-06-09T14:00:00.000Z',
      handedOverFrom: null,
    });
    expect(outcome.record.history.at(-1)).toMatchObject({
      event: 'reassign',
      by: 'acc-maria',
      spoc: 'acc-tom',
      note: 'Priya Shah leaves the SPOC team; Tom Berg takes over their clients.',
    });
  });

  it('kept by the one who covered them lose her claim, and keep their clock and acknowledgement', () => {
    const acknowledged = {
      ...coveredByTom,
      acknowledged: { by: 'acc-tom', at: '2025-06-09T09:30:00.000Z', until: '2025-06-09T10:30:00.000Z' },
    };
    const keep = planIssueMoves(issues, 'acc-priya', 'acc-tom', names)[1]!;
    const outcome = applyIssueMove(acknowledged, keep, 'acc-priya', { by: 'acc-maria', at: NOW, names });
    if (!outcome.ok) throw new Error(outcome.refusal);
    expect(outcome.record).toMatchObject({
      spocAccountId: 'acc-tom',
      handedOverFrom: null,
      dueAt: acknowledged.dueAt,
      acknowledged: acknowledged.acknowledged,
    });
    expect(outcome.record.history.at(-1)).toMatchObject({ event: 'reassign', note: keep.reason });
  });

  it('that changed since the preview are refused, not overwritten', () => {
    const [move] = planIssueMoves(issues, 'acc-priya', 'acc-tom', names);
    const takenOver = afterActions(hers, [{ type: 'take-over' }], 'acc-ana');
    expect(applyIssueMove(takenOver, move!, 'acc-priya', { by: 'acc-maria', at: NOW })).toEqual({
      ok: false,
      refusal:
        'SUP-1 changed since the preview (its SPOC or state is no longer the same), so it was not moved.',
    });
  });
});

describe('what the manager is warned of', () => {
  const base = {
    now: NOW,
    leavingAccountId: 'acc-priya',
    successorAccountId: 'acc-tom',
    leavingProfile: theAcmeTeam.priya,
    successorProfile: theAcmeTeam.tom,
    profiles: Object.values(theAcmeTeam),
    successorOpen: 0,
    moving: 2,
    defaultCapacity: 8,
    names,
  };

  it('nothing when the successor is in, has room, and she covers nobody', () => {
    expect(offboardingWarnings(base)).toEqual([]);
  });

  it('a successor with no profile, away, or over capacity', () => {
    expect(offboardingWarnings({ ...base, successorProfile: null })).toEqual([
      'Tom Berg has no SPOC profile: routing skips them for new issues of these clients, and the response clocks of the issues they get run around the clock. Add their availability first.',
    ]);
    const away = aSpocProfile({
      ...theAcmeTeam.tom,
      outOfOffice: [anOutOfOffice({ from: '2025-06-08T00:00:00Z', until: '2025-06-12T23:00:00Z' })],
    });
    expect(offboardingWarnings({ ...base, successorProfile: away, successorOpen: 4 })).toEqual([
      'Tom Berg is out of office until Fri 13 Jun 2025: the sweep hands the waiting issues they get on to their delegate or a backup until they are back.',
      'Tom Berg would hold 6 open client issues, over their capacity of 5: routing sends them no new issues until some are vetted.',
    ]);
  });

  it('an absence she was to cover, and her own absence now', () => {
    const ana = {
      ...theAcmeTeam.ana,
      outOfOffice: [
        anOutOfOffice({
          from: '2025-06-16T03:00:00Z',
          until: '2025-06-21T03:00:00Z',
          delegateAccountId: 'acc-priya',
        }),
      ],
    };
    const priya = {
      ...theAcmeTeam.priya,
      outOfOffice: [anOutOfOffice({ from: '2025-06-02T00:00:00Z', until: '2025-06-13T23:00:00Z' })],
    };
    expect(
      offboardingWarnings({ ...base, leavingProfile: priya, profiles: [priya, ana, theAcmeTeam.tom] }),
    ).toEqual([
      "Priya Shah is to cover Ana Lima's absence from Mon 16 Jun 2025 00:00 America/Sao_Paulo until Sat 21 Jun 2025 00:00 America/Sao_Paulo; choose another delegate under Availability, or routing still sends them Ana Lima's issues.",
      'Priya Shah is out of office until Sat 14 Jun 2025 00:00 Europe/London: the issues handed over during the absence pass to the successor too, and none come back to them.',
    ]);
  });
});
