import type { AppJira, UserJira } from '../usecases/ports';
import { IssueService } from './issue-service';
import { forgeJiraClient, type JiraClient } from './jira-client';
import { PermissionService } from './permission-service';
import { SearchService } from './search-service';
import { SpocFieldService } from './spoc-field-service';
import { UserService } from './user-service';
import { WorkflowService } from './workflow-service';

/** The use cases' two views of Jira, put together from the services: as the app, and as the caller. */
export function appJira(client: JiraClient = forgeJiraClient): AppJira {
  const issues = new IssueService(client);
  const users = new UserService(client);
  const field = new SpocFieldService(client);
  const workflow = new WorkflowService(client);
  return {
    readIssueFacts: (issueId) => issues.readIssueFacts(issueId),
    reporterGroups: (accountId) => users.groups(accountId),
    reporterEmail: (accountId) => users.email(accountId),
    userNames: (accountIds) => users.names(accountIds),
    componentLead: (componentId) => issues.componentLead(componentId),
    setSpocField: (issueId, accountId) => field.setSpocField(issueId, accountId),
    editIssue: (issueId, edit) => issues.editIssue(issueId, edit),
    addComment: (issueId, body, role) => issues.addComment(issueId, body, role),
    linkDuplicate: (issueKey, duplicateOf) => issues.linkDuplicate(issueKey, duplicateOf),
    unlinkDuplicate: (issueKey, duplicateOf) => workflow.unlinkDuplicate(issueKey, duplicateOf),
    issueWorkflow: (issueId) => workflow.issueWorkflow(issueId),
    transitionIssue: (issueId, transitionId, resolution) =>
      workflow.transitionIssue(issueId, transitionId, resolution),
    canBrowse: (accountId, issueKey) => workflow.canBrowse(accountId, issueKey),
    readTriageProperty: (issueId) => issues.readTriageProperty(issueId),
    readTriageProperties: (issueIds) => issues.readTriageProperties(issueIds),
  };
}

export function userJira(client: JiraClient = forgeJiraClient): UserJira {
  const search = new SearchService(client);
  const permissions = new PermissionService(client);
  return {
    issue: (issueIdOrKey) => search.issue(issueIdOrKey),
    project: (projectKey) => search.project(projectKey),
    issuePermissions: (issueId, keys) => permissions.onIssue(issueId, keys),
    projectPermissions: (projectKey, keys) => permissions.onProject(projectKey, keys),
    globalPermissions: (keys) => permissions.global(keys),
    search: (jql, max) => search.search(jql, max),
    openIssueCount: (projectKey) => search.openIssueCount(projectKey),
  };
}
