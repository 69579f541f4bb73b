import { textToAdf } from '../jira/adf';
import {
  findByIdOrName,
  ISSUE_TYPES,
  LINK_TYPES,
  PRIORITIES,
  PROJECT_ROLES,
  RESOLUTIONS,
  statusById,
  statusNamed,
  type StatusDef,
} from '../jira/catalog';
import { isWorkflowKey, statusesOf, workflowOfProject } from '../jira/workflows';
import { allFields } from '../jira/fields';
import type { ChangeItem, IssueRecord, JiraStore } from '../jira/store';
import type { DemoIssue, DemoPerson, DemoSeed } from './types';

/**
 * Loads a seed into an emptied store:
 * - people, the groups, and each person's group memberships;
 * - in every project the holders of each project role the seed names (`projectRoles`); `clients` only in
 *   client-facing projects (they see only what they reported); and those a project names for itself alone;
 * - a project's own edit screen where the seed gives one;
 * - issues with their comments, links and properties; In Progress and Done issues get the status changes
 *   in their changelog, at `started` and `resolved`.
 * Timestamps move by (now − anchor) so the demo looks current on any clock.
 */
export function applySeed(store: JiraStore, data: DemoSeed, now: Date): void {
  const shiftMs = now.getTime() - Date.parse(data.anchor);
  const at = (iso: string) => new Date(Date.parse(iso) + shiftMs).toISOString();
  const people = new Map(data.people.map((p) => [p.accountId, p]));
  const person = (accountId: string, where: string): DemoPerson => {
    const found = people.get(accountId);
    if (!found) throw new Error(`Seed: ${where} names unknown account ${accountId}`);
    return found;
  };

  store.transaction(() => {
    store.wipe();
    for (const p of data.people) {
      store.insertUser({
        accountId: p.accountId,
        accountType: 'atlassian',
        displayName: p.displayName,
        email: p.email,
        emailVisible: p.emailVisible ?? false,
        timeZone: p.timeZone,
        locale: p.locale ?? 'en_US',
        active: true,
        appId: null,
      });
    }
    for (const g of data.groups) store.insertGroup(g);
    const group = (name: string, where: string): string => {
      if (!data.groups.some((g) => g.name === name))
        throw new Error(`Seed: ${where} names unknown group ${name}`);
      return name;
    };
    for (const p of data.people) {
      for (const name of p.groups ?? []) store.addGroupMember(group(name, p.email), p.accountId);
    }

    for (const project of data.projects) {
      if (project.lead) person(project.lead, `project ${project.key}`);
      store.insertProject({
        id: project.id,
        key: project.key,
        name: project.name,
        description: project.description ?? '',
        leadAccountId: project.lead ?? null,
        projectTypeKey: project.projectTypeKey ?? 'software',
      });
      if (project.editScreen) {
        const known = allFields(store);
        const unknown = project.editScreen.filter(
          (name) => !known.some((f) => f.id === name || f.key === name),
        );
        if (unknown.length)
          throw new Error(`Seed: project ${project.key}'s edit screen names unknown ${unknown.join(', ')}`);
        store.setEditScreenFields(project.id, project.editScreen);
      }
      if (project.workflow) {
        if (!isWorkflowKey(project.workflow))
          throw new Error(`Seed: project ${project.key} names unknown workflow ${String(project.workflow)}`);
        store.setProjectWorkflow(project.id, project.workflow);
      }
      for (const c of project.components) {
        store.insertComponent({
          id: c.id,
          projectId: project.id,
          name: c.name,
          description: c.description ?? '',
          leadAccountId: c.lead ?? null,
        });
      }
      for (const { name: role } of PROJECT_ROLES) {
        const everywhere =
          role === 'clients' && !project.clientFacing ? undefined : data.projectRoles?.[role];
        const here = project.roles?.[role];
        const where = `the ${role} role`;
        for (const user of [...(everywhere?.users ?? []), ...(here?.users ?? [])])
          store.addRoleActor(project.id, { role, actorType: 'user', actor: person(user, where).accountId });
        for (const name of [...(everywhere?.groups ?? []), ...(here?.groups ?? [])])
          store.addRoleActor(project.id, { role, actorType: 'group', actor: group(name, where) });
      }
    }

    for (const issue of data.issues) insertIssue(store, data, issue, at, person);
    for (const issue of data.issues) {
      for (const link of issue.links ?? []) {
        const type = findByIdOrName(LINK_TYPES, { name: link.type });
        const source = store.getIssue(issue.key);
        const destination = store.getIssue(link.to);
        if (!type || !source || !destination)
          throw new Error(`Seed: link ${issue.key} → ${link.to} is not valid`);
        store.insertLink({
          id: link.id,
          typeId: type.id,
          inwardIssueId: source.id,
          outwardIssueId: destination.id,
        });
      }
    }
  });
}

