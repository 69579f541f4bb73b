import type { Access } from '../access';
import type { IssueRecord } from '../store';
import type { RequestRecord, ServiceDeskRecord, ServiceDeskStore } from './store';

/**
 * Who is who on a service desk, as Jira Service Management decides it: agents (the project's team and
 * administrators) see and do everything on the desk's requests; customers (the project's `clients`, and
 * members of the organizations the desk serves) see the requests they raised, take part in, or that are
 * shared with one of their organizations, and only the public comments on them. The app as itself is an agent.
 */
export function isAgent(access: Access, desk: ServiceDeskRecord): boolean {
  if (access.isAppItself) return true;
  return access.canBrowseProject(desk.projectId) && !access.reporterOnly(desk.projectId);
}

export function isCustomer(access: Access, desk: ServiceDeskRecord, sd: ServiceDeskStore): boolean {
  if (access.canBrowseProject(desk.projectId)) return true;
  const served = new Set(sd.deskOrganizationIds(desk.id));
  return sd.organizationsOf(access.accountId).some((o) => served.has(o.id));
}

export function canSeeRequest(
  access: Access,
  desk: ServiceDeskRecord,
  request: RequestRecord,
  issue: IssueRecord,
  sd: ServiceDeskStore,
): boolean {
  if (isAgent(access, desk)) return true;
  const me = access.accountId;
  if (issue.reporter === me || sd.participants(issue.id).includes(me)) return true;
  const mine = new Set(sd.organizationsOf(me).map((o) => o.id));
  return sd.requestOrganizationIds(request.issueId).some((id) => mine.has(id));
}
