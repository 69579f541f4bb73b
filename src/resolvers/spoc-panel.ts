import Resolver from '@forge/resolver';
import { KvsIssueActivityRepository, type IssueActivity } from '../storage/issue-activity-repository';
import { applyTriageActionRequest } from '../usecases/apply-triage-action';
import { InvalidInputError, NotFoundError } from '../usecases/errors';
import { getIssueSpocView } from '../usecases/get-issue-spoc-view';
import { previewRouting } from '../usecases/preview-routing';
import { answer, issueFrom, type ResolverContext } from './answer';
import { resolverDependencies } from './dependencies';
import { fail, type Reply } from './reply';

/**
 * Resolver of the SPOC issue panel (`spoc-panel`). The issue comes from the panel's context, which the
 * browser supplies, so every function asks Jira, as the signed-in person, whether they may see it first.
 *
 * - `getSpocView` → SpocIssueView (src/contract/issue-panel.ts)
 * - `applyTriageAction` ({ action, ... }) → { view, summary }
 * - `previewRouting` → RoutingPreview for this issue
 * - `getIssueActivity` → the last event the app saw on the issue (the first panel's call)
 */
const resolver = new Resolver();

function requireIssue(context: ResolverContext): string {
  const issue = issueFrom(context);
  if (!issue) throw new InvalidInputError('This panel needs an issue.');
  return issue;
}

resolver.define('getSpocView', ({ context }) =>
  answer(context as ResolverContext, async (caller) =>
    getIssueSpocView.execute(
      { callerAccountId: caller, issueIdOrKey: requireIssue(context as ResolverContext) },
      resolverDependencies(),
    ),
  ),
);

resolver.define('applyTriageAction', ({ payload, context }) =>
  answer(context as ResolverContext, (caller) =>
    applyTriageActionRequest.execute(
      { callerAccountId: caller, issueIdOrKey: requireIssue(context as ResolverContext), input: payload },
      resolverDependencies(),
    ),
  ),
);

resolver.define('previewRouting', ({ context }) =>
  answer(context as ResolverContext, (caller) =>
    previewRouting.execute(
      {
        callerAccountId: caller,
        projectKey: null,
        payload: { issueKey: requireIssue(context as ResolverContext) },
      },
      resolverDependencies(),
    ),
  ),
);

resolver.define('getIssueActivity', async ({ context }): Promise<Reply<IssueActivity | null>> => {
  const ctx = context as ResolverContext;
  const issueKey = ctx.extension?.issue?.key;
  if (typeof issueKey !== 'string' || !/^[A-Z][A-Z0-9_]*-\d+$/.test(issueKey))
    return fail('This panel needs an issue.');
  return answer(ctx, async () => {
    const issue = await resolverDependencies().user.issue(issueKey);
    if (!issue) throw new NotFoundError(`You cannot see issue ${issueKey}.`);
    return (await new KvsIssueActivityRepository().get(issue.id)) ?? null;
  });
});

export const spocPanelResolver = resolver.getDefinitions();
