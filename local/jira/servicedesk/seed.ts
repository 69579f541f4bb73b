import type { DemoSeed } from '../../seed/types';
import { ISSUE_TYPES } from '../catalog';
import type { JiraStore } from '../store';
import type { ServiceDeskStore } from './store';

/**
 * Loads what a seed says of Jira Service Management, after the Jira part (projects, people, issues): each
 * service desk on its project with its request types, the customer organizations with their members and the
 * desks they are served by, and which seeded issues are customer requests, shared with whom, and rated how.
 * Timestamps move with the seed's anchor, as the issues' do.
 */
export function applyServiceDeskSeed(
  sd: ServiceDeskStore,
  store: JiraStore,
  data: DemoSeed,
  now: Date,
): void {
  const shiftMs = now.getTime() - Date.parse(data.anchor);
  const at = (iso: string) => new Date(Date.parse(iso) + shiftMs).toISOString();
  store.transaction(() => {
    sd.wipe();
    for (const org of data.organizations ?? []) {
      sd.insertOrganization({ id: org.id, name: org.name, created: at(org.created ?? data.anchor) });
      for (const member of org.members) {
        if (!store.getUser(member))
          throw new Error(`Seed: organization ${org.name} names unknown account ${member}`);
        sd.addMember(org.id, member);
      }
    }
    for (const desk of data.serviceDesks ?? []) {
      const project = store.getProject(desk.projectKey);
      if (!project) throw new Error(`Seed: service desk ${desk.id} names unknown project ${desk.projectKey}`);
      if (project.projectTypeKey !== 'service_desk')
        throw new Error(`Seed: project ${desk.projectKey} must have projectTypeKey service_desk`);
      sd.insertServiceDesk({ id: desk.id, projectId: project.id });
      for (const type of desk.requestTypes) {
        const issueType = ISSUE_TYPES.find((t) => t.name === type.issueType);
        if (!issueType)
          throw new Error(`Seed: request type ${type.name} names unknown issue type ${type.issueType}`);
        sd.insertRequestType({
          id: type.id,
          serviceDeskId: desk.id,
          name: type.name,
          description: type.description,
          helpText: type.helpText ?? null,
          issueTypeId: issueType.id,
        });
      }
      for (const orgId of desk.organizations) sd.addDeskOrganization(desk.id, orgId);
    }
    for (const request of data.requests ?? []) {
      const issue = store.getIssue(request.issueKey);
      const type = sd.getRequestType(request.requestTypeId);
      const desk = issue ? sd.serviceDeskOfProject(issue.projectId) : undefined;
      if (!issue || !type || !desk || type.serviceDeskId !== desk.id)
        throw new Error(
          `Seed: request ${request.issueKey} needs an issue of a service desk and one of its request types`,
        );
      sd.insertRequest({ issueId: issue.id, serviceDeskId: desk.id, requestTypeId: type.id });
      for (const orgId of request.organizations ?? []) sd.shareWithOrganization(issue.id, orgId);
      for (const accountId of request.participants ?? []) sd.addParticipant(issue.id, accountId);
      if (request.feedback) {
        sd.setFeedback({
          issueId: issue.id,
          rating: request.feedback.rating,
          comment: request.feedback.comment ?? null,
          created: at(request.feedback.at),
        });
      }
    }
  });
}
