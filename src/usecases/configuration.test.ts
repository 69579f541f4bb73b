import { aSpocProfile } from '../domain/testing/spoc-profile-builders';
import { ConfigurationConflictError, InvalidInputError, NotAllowedError } from './errors';
import { exportConfiguration } from './export-configuration';
import { getConfiguration } from './get-configuration';
import { importConfiguration } from './import-configuration';
import { saveClientRoster } from './save-client-roster';
import { savePolicy } from './save-policy';
import { saveSpocProfile } from './save-spoc-profile';
import { ADMIN, aWorld, PEOPLE, STAFF, type World } from './testing/world';

/** Reading and changing the configuration: who may, what is checked, and stale versions refused. */
let world: World;

beforeEach(() => {
  world = aWorld();
});

const asAdmin = () => world.as(ADMIN);
const asStaff = () => world.as(STAFF);
const page = (caller: string, payload?: unknown) => ({ callerAccountId: caller, projectKey: 'SUP', payload });

/** The refusal a save ends in; a save that succeeds fails the test. */
async function refusalOf(attempt: Promise<unknown>): Promise<InvalidInputError> {
  const outcome = await attempt.then(
    () => new Error('The save was not refused.'),
    (error: unknown) => error,
  );
  if (!(outcome instanceof InvalidInputError)) throw outcome;
  return outcome;
}

