import { validateConfiguration } from './configuration-validation';
import { aConfigurationDocument } from './testing/configuration-builders';
import { aRosterVersion } from './testing/roster-builders';
import { aSpocProfile } from './testing/spoc-profile-builders';

/** The problems as "path: words", the path where a screen would show them. */
const problemsOf = (input: unknown): string => {
  const checked = validateConfiguration(input);
  return checked.ok ? '' : checked.problems.map((p) => `${p.path}: ${p.message}`).join(' ');
};

describe('validateConfiguration', () => {
  it('accepts a complete document, fills the roster name from the client list and policy defaults', () => {
    const checked = validateConfiguration(aConfigurationDocument());
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.rosters[0]?.clientName).toBe('Acme Ltd');
    expect(checked.value.policy.bypass).toBe('revert');
    expect(checked.value.policy.defaultCapacity).toBe(10);
    expect(checked.value.settings).toEqual({ deliveryTeamAccountIds: [], internalCommentRole: 'members' });
  });

  it('catches references to clients that are not in the list', () => {
    expect(
      problemsOf(
        aConfigurationDocument({ rules: [{ id: 'r1', clientId: 'globex', kind: 'label', values: ['g'] }] }),
      ),
    ).toMatch(/rules\[0\]\.clientId: Rule 1 names client "globex", which does not exist/);
    expect(
      problemsOf(
        aConfigurationDocument({
          rosters: [{ clientId: 'globex', versions: [aRosterVersion({ clientId: 'globex' })] }],
        }),
      ),
    ).toMatch(/not in the client list/);
  });

  it('reports problems with the path inside the document and words that say whose they are', () => {
    const text = problemsOf(
      aConfigurationDocument({
        clients: [
          { id: 'bad id!', name: 'X' },
          { id: 'acme', name: '' },
        ],
        profiles: [aSpocProfile({ timeZone: 'Atlantis/Capital' })],
        settings: { deliveryTeamAccountIds: ['has space'], colour: 'blue' },
        extra: true,
      }),
    );
    expect(text).toMatch(/clients\[0\]\.id: Client 1: the id "bad id!"/);
    expect(text).toMatch(/clients\[1\]\.name: Client "acme" needs a name/);
    expect(text).toMatch(
      /profiles\[0\]\.timeZone: Profile of Priya Shah: "Atlantis\/Capital" is not a time zone/,
    );
    expect(text).toMatch(/settings\.colour: "colour" is not a setting/);
    expect(text).toMatch(/settings\.deliveryTeamAccountIds\[0\]/);
    expect(text).toMatch(/extra: "extra" is not part of the configuration/);
  });

  it('refuses two rosters or two profiles for the same client or person', () => {
    expect(
      problemsOf(
        aConfigurationDocument({
          rosters: [
            { clientId: 'acme', versions: [aRosterVersion()] },
            { clientId: 'acme', versions: [aRosterVersion()] },
          ],
        }),
      ),
    ).toMatch(/more than one roster/);
    expect(problemsOf(aConfigurationDocument({ profiles: [aSpocProfile(), aSpocProfile()] }))).toMatch(
      /has two profiles/,
    );
  });

  it('refuses a version of the document it cannot read', () => {
    expect(problemsOf(aConfigurationDocument({ schemaVersion: 2 }))).toMatch(
      /Configuration version 2 is not one this app reads/,
    );
    expect(problemsOf('not json')).toMatch(/must be a JSON object/);
  });
});
