import type { IssueRef, KeptRightsAnswer, RightsCache, UserJira } from '../ports';
import {
  freshnessOf,
  keptIssueAccess,
  keptProjectRights,
  PANEL_RIGHTS,
  PROJECT_PAGE_RIGHTS,
  RIGHTS_KEPT_FOR_MS,
} from './kept-rights';

const T0 = new Date('2026-11-23T10:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const kept = (askedAt: Date, configVersion = 7): KeptRightsAnswer => ({
  askedAt: askedAt.toISOString(),
  configVersion,
  answer: ['EDIT_ISSUES'],
});

describe('how long an answer about rights counts', () => {
  it('counts for five minutes under the configuration version it was asked with', () => {
    expect(RIGHTS_KEPT_FOR_MS).toBe(5 * 60_000);
    expect(freshnessOf(kept(T0), T0, 7)).toEqual({ fresh: true });
    expect(freshnessOf(kept(T0), at(RIGHTS_KEPT_FOR_MS - 1), 7)).toEqual({ fresh: true });
  });

  it('no longer counts from five minutes on, and says why', () => {
    expect(freshnessOf(kept(T0), at(RIGHTS_KEPT_FOR_MS), 7)).toEqual({
      fresh: false,
      reason: 'Jira was asked 5 minutes ago; answers count for 5.',
    });
  });

  it('is dropped as soon as the configuration changes', () => {
    expect(freshnessOf(kept(T0, 7), at(1000), 8)).toEqual({
      fresh: false,
      reason: 'Jira was asked under configuration version 7; it is now 8.',
    });
  });

  it('does not count when the clock moved back past it, or when it was never asked', () => {
    expect(freshnessOf(kept(T0), at(-1), 7)).toMatchObject({ fresh: false });
    expect(freshnessOf(undefined, T0, 7)).toEqual({ fresh: false, reason: 'Jira was not asked yet.' });
    expect(freshnessOf({ ...kept(T0), askedAt: 'yesterday' }, T0, 7)).toMatchObject({ fresh: false });
  });
});

class MemoryRights implements RightsCache {
  readonly values = new Map<string, KeptRightsAnswer>();
  failWrites = false;
  async get(key: string) {
    return this.values.get(key);
  }
  async put(key: string, value: KeptRightsAnswer) {
    if (this.failWrites) throw new Error('storage is down');
    this.values.set(key, value);
  }
}

/** Jira as one person whose permissions and visible issues the test changes, counting the questions. */
function personJira(state: { held: Set<string>; sees: IssueRef | undefined }) {
  const asked: string[] = [];
  const user = {
    async issue(idOrKey: string) {
      asked.push(`issue ${idOrKey}`);
      return state.sees;
    },
    async projectPermissions(projectKey: string, keys: readonly string[]) {
      asked.push(`projectPermissions ${projectKey} ${keys.join(',')}`);
      return new Set(keys.filter((k) => state.held.has(k)));
    },
    // As Jira answers: nothing at all on an issue the person cannot see.
    async issuePermissions(issueId: string, keys: readonly string[]) {
      asked.push(`issuePermissions ${issueId} ${keys.join(',')}`);
      if (!state.sees) return new Set<string>();
      return new Set(keys.filter((k) => k === 'BROWSE_PROJECTS' || state.held.has(k)));
    },
  } as Pick<UserJira, 'issue' | 'projectPermissions' | 'issuePermissions'> as UserJira;
  return { user, asked };
}

const ISSUE: IssueRef = { id: '10001', key: 'SUP-1', projectId: '100', projectKey: 'SUP' };

