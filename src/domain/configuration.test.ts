import { accountIdsIn, configurationWarnings, validateConfiguration } from './configuration';
import { aRosterVersion } from './testing/roster-builders';
import { aSpocProfile } from './testing/spoc-profile-builders';
import { describeProblems } from './validation';

/** The configuration document checked as a whole: its parts and how they refer to each other. */
const document = (overrides: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  clients: [{ id: 'acme', name: 'Acme Ltd' }],
  rules: [{ id: 'r1', clientId: 'acme', kind: 'label', values: ['acme'] }],
  rosters: [{ clientId: 'acme', versions: [aRosterVersion()] }],
  profiles: [aSpocProfile()],
  policy: { bypass: 'revert' },
  ...overrides,
});

const problemsOf = (input: unknown): string => {
  const checked = validateConfiguration(input);
  return checked.ok ? '' : describeProblems(checked.problems);
};

describe('validateConfiguration', () => {
  it('accepts a complete document, fills the roster name from the client list and policy defaults', () => {
    const checked = validateConfiguration(document());
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.rosters[0]?.clientName).toBe('Acme Ltd');
    expect(checked.value.policy.bypass).toBe('revert');
    expect(checked.value.policy.defaultCapacity).toBe(10);
    expect(checked.value.settings).toEqual({ deliveryTeamAccountIds: [], internalCommentRole: 'members' });
  });

  it('catches references to clients that are not in the list', () => {
    expect(
      problemsOf(document({ rules: [{ id: 'r1', clientId: 'globex', kind: 'label', values: ['g'] }] })),
    ).toMatch(/rules\[0\]\.clientId: Rule 1 names client "globex", which does not exist/);
    expect(
      problemsOf(
        document({ rosters: [{ clientId: 'globex', versions: [aRosterVersion({ clientId: 'globex' })] }] }),
      ),
    ).toMatch(/not in the client list/);
  });

  it('reports problems with the path inside the document', () => {
    const text = problemsOf(
      document({
        clients: [
          { id: 'bad id!', name: 'X' },
          { id: 'acme', name: '' },
        ],
        profiles: [aSpocProfile({ timeZone: 'Atlantis/Capital' })],
        settings: { deliveryTeamAccountIds: ['has space'], colour: 'blue' },
        extra: true,
      }),
    );
    expect(text).toMatch(/clients\[0\]\.id: Client id "bad id!"/);
    expect(text).toMatch(/clients\[1\]\.name: Client acme needs a name/);
    expect(text).toMatch(/profiles\[0\]\.timeZone: "Atlantis\/Capital" is not an IANA time zone/);
    expect(text).toMatch(/settings\.colour: "colour" is not a setting/);
    expect(text).toMatch(/settings\.deliveryTeamAccountIds\[0\]/);
    expect(text).toMatch(/extra: "extra" is not part of the configuration/);
  });

  it('refuses two rosters or two profiles for the same client or person', () => {
    expect(
      problemsOf(
        document({
          rosters: [
            { clientId: 'acme', versions: [aRosterVersion()] },
            { clientId: 'acme', versions: [aRosterVersion()] },
          ],
        }),
      ),
    ).toMatch(/more than one roster/);
    expect(problemsOf(document({ profiles: [aSpocProfile(), aSpocProfile()] }))).toMatch(/has two profiles/);
  });

  it('refuses a version of the document it cannot read', () => {
    expect(problemsOf(document({ schemaVersion: 2 }))).toMatch(
      /Configuration version 2 is not one this app reads/,
    );
    expect(problemsOf('not json')).toMatch(/must be a JSON object/);
  });
});

describe('configurationWarnings and accountIdsIn', () => {
  const checked = validateConfiguration(
    document({
      clients: [
        { id: 'acme', name: 'Acme Ltd' },
        { id: 'solo', name: 'Solo Inc' },
      ],
      profiles: [aSpocProfile()],
    }),
  );
  if (!checked.ok) throw new Error('fixture must be valid');

  it('warns about roster people without profiles and clients without roster or rule', () => {
    const warnings = configurationWarnings(checked.value).join('\n');
    expect(warnings).toMatch(/acc-ana is on the roster of Acme Ltd but has no SPOC profile/);
    expect(warnings).toMatch(/Client Solo Inc has no roster/);
    expect(warnings).toMatch(/No enabled rule recognises client Solo Inc/);
  });

  it('lists every person the configuration names', () => {
    expect([...accountIdsIn(checked.value)].sort()).toEqual([
      'acc-ana',
      'acc-kenji',
      'acc-maria',
      'acc-priya',
    ]);
  });
});
