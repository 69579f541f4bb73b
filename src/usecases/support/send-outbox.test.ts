import { aTriageRecord } from '../../domain/testing/triage-builders';
import { message, messageText, paragraph } from './message';
import { JiraBusyError } from '../errors';
import { sendOutbox } from './send-outbox';
import { aWorld, issueRef, PEOPLE, type World } from '../testing/world';
import type { JiraWrite, StoredTriageEntry, TriageEntry } from './triage-entry';

/** The outbox: writes to different parts of an issue go out together, one update records them all. */
let world: World;
const ISSUE = issueRef(1);

beforeEach(() => {
  world = aWorld();
  world.jira.addIssue(ISSUE);
});

async function stored(outbox: readonly JiraWrite[]): Promise<StoredTriageEntry> {
  const entry: TriageEntry = {
    issueId: ISSUE.id,
    issueKey: ISSUE.key,
    projectId: ISSUE.projectId,
    projectKey: ISSUE.projectKey,
    summary: 'Tracking page times out',
    reporterAccountId: PEOPLE.client,
    clientName: 'Acme Ltd',
    record: aTriageRecord({ spocAccountId: PEOPLE.priya }),
    routing: {
      outcome: 'routed',
      summary: 'Routed to Priya Shah (primary).',
      reasons: [],
      matchReason: 'Client Acme Ltd matched by rule 1 of 2.',
      responseTargetMinutes: 240,
      priority: 'Medium',
    },
    notices: [],
    outbox,
  };
  await world.triage.create(entry);
  return { entry, revision: 1 };
}

const comment = (text: string): JiraWrite => ({
  kind: 'comment',
  internal: true,
  body: message(paragraph(text)),
});
const ROUTING: readonly JiraWrite[] = [
  { kind: 'spoc-field', accountId: PEOPLE.priya },
  { kind: 'edit', assignee: PEOPLE.priya, addLabels: ['spoc-routed'] },
  comment('Routed to Priya.'),
];

const deps = () => ({ ...world, internalCommentRole: 'members' });

describe('sending the outbox', () => {
  it("sends routing's three writes side by side, and records them with one update", async () => {
    const update = jest.spyOn(world.triage, 'update');
    let inFlight = 0;
    let mostInFlight = 0;
    for (const name of ['setSpocField', 'editIssue', 'addComment'] as const) {
      const call = world.jira[name].bind(world.jira) as (...args: unknown[]) => Promise<void>;
      (world.jira as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await new Promise((resolve) => setImmediate(resolve)); // on its way to Jira
        await call(...args);
        inFlight -= 1;
      };
    }
    // Routing stored these writes with its own send lease a moment ago.
    const sent = await sendOutbox(await stored(ROUTING), deps(), { holdsLease: true });
    expect(mostInFlight).toBe(3);
    expect(world.jira.writes().map((c) => c.call)).toEqual(['setSpocField', 'editIssue', 'addComment']);
    expect(update).toHaveBeenCalledTimes(1);
    expect(sent).toMatchObject({ revision: 2, entry: { outbox: [] } });
  });

  it('crosses off what Jira took when it asks to wait for one write, and later sends only that one', async () => {
    world.jira.busy.set('setSpocField', 1);
    const first = await stored(ROUTING);
    await expect(sendOutbox(first, deps())).rejects.toBeInstanceOf(JiraBusyError);
    const kept = world.triage.rows.get(ISSUE.id) as StoredTriageEntry;
    expect(kept.entry.outbox).toEqual([ROUTING[0]]);

    await sendOutbox(kept, deps());
    expect(world.jira.writes().map((c) => c.call)).toEqual(['editIssue', 'addComment', 'setSpocField']);
    expect(world.jira.issue(ISSUE.id).comments).toHaveLength(1);
    expect(world.triage.entry(ISSUE.id).outbox).toEqual([]);
  });

  it('writes left by an earlier delivery are sent by one of two senders that find them at once, never both', async () => {
    const left = await stored(ROUTING);
    const outcomes = await Promise.allSettled([sendOutbox(left, deps()), sendOutbox(left, deps())]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult).reason.code).toBe(
      'conflict',
    );
    expect(world.jira.issue(ISSUE.id).comments).toHaveLength(1);
    expect(world.triage.entry(ISSUE.id).outbox).toEqual([]);
    // A third that reads the entry while a send holds its lease leaves the writes alone.
    const current = world.triage.rows.get(ISSUE.id) as StoredTriageEntry;
    const claimed = {
      ...current.entry,
      outbox: ROUTING,
      sendingUntil: new Date(world.clock.now().getTime() + 10_000).toISOString(),
    };
    const revision = await world.triage.update(claimed, current.revision, world.clock.now());
    const untouched = await sendOutbox({ entry: claimed, revision }, deps());
    expect(untouched.entry.outbox).toHaveLength(3);
  });

  it('says when to try again: the longest wait Jira asked for', async () => {
    world.jira.busy.set('editIssue', 1);
    world.jira.busy.set('addComment', 1);
    const error = await sendOutbox(await stored(ROUTING), deps()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraBusyError);
    expect((error as JiraBusyError).retryAfterSeconds).toBe(7);
    expect(world.triage.entry(ISSUE.id).outbox.map((w) => w.kind)).toEqual(['edit', 'comment']);
  });

  it('drops a write Jira refuses for good with a notice, and still sends the others', async () => {
    world.jira.refuse.set('editIssue', 1);
    const sent = await sendOutbox(await stored(ROUTING), deps());
    expect(sent.entry.outbox).toEqual([]);
    expect(sent.entry.notices.map((n) => n.text)).toEqual([
      "Jira refused the app's issue edit (400): The user cannot be assigned.",
    ]);
    expect(world.jira.issue(ISSUE.id).spocField).toBe(PEOPLE.priya);
    expect(world.jira.issue(ISSUE.id).comments).toHaveLength(1);
  });

  it('keeps the order of writes to the same part: the second edit and comment wait for the first', async () => {
    await sendOutbox(
      await stored([
        { kind: 'edit', assignee: PEOPLE.tom },
        comment('First.'),
        { kind: 'edit', assignee: PEOPLE.priya },
        comment('Second.'),
      ]),
      deps(),
    );
    expect(world.jira.writes().map((c) => c.call)).toEqual([
      'editIssue',
      'addComment',
      'editIssue',
      'addComment',
    ]);
    expect(world.jira.issue(ISSUE.id).assignee).toBe(PEOPLE.priya);
    expect(world.jira.issue(ISSUE.id).comments.map((c) => messageText(c.body))).toEqual([
      'First.',
      'Second.',
    ]);
  });

  it('refuses to cross anything off when another writer changed the record meanwhile', async () => {
    const first = await stored(ROUTING);
    world.triage.conflictNext = true;
    await expect(sendOutbox(first, deps())).rejects.toThrow(/changed/i);
    expect(world.triage.entry(ISSUE.id).outbox).toHaveLength(3);
  });
});
