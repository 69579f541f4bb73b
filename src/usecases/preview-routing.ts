import { quote } from '../domain';
import { isIssueKey, isProjectKey } from '../domain/jira-keys';
import type { RoutingPreview } from '../contract/project-page';
import { isProjectAdministrator } from './support/caller-roles';
import { decideRouting, type IssueToRoute } from './support/decide-routing';
import { payloadRecord } from './support/payload';
import { InvalidInputError, NotAllowedError, NotFoundError } from './errors';
import type { AppJira, Clock, ConfigurationReader, TriageRepository, UserJira } from './ports';

/**
 * "Which client and SPOC would this issue get, and why": the routing decision for an existing issue the
 * caller can see, or for a described one, without writing anything. For SPOCs and project administrators.
 */
export interface PreviewRoutingDeps {
  readonly clock: Clock;
  readonly config: ConfigurationReader;
  readonly triage: TriageRepository;
  readonly jira: AppJira;
  readonly user: UserJira;
}

function stringList(value: unknown, field: string, what: string): readonly string[] {
  if (value === undefined) return [];
  if (
    !Array.isArray(value) ||
    value.length > 50 ||
    value.some((v) => typeof v !== 'string' || !v.trim() || v.length > 255)
  ) {
    throw InvalidInputError.at(field, `${what} must be a list of up to 50 names of at most 255 characters.`);
  }
  return (value as string[]).map((v) => v.trim());
}

export const previewRouting = {
  async execute(
    params: {
      readonly callerAccountId: string;
      readonly projectKey: string | null;
      readonly payload: unknown;
    },
    deps: PreviewRoutingDeps,
  ): Promise<RoutingPreview> {
    const payload = payloadRecord(params.payload, 'the preview request');
    const head = await deps.config.head();
    const isSpoc = head.profileAccountIds.includes(params.callerAccountId);
    let issue: IssueToRoute;
    if (payload.issueKey !== undefined) {
      if (!isIssueKey(payload.issueKey)) {
        throw InvalidInputError.at('issueKey', 'Name the issue by its key, e.g. SUP-12.');
      }
      const found = await deps.user.issue(payload.issueKey);
      if (!found)
        throw new NotFoundError(`Issue ${quote(payload.issueKey)} does not exist or you cannot see it.`);
      if (!isSpoc && !(await isProjectAdministrator(deps.user, found.projectKey))) {
        throw new NotAllowedError('Only SPOCs and project administrators can preview routing.');
      }
      const facts = await deps.jira.readIssueFacts(found.id);
      issue = {
        project: { id: found.projectId, key: found.projectKey },
        reporterAccountId: facts.reporterAccountId,
        facts,
      };
    } else {
      const projectKey = payload.projectKey ?? params.projectKey;
      if (!isProjectKey(projectKey)) {
        throw InvalidInputError.at(
          'projectKey',
          'Give an issueKey, or a projectKey with the reporter, labels and components to try.',
        );
      }
      const project = await deps.user.project(projectKey);
      if (!project)
        throw new NotFoundError(`Project ${quote(projectKey)} does not exist or you cannot see it.`);
      if (!isSpoc && !(await isProjectAdministrator(deps.user, project.key))) {
        throw new NotAllowedError('Only SPOCs and project administrators can preview routing.');
      }
      const reporter = payload.reporterAccountId;
      if (reporter !== undefined && (typeof reporter !== 'string' || !/^[^\s]{1,128}$/.test(reporter))) {
        throw InvalidInputError.at('reporterAccountId', 'The reporter must be a Jira account id.');
      }
      const priority = payload.priority;
      if (priority !== undefined && (typeof priority !== 'string' || priority.length > 60)) {
        throw InvalidInputError.at(
          'priority',
          'The priority must be the name of a Jira priority, e.g. High.',
        );
      }
      issue = {
        project,
        reporterAccountId: (reporter as string | undefined) ?? null,
        facts: {
          labels: stringList(payload.labels, 'labels', 'Labels'),
          components: stringList(payload.components, 'components', 'Components').map((name) => ({
            id: null,
            name,
          })),
          priority: (priority as string | undefined) ?? null,
        },
      };
    }
    const outcome = await decideRouting(issue, deps);
    if (outcome.kind === 'no-client') {
      return {
        client: null,
        matchReasons: outcome.reasons,
        outcome: 'no-client',
        spoc: null,
        role: null,
        dueAt: null,
        summary: 'No client rule recognises this issue, so the app would leave it alone.',
        reasons: [],
      };
    }
    const { decision } = outcome;
    return {
      client: outcome.client,
      matchReasons: [outcome.matchReason],
      outcome: decision.outcome,
      spoc:
        decision.outcome === 'routed'
          ? { accountId: decision.spocAccountId, displayName: decision.spocName }
          : null,
      role: decision.outcome === 'routed' ? decision.role : null,
      dueAt: decision.outcome === 'routed' ? decision.dueAt : null,
      summary: decision.summary,
      reasons: [...decision.reasons, outcome.targetReason],
    };
  },
};