describe('import and export', () => {
  it('round-trips the whole configuration for a project administrator', async () => {
    const exported = await exportConfiguration.execute(page(PEOPLE.maria), asAdmin());
    const saved = await importConfiguration.execute(
      page(PEOPLE.maria, { document: exported, expectedVersion: exported.version }),
      asAdmin(),
    );
    expect(saved.version).toBe(2);
    expect(world.config.configuration.rosters).toHaveLength(1);
    expect(world.config.names[PEOPLE.priya]).toBe('Priya Shah');
  });

  it('refuses a SPOC who does not administer the project', async () => {
    await expect(exportConfiguration.execute(page(PEOPLE.priya), asStaff())).rejects.toThrow(NotAllowedError);
    const document = await exportConfiguration.execute(page(PEOPLE.maria), asAdmin());
    await expect(
      importConfiguration.execute(page(PEOPLE.priya, { document, expectedVersion: 1 }), asStaff()),
    ).rejects.toThrow(/Only administrators of project SUP/);
    expect(world.config.version).toBe(1);
  });

  it('refuses a stale version instead of overwriting, and says which version is current', async () => {
    const document = await exportConfiguration.execute(page(PEOPLE.maria), asAdmin());
    await importConfiguration.execute(page(PEOPLE.maria, { document, expectedVersion: 1 }), asAdmin());
    const stale = importConfiguration.execute(
      page(PEOPLE.maria, { document, expectedVersion: 1 }),
      asAdmin(),
    );
    await expect(stale).rejects.toBeInstanceOf(ConfigurationConflictError);
    await expect(stale).rejects.toThrow(/you edited version 1, it is now version 2/);
  });

  it('names every problem of a broken document and stores nothing', async () => {
    const document = {
      schemaVersion: 1,
      clients: [{ id: 'acme', name: 'Acme' }],
      rules: [{ id: 'r1', clientId: 'nobody', kind: 'label', values: ['x'] }],
      rosters: [],
      profiles: [
        {
          accountId: PEOPLE.priya,
          displayName: 'Priya',
          timeZone: 'Mars/Olympus',
          workingHours: [],
          capacity: null,
          outOfOffice: [],
        },
      ],
      policy: { bypass: 'maybe' },
    };
    const attempt = importConfiguration.execute(
      page(PEOPLE.maria, { document, expectedVersion: 1 }),
      asAdmin(),
    );
    await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
    await expect(attempt).rejects.toThrow(/client "nobody", which does not exist.*Mars\/Olympus.*maybe/s);
    await expect(attempt).rejects.toMatchObject({
      problems: [
        { field: 'document.rules[0].clientId' },
        { field: 'document.profiles[0].timeZone', message: expect.stringMatching(/^Profile of Priya: /) },
        { field: 'document.policy.bypass', message: expect.stringMatching(/^Policy: /) },
      ],
    });
    expect(world.config.version).toBe(1);
  });

  it('refuses people Jira does not know', async () => {
    const document = await exportConfiguration.execute(page(PEOPLE.maria), asAdmin());
    const withGhost = {
      ...document,
      settings: { deliveryTeamAccountIds: ['acc-ghost'], internalCommentRole: 'members' },
    };
    await expect(
      importConfiguration.execute(page(PEOPLE.maria, { document: withGhost, expectedVersion: 1 }), asAdmin()),
    ).rejects.toThrow(/No Jira user has the account id acc-ghost/);
  });

  it('tells the page whether the caller may edit, by the rule the saves enforce', async () => {
    const view = (caller: string, permissions: readonly string[]) =>
      getConfiguration.execute(page(caller), world.as(permissions));
    expect((await view(PEOPLE.maria, ADMIN)).canEdit).toBe(true);
    expect((await view(PEOPLE.priya, STAFF)).canEdit).toBe(false);
    expect((await view(PEOPLE.dev, STAFF)).canEdit).toBe(false);
    // A Jira administrator who does not administer the project may save too, so may edit.
    expect((await view(PEOPLE.stranger, ['BROWSE_PROJECTS', 'ADMINISTER'])).canEdit).toBe(true);
    await expect(
      savePolicy.execute(
        page(PEOPLE.stranger, { policy: { bypass: 'revert' }, expectedVersion: 1 }),
        world.as(['ADMINISTER']),
      ),
    ).resolves.toEqual({ version: 2, warnings: [] });
  });

  it('names whoever saved last, asking Jira when the configuration does not name them', async () => {
    await savePolicy.execute(
      page(PEOPLE.tom, { policy: { bypass: 'revert' }, expectedVersion: 1 }),
      asAdmin(),
    );
    const view = await getConfiguration.execute(page(PEOPLE.priya), asStaff());
    expect(view.updatedBy).toEqual({ accountId: PEOPLE.tom, displayName: 'Tom Berg' });
  });

  it('lets SPOCs read the configuration but not strangers', async () => {
    const view = await getConfiguration.execute(page(PEOPLE.priya), asStaff());
    expect(view.document.clients).toEqual([{ id: 'acme', name: 'Acme Ltd' }]);
    await expect(
      getConfiguration.execute(page(PEOPLE.stranger), world.as(['BROWSE_PROJECTS'])),
    ).rejects.toThrow(NotAllowedError);
  });
});

