import { calendarOf, isWaitingOnSpoc, responseDueAt } from '../domain';
import { applyIssueMove } from '../domain/offboarding';
import type { BulkIssueResult, OffboardingReport } from '../contract/project-page';
import { InvalidInputError, OffboardingPreviewStaleError } from './errors';
import { storeThenSend, summarize, type BulkChange, type BulkSendOptions } from './support/bulk-changes';
import {
  gatherOffboarding,
  OFFBOARDING_ISSUES,
  offboardingComment,
  offboardingPayload,
  parseOffboardingRequest,
  type OffboardingDeps,
  type OffboardingFacts,
} from './support/offboarding-plan';
import { expectedVersionOf, type Payload } from './support/payload';
import { scheduled } from './support/sweep-schedule';
import type { JiraWrite } from './support/triage-entry';

/**
 * A project administrator applies an offboarding they previewed (preview-offboarding.ts). It applies
 * exactly what the preview showed or nothing: when the configuration or any of the issues moved on since,
 * it refuses and changes nothing. Then the rosters are saved first, with their version check (so a
 * configuration changed at the same moment refuses it whole), and then each issue is reassigned by
 * compare-and-set on its record, the reason in its history and in an internal comment; an issue someone
 * acts on at that very moment is reported and left as they made it. Jira's writes are stored with each
 * issue and sent as they fit; the sweep finishes the rest.
 */
export interface OffboardSpocParams extends BulkSendOptions {
  readonly callerAccountId: string;
  readonly projectKey: string;
  readonly payload: unknown;
}

const ISSUE_ID = /^\d{1,18}$/;

function previewedIssues(body: Payload): ReadonlyMap<string, string> {
  const issues = body.issues;
  if (!Array.isArray(issues) || issues.length > OFFBOARDING_ISSUES) {
    throw new InvalidInputError(
      `Send issues: the preview's issue moves, at most ${OFFBOARDING_ISSUES}, each { issueId, fromAccountId }.`,
    );
  }
  const moves = new Map<string, string>();
  for (const item of issues as unknown[]) {
    const { issueId, fromAccountId } = (item ?? {}) as Record<string, unknown>;
    if (typeof issueId !== 'string' || !ISSUE_ID.test(issueId) || typeof fromAccountId !== 'string') {
      throw new InvalidInputError(
        'Each of issues must be { issueId, fromAccountId }, as the preview gave it.',
      );
    }
    moves.set(issueId, fromAccountId);
  }
  return moves;
}

/** Why the preview no longer shows what would happen, one sentence per difference; empty when it does. */
function staleness(
  facts: OffboardingFacts,
  expectedVersion: number,
  previewed: ReadonlyMap<string, string>,
  keys: ReadonlyMap<string, string>,
) {
  const changes: string[] = [];
  if (facts.head.version !== expectedVersion) {
    changes.push(
      `the configuration is at version ${facts.head.version}, your preview was made on version ${expectedVersion}.`,
    );
  }
  const now = new Map(facts.moves.map((m) => [m.issueId, m]));
  const name = (id: string) => facts.names[id] || id;
  for (const move of facts.moves) {
    const from = previewed.get(move.issueId);
    if (from === undefined) changes.push(`${move.issueKey} is now among the issues to move.`);
    else if (from !== move.from) changes.push(`${move.issueKey} is now with ${name(move.from)}.`);
  }
  for (const [issueId] of previewed) {
    if (!now.has(issueId)) {
      const key = keys.get(issueId) ?? `Issue ${issueId}`;
      changes.push(`${key} is no longer to move (someone vetted, took or reassigned it).`);
    }
  }
  if (changes.length > 0) changes[0] = changes[0]!.charAt(0).toUpperCase() + changes[0]!.slice(1);
  return changes;
}

