import type { ClientMatchRule } from '../domain';
import { ConfigurationConflictError, InvalidInputError, NotAllowedError } from './errors';
import { saveClientRules } from './save-client-rules';
import { ACME_RULES, ADMIN, aWorld, PEOPLE, STAFF, type World } from './testing/world';

/**
 * Saving the ordered client matching rules: who may, what is checked, stale versions refused, and that a
 * refused save changes nothing. The resolver itself, on the local site with KVS, is tested in
 * test/browser/spoc-project-page-clients.test.ts.
 */
let world: World;

beforeEach(() => {
  world = aWorld();
});

const asAdmin = () => world.as(ADMIN);
const save = (caller: string, payload: unknown, deps = asAdmin()) =>
  saveClientRules.execute({ callerAccountId: caller, projectKey: 'SUP', payload }, deps);

const LABEL_RULE: ClientMatchRule = { id: 'acme-label', clientId: 'acme', kind: 'label', values: ['acme'] };

/** The stored state a refused save must leave untouched. */
const snapshot = () => ({
  version: world.config.version,
  rules: world.config.configuration.rules,
  names: { ...world.config.names },
});

describe('saving the matching rules', () => {
  it('adds, edits and removes rules in one save for a project administrator, in the order sent', async () => {
    const [portal] = ACME_RULES;
    const rules = [
      { ...LABEL_RULE, values: [' acme ', 'acme-urgent'] },
      { ...portal!, values: ['Acme Portal', 'Acme API'] },
      { id: 'acme-reporter', clientId: 'acme', kind: 'reporter-account', values: [PEOPLE.tom] },
    ];
    const saved = await save(PEOPLE.maria, { rules, expectedVersion: 1 });
    expect(saved.version).toBe(2);
    expect(world.config.configuration.rules).toEqual([
      { id: 'acme-label', clientId: 'acme', kind: 'label', values: ['acme', 'acme-urgent'] },
      { id: 'acme-portal', clientId: 'acme', kind: 'component', values: ['Acme Portal', 'Acme API'] },
      { id: 'acme-reporter', clientId: 'acme', kind: 'reporter-account', values: [PEOPLE.tom] },
    ]);
    // The removed group rule is gone; the reporter's name is kept for display.
    expect(world.config.configuration.rules.map((r) => r.id)).not.toContain('acme-group');
    expect(world.config.names[PEOPLE.tom]).toBe('Tom Berg');
    expect(world.config.updatedBy).toBe(PEOPLE.maria);
    // Nothing else of the configuration moved.
    expect(world.config.configuration.rosters).toHaveLength(1);
    expect(world.config.configuration.clients).toEqual([{ id: 'acme', name: 'Acme Ltd' }]);
  });

  it('keeps a disabled rule in its place', async () => {
    const rules = [{ ...ACME_RULES[0]!, enabled: false }, ACME_RULES[1]!];
    await save(PEOPLE.maria, { rules, expectedVersion: 1 });
    expect(world.config.configuration.rules[0]).toMatchObject({ id: 'acme-portal', enabled: false });
  });

  it('refuses someone who does not administer the project, and changes nothing', async () => {
    const before = snapshot();
    const attempt = save(PEOPLE.priya, { rules: [LABEL_RULE], expectedVersion: 1 }, world.as(STAFF));
    await expect(attempt).rejects.toBeInstanceOf(NotAllowedError);
    await expect(attempt).rejects.toThrow(
      'Only administrators of project SUP can change the client matching rules.',
    );
    expect(snapshot()).toEqual(before);
  });

  it('refuses a stale version instead of overwriting, before asking Jira about anyone', async () => {
    await save(PEOPLE.maria, { rules: [LABEL_RULE], expectedVersion: 1 });
    const before = snapshot();
    const calls = world.jira.calls.length;
    const stale = save(PEOPLE.maria, {
      rules: [{ id: 'r', clientId: 'acme', kind: 'reporter-account', values: [PEOPLE.ana] }],
      expectedVersion: 1,
    });
    await expect(stale).rejects.toBeInstanceOf(ConfigurationConflictError);
    await expect(stale).rejects.toThrow(/you edited version 1, it is now version 2/);
    expect(snapshot()).toEqual(before);
    expect(world.jira.calls.slice(calls)).toEqual([]);
  });

  it('names every problem of a broken list and stores nothing', async () => {
    const before = snapshot();
    const attempt = save(PEOPLE.maria, {
      expectedVersion: 1,
      rules: [
        { id: 'a', clientId: 'globex', kind: 'label', values: ['globex'] },
        { id: 'b', clientId: 'acme', kind: 'colour', values: ['red'] },
        { id: 'c', clientId: 'acme', kind: 'label', values: ['has space'] },
        { id: 'c', clientId: 'acme', kind: 'email-domain', values: ['@acme.com'] },
        { id: 'e', clientId: 'acme', kind: 'component', values: [] },
      ],
    });
    await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
    await expect(attempt).rejects.toMatchObject({
      problems: [
        { field: 'rules[0].clientId' },
        { field: 'rules[1].kind' },
        { field: 'rules[2].values[0]' },
        { field: 'rules[3].id' },
        { field: 'rules[3].values[0]' },
        { field: 'rules[4].values' },
      ],
    });
    await expect(attempt).rejects.toThrow(
      new RegExp(
        [
          'The matching rules were not saved',
          'client "globex", which does not exist',
          'matches on "colour", which the app does not know',
          'Jira labels cannot contain spaces',
          'same id "c" as rule 3',
          'without @',
          'Rule 5 needs at least one value',
        ].join('.*'),
        's',
      ),
    );
    expect(snapshot()).toEqual(before);
  });

  it('refuses a value two clients would claim: the first rule would always win', async () => {
    world.config.configuration = {
      ...world.config.configuration,
      clients: [...world.config.configuration.clients, { id: 'globex', name: 'Globex' }],
    };
    await expect(
      save(PEOPLE.maria, {
        expectedVersion: 1,
        rules: [LABEL_RULE, { id: 'g', clientId: 'globex', kind: 'label', values: ['ACME'] }],
      }),
    ).rejects.toThrow(/label "ACME" already matches client "acme" in rule 1/);
    expect(world.config.version).toBe(1);
  });

  it('refuses a reporter Jira does not know', async () => {
    const before = snapshot();
    await expect(
      save(PEOPLE.maria, {
        expectedVersion: 1,
        rules: [{ id: 'r', clientId: 'acme', kind: 'reporter-account', values: ['acc-ghost'] }],
      }),
    ).rejects.toThrow('No Jira user has the account id acc-ghost.');
    expect(snapshot()).toEqual(before);
  });

  it.each([
    ['no object', 'rules', /Send the matching rules as a JSON object/],
    ['no version', { rules: [] }, /expectedVersion/],
    ['a negative version', { rules: [], expectedVersion: -1 }, /expectedVersion/],
    ['rules that are not a list', { rules: { a: 1 }, expectedVersion: 1 }, /rules: a list of/],
  ])('explains a malformed payload (%s)', async (_what, payload, message) => {
    const before = snapshot();
    await expect(save(PEOPLE.maria, payload)).rejects.toThrow(message);
    expect(snapshot()).toEqual(before);
  });

  it('warns when a client is left without an enabled rule, or with email domains alone', async () => {
    const saved = await save(PEOPLE.maria, {
      expectedVersion: 1,
      rules: [{ id: 'd', clientId: 'acme', kind: 'email-domain', values: ['acme.com'] }],
    });
    expect(saved.warnings).toEqual([expect.stringMatching(/Acme Ltd is recognised only by email domain/)]);
    const none = await save(PEOPLE.maria, { expectedVersion: 2, rules: [] });
    expect(none.warnings).toEqual([
      'No enabled rule recognises client Acme Ltd, so none of its issues will be routed.',
    ]);
    expect(world.config.configuration.rules).toEqual([]);
  });
});
