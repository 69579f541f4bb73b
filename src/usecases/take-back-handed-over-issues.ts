import { activeOutOfOffice } from '../domain';
import { describeMoment } from '../domain/zone-time';
import type { BulkIssueResult, BulkReport } from '../contract/project-page';
import { InvalidInputError, TriageRefusedError } from './errors';
import type { SearchedIssue } from './ports';
import { storeThenSend, summarize, type BulkChange, type BulkSendOptions } from './support/bulk-changes';
import { payloadRecord } from './support/payload';
import { QUEUE_SIZE } from './support/queue-items';
import type { TriageActionDeps } from './support/triage-verb';
import { planVerbOnEntry, rememberingComponentLeads } from './support/verb-on-entry';
import { takeBackIssue } from './take-back-issue';

/**
 * A SPOC back from an absence takes back, in one action, the issues the app handed over from them while
 * they were out (all of them, or those named by `issueIds`). Each issue goes by the panel's own take-back
 * rules (take-back-issue.ts): only the SPOC it was handed over from, holding Jira's ASSIGN_ISSUES
 * permission, becomes its SPOC and assignee again, with a fresh response clock and an internal comment.
 * Every issue is reported: taken back, Jira still being updated, changed by someone at the same moment,
 * refused, or not found.
 */
export interface TakeBackParams extends BulkSendOptions {
  readonly callerAccountId: string;
  readonly payload: unknown;
}

const ISSUE_ID = /^\d{1,18}$/;

function parse(payload: unknown): readonly string[] | undefined {
  const body = payloadRecord(payload ?? {}, 'which issues to take back');
  const ids = body.issueIds;
  if (ids === undefined) return undefined;
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > QUEUE_SIZE) {
    throw new InvalidInputError(
      `Send issueIds as a list of 1 to ${QUEUE_SIZE} issue ids, or leave it out to take back every issue.`,
    );
  }
  if (!ids.every((id): id is string => typeof id === 'string' && ISSUE_ID.test(id))) {
    throw new InvalidInputError('Each of issueIds must be a Jira issue id, such as 10042.');
  }
  return [...new Set(ids)];
}

export const takeBackHandedOverIssues = {
  async execute(params: TakeBackParams, deps: TriageActionDeps): Promise<BulkReport> {
    const wanted = parse(params.payload);
    const caller = params.callerAccountId;
    const now = deps.clock.now();
    const [profile] = await deps.config.profiles([caller]);
    const away = profile ? activeOutOfOffice(profile, now.getTime()) : null;
    if (profile && away) {
      throw new TriageRefusedError(
        `You are out of office until ${describeMoment(Date.parse(away.until), profile.timeZone)}, so the app ` +
          'would hand these issues over again. End your absence under Availability first; nothing was taken back.',
      );
    }
    const handedOver = await deps.triage.handedOverFrom(caller, QUEUE_SIZE);
    const entries = wanted ? handedOver.filter((e) => wanted.includes(e.issueId)) : handedOver;
    const results: BulkIssueResult[] = [];
    const others = (wanted ?? []).filter((id) => !entries.some((e) => e.issueId === id));
    // Security: an issue is named only when the caller can see it in Jira; any other id reads as unknown.
    const seen = new Set(
      others.length === 0
        ? []
        : (await deps.user.search(`id in (${others.join(', ')})`, others.length)).map((i) => i.id),
    );
    for (const id of others) {
      const stored = seen.has(id) ? await deps.triage.get(id) : undefined;
      results.push(
        stored
          ? {
              issueId: id,
              issueKey: stored.entry.issueKey,
              outcome: 'refused',
              message: `${stored.entry.issueKey} is not handed over from you (any more), so there is nothing to take back.`,
            }
          : {
              issueId: id,
              issueKey: id,
              outcome: 'not-found',
              message: `Issue ${id} is not a client issue you can see.`,
            },
      );
    }

    const ids = entries.map((e) => e.issueId);
    const visible = new Map<string, SearchedIssue>(
      ids.length === 0
        ? []
        : (await deps.user.search(`id in (${ids.join(', ')})`, ids.length)).map((i) => [i.id, i]),
    );
    // ASSIGN_ISSUES is a project permission: asked once per project, not once per issue.
    const projects = [...new Set([...visible.values()].map((i) => i.projectKey))];
    const missing = new Map(
      await Promise.all(
        projects.map(async (key) => {
          const granted = await deps.user.projectPermissions(key, takeBackIssue.whoMay.jira);
          return [key, takeBackIssue.whoMay.jira.filter((p) => !granted.has(p))] as const;
        }),
      ),
    );
    const stored = await Promise.all(entries.map((e) => deps.triage.get(e.issueId)));
    const planDeps = { ...deps, jira: rememberingComponentLeads(deps.jira) };
    const changes: BulkChange[] = [];
    for (const [i, entry] of entries.entries()) {
      const issue = visible.get(entry.issueId);
      const current = stored[i];
      const refuse = (outcome: BulkIssueResult['outcome'], message: string) =>
        results.push({ issueId: entry.issueId, issueKey: entry.issueKey, outcome, message });
      if (!issue || !current) {
        refuse('not-found', `${entry.issueKey} does not exist any more, or you cannot see it.`);
        continue;
      }
      const lacking = missing.get(issue.projectKey) ?? [];
      if (lacking.length > 0) {
        refuse(
          'refused',
          `Jira does not let you do this on ${issue.key}: you lack the ${lacking.join(', ')} permission.`,
        );
        continue;
      }
      const planned = await planVerbOnEntry(
        takeBackIssue,
        {},
        { callerAccountId: caller, issue, stored: current, now },
        planDeps,
      );
      if (!planned.ok) {
        refuse('refused', planned.refusal);
        continue;
      }
      changes.push({
        stored: current,
        next: planned.next,
        done: `Taken back: you are its SPOC and assignee again.`,
      });
    }
    const head = await deps.config.head();
    const sent = await storeThenSend(
      changes,
      { ...deps, internalCommentRole: head.settings.internalCommentRole },
      params,
    );
    const all = [...sent, ...results];
    return {
      results: all,
      summary: summarize(all, { verb: 'Taken back', none: 'Nothing was handed over from you to take back.' }),
    };
  },
};