export const offboardSpoc = {
  async execute(params: OffboardSpocParams, deps: OffboardingDeps): Promise<OffboardingReport> {
    const body = offboardingPayload(params.payload);
    const request = parseOffboardingRequest(body);
    const expectedVersion = expectedVersionOf(body);
    const previewed = previewedIssues(body);
    const facts = await gatherOffboarding(request, params.projectKey, deps);
    const gone = [...previewed.keys()].filter((id) => !facts.moves.some((m) => m.issueId === id));
    // Issues no longer to move are named by their keys only where the caller can see them.
    const keys = new Map(
      gone.length === 0
        ? []
        : (await deps.user.search(`id in (${gone.join(', ')})`, gone.length)).map((i) => [i.id, i.key]),
    );
    const stale = staleness(facts, expectedVersion, previewed, keys);
    if (stale.length > 0) throw new OffboardingPreviewStaleError(stale);

    const { now, names } = facts;
    const caller = params.callerAccountId;
    const rosters = facts.rosters.rosters;
    const configurationVersion =
      rosters.length > 0
        ? await deps.config.save({ rosters, names: pick(names, facts) }, expectedVersion, caller, now)
        : facts.head.version;

    const leaving = request.leavingAccountId;
    const stored = await Promise.all(facts.moves.map((m) => deps.triage.get(m.issueId)));
    const results: BulkIssueResult[] = [];
    const changes: BulkChange[] = [];
    for (const [i, move] of facts.moves.entries()) {
      const current = stored[i];
      if (!current) {
        results.push({
          issueId: move.issueId,
          issueKey: move.issueKey,
          outcome: 'not-found',
          message: `${move.issueKey} is no longer a client issue of the app.`,
        });
        continue;
      }
      const { entry } = current;
      const profile = facts.successorProfile;
      // A reassignment gives the new SPOC a fresh response clock in their hours, as the panel's does.
      const dueAt =
        move.kind === 'move' && profile && isWaitingOnSpoc(entry.record.state)
          ? responseDueAt(calendarOf(profile), now, entry.routing.responseTargetMinutes)
          : undefined;
      const outcome = applyIssueMove(entry.record, move, leaving, {
        by: caller,
        at: now,
        historyLimit: facts.policy.historyLimit,
        names,
        ...(dueAt !== undefined ? { dueAt } : {}),
      });
      if (!outcome.ok) {
        results.push({
          issueId: move.issueId,
          issueKey: move.issueKey,
          outcome: 'conflict',
          message: outcome.refusal,
        });
        continue;
      }
      const comment: JiraWrite = {
        kind: 'comment',
        internal: true,
        body: offboardingComment(move, caller, request.reason, names),
      };
      const writes: JiraWrite[] =
        move.kind === 'move'
          ? [{ kind: 'spoc-field', accountId: move.to }, { kind: 'edit', assignee: move.to }, comment]
          : [comment];
      changes.push({
        stored: current,
        next: await scheduled(
          { ...entry, record: outcome.record, outbox: [...entry.outbox, ...writes] },
          deps.config,
          now,
        ),
        done:
          move.kind === 'move'
            ? `Moved to ${names[move.to] || move.to}, who is its SPOC and assignee now.`
            : `${names[move.to] || move.to} keeps it as its SPOC.`,
      });
    }
    const sent = await storeThenSend(
      changes,
      { ...deps, internalCommentRole: facts.head.settings.internalCommentRole },
      params,
    );
    const all = [...sent, ...results];
    const rostersChanged = rosters.length;
    const issues = summarize(all, { verb: 'Moved', none: 'No open issue had to move.' });
    return {
      configurationVersion,
      rostersChanged,
      results: all,
      summary:
        (rostersChanged > 0
          ? `${rostersChanged} ${rostersChanged === 1 ? 'roster' : 'rosters'} changed (configuration version ${configurationVersion}). `
          : 'No roster changed. ') + issues,
    };
  },
};

/** The names worth keeping with the configuration: the people its new roster versions name. */
function pick(names: Readonly<Record<string, string>>, facts: OffboardingFacts): Record<string, string> {
  const { leavingAccountId, successorAccountId } = facts.request;
  return Object.fromEntries(
    [leavingAccountId, successorAccountId].filter((id) => names[id]).map((id) => [id, names[id] as string]),
  );
}