describe('kept answers', () => {
  let now: Date;
  const clock = { now: () => now };
  beforeEach(() => {
    now = T0;
  });

  it('asks Jira once for the project page’s rights, then not again until five minutes passed', async () => {
    const state = { held: new Set(['ADMINISTER_PROJECTS']), sees: ISSUE };
    const { user, asked } = personJira(state);
    const rights = new MemoryRights();
    const deps = { clock, rights, user };
    expect([...(await keptProjectRights('priya', 'SUP', 7, deps))]).toEqual(['ADMINISTER_PROJECTS']);
    state.held = new Set();
    now = at(RIGHTS_KEPT_FOR_MS - 1);
    expect([...(await keptProjectRights('priya', 'SUP', 7, deps))]).toEqual(['ADMINISTER_PROJECTS']);
    expect(asked).toEqual([`projectPermissions SUP ${PROJECT_PAGE_RIGHTS.join(',')}`]);
    // Jira's change shows once the answer stops counting.
    now = at(RIGHTS_KEPT_FOR_MS);
    expect([...(await keptProjectRights('priya', 'SUP', 7, deps))]).toEqual([]);
    expect(asked).toHaveLength(2);
  });

  it('keeps answers per person and project, and asks again under a new configuration version', async () => {
    const state = { held: new Set(['EDIT_ISSUES']), sees: ISSUE };
    const { user, asked } = personJira(state);
    const deps = { clock, rights: new MemoryRights(), user };
    await keptProjectRights('priya', 'SUP', 7, deps);
    await keptProjectRights('tom', 'SUP', 7, deps);
    await keptProjectRights('priya', 'OPS', 7, deps);
    await keptProjectRights('priya', 'SUP', Promise.resolve(8), deps);
    expect(asked).toHaveLength(4);
    await keptProjectRights('priya', 'SUP', 8, deps);
    expect(asked).toHaveLength(4);
  });

  const recorded = async (id: string) => (id === ISSUE.id ? ISSUE : undefined);

  it('asks once about an issue whose id the panel gives: seeing it and the panel’s rights', async () => {
    const state = { held: new Set(['EDIT_ISSUES']), sees: ISSUE as IssueRef | undefined };
    const { user, asked } = personJira(state);
    const deps = { clock, rights: new MemoryRights(), user, recorded };
    const access = await keptIssueAccess('marco', 'SUP-1', ISSUE.id, 7, deps);
    expect(access?.issue).toEqual(ISSUE);
    expect([...(access?.held ?? [])]).toEqual(['EDIT_ISSUES']);
    expect(asked).toEqual([`issuePermissions 10001 BROWSE_PROJECTS,${PANEL_RIGHTS.join(',')}`]);
    await keptIssueAccess('marco', 'SUP-1', ISSUE.id, 7, deps);
    expect(asked).toHaveLength(1);
  });

  it('looks the issue up first when only its key is known, or the app has no record of it', async () => {
    const state = { held: new Set(['ADMINISTER_PROJECTS']), sees: ISSUE as IssueRef | undefined };
    const { user, asked } = personJira(state);
    const deps = { clock, rights: new MemoryRights(), user, recorded: async () => undefined };
    const access = await keptIssueAccess('hannah', 'SUP-1', undefined, 7, deps);
    expect([...(access?.held ?? [])]).toEqual(['ADMINISTER_PROJECTS']);
    await keptIssueAccess('sam', 'SUP-1', ISSUE.id, 7, deps);
    expect(asked).toEqual([
      'issue SUP-1',
      `issuePermissions 10001 ${PANEL_RIGHTS.join(',')}`,
      'issue SUP-1',
      `issuePermissions 10001 ${PANEL_RIGHTS.join(',')}`,
    ]);
  });

  it('keeps that someone may see an issue, never that they may not', async () => {
    const state: { held: Set<string>; sees: IssueRef | undefined } = { held: new Set(), sees: undefined };
    const { user, asked } = personJira(state);
    const deps = { clock, rights: new MemoryRights(), user, recorded };
    expect(await keptIssueAccess('tom', 'SUP-1', ISSUE.id, 7, deps)).toBeUndefined();
    state.sees = ISSUE;
    expect((await keptIssueAccess('tom', 'SUP-1', ISSUE.id, 7, deps))?.issue).toEqual(ISSUE);
    state.sees = undefined;
    expect((await keptIssueAccess('tom', 'SUP-1', ISSUE.id, 7, deps))?.issue).toEqual(ISSUE);
    expect(asked).toHaveLength(2);
    // Someone else is asked about on their own.
    expect(await keptIssueAccess('maria', 'SUP-1', ISSUE.id, 7, deps)).toBeUndefined();
  });

  it('asks Jira every time without a cache, and again when the kept answer does not read back', async () => {
    const state = { held: new Set(['EDIT_ISSUES']), sees: ISSUE };
    const { user, asked } = personJira(state);
    await keptProjectRights('priya', 'SUP', 7, { clock, user });
    await keptProjectRights('priya', 'SUP', 7, { clock, user });
    expect(asked).toHaveLength(2);
    const rights = new MemoryRights();
    rights.values.set('rights:priya:issue:SUP-1', { ...kept(T0), answer: { id: 42 } });
    const access = await keptIssueAccess('priya', 'SUP-1', ISSUE.id, 7, { clock, rights, user, recorded });
    expect(access?.issue).toEqual(ISSUE);
    expect(asked).toHaveLength(3);
  });

  it('still answers when the cache cannot be written', async () => {
    const state = { held: new Set(['ADMINISTER']), sees: ISSUE };
    const { user } = personJira(state);
    const rights = new MemoryRights();
    rights.failWrites = true;
    expect([...(await keptProjectRights('priya', 'SUP', 7, { clock, rights, user }))]).toEqual([
      'ADMINISTER',
    ]);
  });
});
