import Resolver from '@forge/resolver';
import { applyTriageActionRequest } from '../usecases/apply-triage-action';
import { resolverDependencies } from '../composition';
import { InvalidInputError } from '../usecases/errors';
import { getIssueSpocView } from '../usecases/get-issue-spoc-view';
import { listDuplicateCandidates } from '../usecases/list-duplicate-candidates';
import { listReassignCandidates } from '../usecases/list-reassign-candidates';
import { previewRouting } from '../usecases/preview-routing';
import { answer, issueFrom, type ResolverContext } from './answer';

/**
 * Resolver of the SPOC issue panel (`spoc-panel`). The issue comes from the panel's context, which the
 * browser supplies, so every function asks Jira, as the signed-in person, whether they may see it first.
 *
 * - `getSpocView` → SpocIssueView (src/contract/issue-panel.ts)
 * - `applyTriageAction` ({ action, ... }) → { view, summary }
 * - `getReassignCandidates` (no payload) → ReassignCandidates: who the issue could go to, as they are now
 * - `getDuplicateCandidates` ({ query? }) → DuplicateCandidates: issues it could duplicate that the
 *   reporter can open
 * - `previewRouting` → RoutingPreview for this issue
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

resolver.define('getReassignCandidates', ({ context }) =>
  answer(context as ResolverContext, (caller) =>
    listReassignCandidates.execute(
      { callerAccountId: caller, issueIdOrKey: requireIssue(context as ResolverContext) },
      resolverDependencies(),
    ),
  ),
);

resolver.define('getDuplicateCandidates', ({ payload, context }) =>
  answer(context as ResolverContext, (caller) =>
    listDuplicateCandidates.execute(
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

export const spocPanelResolver = resolver.getDefinitions();