describe('SPOC profiles', () => {
  it('a SPOC changes their own profile, not someone else’s', async () => {
    const own = aSpocProfile({ capacity: 3 });
    await saveSpocProfile.execute(page(PEOPLE.priya, { profile: own, expectedVersion: 1 }), asStaff());
    expect(world.config.configuration.profiles.find((p) => p.accountId === PEOPLE.priya)?.capacity).toBe(3);
    const other = aSpocProfile({ accountId: PEOPLE.ana, displayName: 'Ana Lima', capacity: 0 });
    await expect(
      saveSpocProfile.execute(page(PEOPLE.priya, { profile: other, expectedVersion: 2 }), asStaff()),
    ).rejects.toThrow(/only change your own SPOC profile/);
  });

  it('an administrator adds a new SPOC; the new SPOC could not add themselves', async () => {
    const newcomer = aSpocProfile({ accountId: PEOPLE.maria, displayName: 'Maria Gomez' });
    await expect(
      saveSpocProfile.execute(page(PEOPLE.maria, { profile: newcomer, expectedVersion: 1 }), asStaff()),
    ).rejects.toThrow(/make someone a SPOC/);
    await saveSpocProfile.execute(page(PEOPLE.maria, { profile: newcomer, expectedVersion: 1 }), asAdmin());
    expect(world.config.configuration.profiles.map((p) => p.accountId)).toContain(PEOPLE.maria);
  });

  it('drops absences that are over and rejects a bad time zone', async () => {
    const past = { from: '2025-01-01T00:00:00Z', until: '2025-01-05T00:00:00Z', delegateAccountId: null };
    await saveSpocProfile.execute(
      page(PEOPLE.priya, { profile: aSpocProfile({ outOfOffice: [past] }), expectedVersion: 1 }),
      asStaff(),
    );
    expect(
      world.config.configuration.profiles.find((p) => p.accountId === PEOPLE.priya)?.outOfOffice,
    ).toEqual([]);
    await expect(
      saveSpocProfile.execute(
        page(PEOPLE.priya, { profile: aSpocProfile({ timeZone: 'Nowhere' }), expectedVersion: 2 }),
        asStaff(),
      ),
    ).rejects.toThrow(/"Nowhere" is not a time zone/);
  });

  it('names every problem of a profile at once, each at its field in the payload, and saves nothing', async () => {
    const profile = aSpocProfile({
      timeZone: 'Nowhere',
      capacity: -1,
      workingHours: [
        { day: 'mon', start: '09:00', end: '17:00' },
        { day: 'tue', start: '25:00', end: '17:00' },
      ],
    });
    const refusal = await refusalOf(
      saveSpocProfile.execute(page(PEOPLE.priya, { profile, expectedVersion: 1 }), asStaff()),
    );
    expect(refusal.problems).toEqual([
      {
        field: 'profile.timeZone',
        message: '"Nowhere" is not a time zone; choose one such as Europe/London.',
      },
      {
        field: 'profile.workingHours[1].start',
        message: 'Working hours: Tuesday\'s shift starts at "25:00", which is not a time such as 09:00.',
      },
      {
        field: 'profile.capacity',
        message:
          "Capacity is a whole number of client issues from 0 to 500, or empty for the policy's default.",
      },
    ]);
    // The sentence holds the same words and no path.
    expect(refusal.message).toBe(
      `The profile was not saved. ${refusal.problems.map((p) => p.message).join(' ')}`,
    );
    expect(refusal.message).not.toMatch(/workingHours|\[1\]/);
    expect(world.config.version).toBe(1);
  });

  it('stands a delegate Jira does not know at the absence that names them', async () => {
    const away = {
      from: '2030-01-01T00:00:00Z',
      until: '2030-01-05T00:00:00Z',
      delegateAccountId: 'acc-ghost',
    };
    const refusal = await refusalOf(
      saveSpocProfile.execute(
        page(PEOPLE.priya, { profile: aSpocProfile({ outOfOffice: [away] }), expectedVersion: 1 }),
        asStaff(),
      ),
    );
    expect(refusal.problems).toEqual([
      {
        field: 'profile.outOfOffice[0].delegateAccountId',
        message: 'No Jira user has the account id "acc-ghost"; choose the person again.',
      },
    ]);
  });
});

