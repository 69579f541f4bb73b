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
    ).rejects.toThrow(/"Nowhere" is not an IANA time zone/);
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
    ).rejects.toThrow(/give its name as clientName/);
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
});