function insertIssue(
  store: JiraStore,
  data: DemoSeed,
  seed: DemoIssue,
  at: (iso: string) => string,
  person: (accountId: string, where: string) => DemoPerson,
): void {
  const [projectKey, numberText] = seed.key.split('-');
  const project = store.getProject(projectKey ?? '');
  if (!project) throw new Error(`Seed: issue ${seed.key} has no project`);
  person(seed.reporter, seed.key);
  if (seed.assignee) person(seed.assignee, seed.key);
  const workflow = workflowOfProject(store, project.id);
  const status = statusNamed(seed.status);
  if (!status || !statusesOf(workflow).includes(status))
    throw new Error(
      `Seed: issue ${seed.key}'s status ${seed.status} is not in its workflow, ${workflow.name}`,
    );
  const type = findByIdOrName(ISSUE_TYPES, { name: seed.issueType });
  const priority = findByIdOrName(PRIORITIES, { name: seed.priority });
  if (!type || !priority) throw new Error(`Seed: issue ${seed.key} has an unknown type or priority`);
  const components = store.listComponents(project.id);
  const componentIds = (seed.components ?? []).map((name) => {
    const found = components.find((c) => c.name === name);
    if (!found) throw new Error(`Seed: issue ${seed.key} names unknown component ${name}`);
    return found.id;
  });
  const done = status.category === 'done';
  const resolution = done ? findByIdOrName(RESOLUTIONS, { name: seed.resolution ?? 'Done' }) : undefined;
  const created = at(seed.created);
  const started = seed.started ? at(seed.started) : undefined;
  const resolved = done ? at(seed.resolved ?? seed.updated ?? seed.created) : undefined;
  const times = [
    created,
    seed.updated ? at(seed.updated) : created,
    started,
    resolved,
    ...(seed.comments ?? []).map((c) => at(c.created)),
  ];
  const updated = times
    .filter((t): t is string => t !== undefined)
    .sort()
    .at(-1) as string;
  const record: IssueRecord = {
    id: seed.id,
    key: seed.key,
    projectId: project.id,
    number: Number(numberText),
    issueTypeId: type.id,
    summary: seed.summary,
    description: seed.description ? textToAdf(seed.description) : null,
    statusId: status.id,
    priorityId: priority.id,
    resolutionId: resolution?.id ?? null,
    assignee: seed.assignee ?? null,
    reporter: seed.reporter,
    creator: seed.reporter,
    labels: [...(seed.labels ?? [])],
    componentIds,
    created,
    updated,
    resolutionDate: resolved ?? null,
    statusCategoryChanged: resolved ?? started ?? created,
  };
  store.insertIssue(record);

  const worker = seed.assignee ?? seed.reporter;
  const toDo = statusById(workflow.initialStatusId) as StatusDef;
  const inProgress = statusNamed('In Progress') as StatusDef;
  const statusItem = (from: StatusDef, to: StatusDef): ChangeItem => ({
    field: 'status',
    fieldtype: 'jira',
    fieldId: 'status',
    from: from.id,
    fromString: from.name,
    to: to.id,
    toString: to.name,
  });
  if (started) store.addChangelog(seed.id, worker, started, [statusItem(toDo, inProgress)]);
  if (resolved && resolution) {
    store.addChangelog(seed.id, worker, resolved, [
      statusItem(started ? inProgress : toDo, status),
      {
        field: 'resolution',
        fieldtype: 'jira',
        fieldId: 'resolution',
        from: null,
        fromString: null,
        to: resolution.id,
        toString: resolution.name,
      },
    ]);
  }

  for (const c of seed.comments ?? []) {
    person(c.author, `comment ${c.id}`);
    if (c.visibility?.type === 'group' && !data.groups.some((g) => g.name === c.visibility?.value)) {
      throw new Error(`Seed: comment ${c.id} is restricted to unknown group ${c.visibility.value}`);
    }
    store.insertComment({
      id: c.id,
      issueId: seed.id,
      author: c.author,
      updateAuthor: c.author,
      body: textToAdf(c.body),
      created: at(c.created),
      updated: at(c.created),
      visibility: c.visibility ?? null,
    });
  }
  for (const [key, value] of Object.entries(seed.properties ?? {}))
    store.setIssueProperty(seed.id, key, value);
}