describe('rosters and policy', () => {
  it('a handover adds a dated roster version for an administrator', async () => {
    const saved = await saveClientRoster.execute(
      page(PEOPLE.maria, {
        clientId: 'acme',
        expectedVersion: 1,
        version: {
          primarySpocAccountId: PEOPLE.kenji,
          backupAccountIds: [PEOPLE.priya],
          deliveryTarget: { kind: 'unassigned' },
          escalationManagerAccountId: PEOPLE.maria,
        },
      }),
      asAdmin(),
    );
    expect(saved.version).toBe(2);
    const roster = world.config.configuration.rosters[0]!;
    expect(roster.versions).toHaveLength(2);
    expect(roster.versions[1]).toMatchObject({
      primarySpocAccountId: PEOPLE.kenji,
      effectiveFrom: '2025-06-09T09:00:00.000Z',
    });
  });

  it('a new client needs a name, and only administrators change rosters', async () => {
    const version = {
      primarySpocAccountId: PEOPLE.priya,
      deliveryTarget: { kind: 'unassigned' },
      escalationManagerAccountId: PEOPLE.maria,
    };
    await expect(
      saveClientRoster.execute(
        page(PEOPLE.maria, { clientId: 'globex', expectedVersion: 1, version }),
        asAdmin(),
      ),
    ).rejects.toThrow(/Client globex is new: give its name/);
    await expect(
      saveClientRoster.execute(
        page(PEOPLE.priya, { clientId: 'globex', clientName: 'Globex', expectedVersion: 1, version }),
        asStaff(),
      ),
    ).rejects.toThrow(NotAllowedError);
    await saveClientRoster.execute(
      page(PEOPLE.maria, { clientId: 'globex', clientName: 'Globex', expectedVersion: 1, version }),
      asAdmin(),
    );
    expect(world.config.configuration.clients.map((c) => c.id)).toEqual(['acme', 'globex']);
  });

  it('the policy is saved by administrators with its settings checked', async () => {
    await expect(
      savePolicy.execute(
        page(PEOPLE.maria, { policy: { defaultCapacity: 0 }, expectedVersion: 1 }),
        asAdmin(),
      ),
    ).rejects.toThrow(/default capacity/);
    await expect(
      savePolicy.execute(page(PEOPLE.priya, { policy: {}, expectedVersion: 1 }), asStaff()),
    ).rejects.toThrow(NotAllowedError);
    await savePolicy.execute(
      page(PEOPLE.maria, { policy: { bypass: 'revert' }, expectedVersion: 1 }),
      asAdmin(),
    );
    expect(world.config.configuration.policy.bypass).toBe('revert');
    await expect(savePolicy.execute(page(PEOPLE.maria, { policy: {} }), asAdmin())).rejects.toThrow(
      /expectedVersion/,
    );
  });

  it('names every problem of a roster at once, at the fields of the payload, before asking Jira', async () => {
    const calls = world.jira.calls.length;
    const refusal = await refusalOf(
      saveClientRoster.execute(
        page(PEOPLE.maria, {
          clientId: 'acme',
          expectedVersion: 1,
          version: {
            primarySpocAccountId: PEOPLE.priya,
            backupAccountIds: [PEOPLE.priya, 'has space'],
            deliveryTarget: { kind: 'user' },
            escalationManagerAccountId: PEOPLE.priya,
            handoverNote: 'x'.repeat(501),
          },
        }),
        asAdmin(),
      ),
    );
    expect(refusal.problems.map((p) => p.field)).toEqual([
      'version.backupAccountIds[0]',
      'version.backupAccountIds[1]',
      'version.deliveryTarget.accountId',
      'version.escalationManagerAccountId',
      'version.handoverNote',
    ]);
    expect(refusal.message).toMatch(/^The roster was not saved\. Backup 1 is the primary SPOC already/);
    expect(world.jira.calls.slice(calls)).toEqual([]);
    expect(world.config.version).toBe(1);

    const shape = await refusalOf(
      saveClientRoster.execute(
        page(PEOPLE.maria, { clientId: 'not an id', clientName: '', version: [], expectedVersion: 1 }),
        asAdmin(),
      ),
    );
    expect(shape.problems.map((p) => p.field)).toEqual(['clientId', 'clientName', 'version']);
  });

  it('places policy problems under the policy and the delivery team under the settings', async () => {
    const refusal = await refusalOf(
      savePolicy.execute(
        page(PEOPLE.maria, {
          policy: { responseTargets: { byPriority: { High: 0 } }, atRiskPercent: 100 },
          settings: { deliveryTeamAccountIds: ['has space'] },
          expectedVersion: 1,
        }),
        asAdmin(),
      ),
    );
    expect(refusal.problems.map((p) => p.field)).toEqual([
      'policy.responseTargets.byPriority.High',
      'policy.atRiskPercent',
      'settings.deliveryTeamAccountIds[0]',
    ]);
    expect(refusal.message).toMatch(/The target for "High" must be a whole number of working minutes/);
  });
});
