import type { Db } from '../../db/database';

/**
 * What Jira Service Management keeps beside the Jira issues (its own tables, emptied by a re-seed): service
 * desks (one per service project), their request types, customer organizations and their members, which
 * organizations a desk serves, which issues are customer requests (of which desk and request type), the
 * organizations and participants a request is shared with, and the customer's satisfaction feedback.
 */
const DDL = `
CREATE TABLE IF NOT EXISTS jsm_service_desk (id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS jsm_request_type (
  id INTEGER PRIMARY KEY,
  service_desk_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  help_text TEXT,
  issue_type_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS jsm_organization (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jsm_organization_member (
  organization_id INTEGER NOT NULL,
  account_id TEXT NOT NULL,
  PRIMARY KEY (organization_id, account_id)
);
CREATE TABLE IF NOT EXISTS jsm_service_desk_organization (
  service_desk_id INTEGER NOT NULL,
  organization_id INTEGER NOT NULL,
  PRIMARY KEY (service_desk_id, organization_id)
);
CREATE TABLE IF NOT EXISTS jsm_request (
  issue_id INTEGER PRIMARY KEY,
  service_desk_id INTEGER NOT NULL,
  request_type_id INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS jsm_request_organization (
  issue_id INTEGER NOT NULL,
  organization_id INTEGER NOT NULL,
  PRIMARY KEY (issue_id, organization_id)
);
CREATE TABLE IF NOT EXISTS jsm_request_participant (
  issue_id INTEGER NOT NULL,
  account_id TEXT NOT NULL,
  PRIMARY KEY (issue_id, account_id)
);
CREATE TABLE IF NOT EXISTS jsm_feedback (
  issue_id INTEGER PRIMARY KEY,
  rating INTEGER NOT NULL,
  comment TEXT,
  created TEXT NOT NULL
);
`;

const TABLES = [
  'jsm_service_desk',
  'jsm_request_type',
  'jsm_organization',
  'jsm_organization_member',
  'jsm_service_desk_organization',
  'jsm_request',
  'jsm_request_organization',
  'jsm_request_participant',
  'jsm_feedback',
] as const;

export interface ServiceDeskRecord {
  readonly id: string;
  readonly projectId: string;
}

export interface RequestTypeRecord {
  readonly id: string;
  readonly serviceDeskId: string;
  readonly name: string;
  readonly description: string;
  readonly helpText: string | null;
  readonly issueTypeId: string;
}

export interface OrganizationRecord {
  readonly id: string;
  readonly name: string;
  readonly created: string;
}

export interface RequestRecord {
  readonly issueId: string;
  readonly serviceDeskId: string;
  readonly requestTypeId: string;
}

export interface FeedbackRecord {
  readonly issueId: string;
  readonly rating: number;
  readonly comment: string | null;
  readonly created: string;
}

type Row = Record<string, unknown>;
const str = (v: unknown): string => String(v);

export class ServiceDeskStore {
  constructor(private readonly db: Db) {
    db.exec(DDL);
  }

  wipe(): void {
    for (const table of TABLES) this.db.prepare(`DELETE FROM ${table}`).run();
  }

  // ---- service desks and request types ----

  insertServiceDesk(desk: ServiceDeskRecord): void {
    this.db
      .prepare('INSERT INTO jsm_service_desk (id, project_id) VALUES (?, ?)')
      .run(desk.id, desk.projectId);
  }

  listServiceDesks(): ServiceDeskRecord[] {
    return (this.db.prepare('SELECT * FROM jsm_service_desk ORDER BY id').all() as Row[]).map(deskOf);
  }

  getServiceDesk(id: string): ServiceDeskRecord | undefined {
    const row = this.db.prepare('SELECT * FROM jsm_service_desk WHERE id = ?').get(id) as Row | undefined;
    return row ? deskOf(row) : undefined;
  }

  serviceDeskOfProject(projectId: string): ServiceDeskRecord | undefined {
    const row = this.db.prepare('SELECT * FROM jsm_service_desk WHERE project_id = ?').get(projectId) as
      Row | undefined;
    return row ? deskOf(row) : undefined;
  }

  insertRequestType(type: RequestTypeRecord): void {
    this.db
      .prepare(
        'INSERT INTO jsm_request_type (id, service_desk_id, name, description, help_text, issue_type_id) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(type.id, type.serviceDeskId, type.name, type.description, type.helpText, type.issueTypeId);
  }

  requestTypes(serviceDeskId: string): RequestTypeRecord[] {
    return (
      this.db
        .prepare('SELECT * FROM jsm_request_type WHERE service_desk_id = ? ORDER BY id')
        .all(serviceDeskId) as Row[]
    ).map(requestTypeOf);
  }

  getRequestType(id: string): RequestTypeRecord | undefined {
    const row = this.db.prepare('SELECT * FROM jsm_request_type WHERE id = ?').get(id) as Row | undefined;
    return row ? requestTypeOf(row) : undefined;
  }

  // ---- organizations ----

  insertOrganization(org: OrganizationRecord): void {
    this.db
      .prepare('INSERT INTO jsm_organization (id, name, created) VALUES (?, ?, ?)')
      .run(org.id, org.name, org.created);
  }

  listOrganizations(): OrganizationRecord[] {
    return (this.db.prepare('SELECT * FROM jsm_organization ORDER BY id').all() as Row[]).map(orgOf);
  }

  getOrganization(id: string): OrganizationRecord | undefined {
    const row = this.db.prepare('SELECT * FROM jsm_organization WHERE id = ?').get(id) as Row | undefined;
    return row ? orgOf(row) : undefined;
  }

  addMember(organizationId: string, accountId: string): void {
    this.db
      .prepare('INSERT OR IGNORE INTO jsm_organization_member (organization_id, account_id) VALUES (?, ?)')
      .run(organizationId, accountId);
  }

  /** Members ordered by account id, as Jira lists them. */
  members(organizationId: string): string[] {
    return (
      this.db
        .prepare(
          'SELECT account_id FROM jsm_organization_member WHERE organization_id = ? ORDER BY account_id',
        )
        .all(organizationId) as Row[]
    ).map((r) => str(r.account_id));
  }

  organizationsOf(accountId: string): OrganizationRecord[] {
    return (
      this.db
        .prepare(
          'SELECT o.* FROM jsm_organization o JOIN jsm_organization_member m ON m.organization_id = o.id WHERE m.account_id = ? ORDER BY o.id',
        )
        .all(accountId) as Row[]
    ).map(orgOf);
  }

  addDeskOrganization(serviceDeskId: string, organizationId: string): void {
    this.db
      .prepare(
        'INSERT OR IGNORE INTO jsm_service_desk_organization (service_desk_id, organization_id) VALUES (?, ?)',
      )
      .run(serviceDeskId, organizationId);
  }

  deskOrganizationIds(serviceDeskId: string): string[] {
    return (
      this.db
        .prepare(
          'SELECT organization_id FROM jsm_service_desk_organization WHERE service_desk_id = ? ORDER BY organization_id',
        )
        .all(serviceDeskId) as Row[]
    ).map((r) => str(r.organization_id));
  }

  // ---- requests ----

  insertRequest(request: RequestRecord): void {
    this.db
      .prepare('INSERT INTO jsm_request (issue_id, service_desk_id, request_type_id) VALUES (?, ?, ?)')
      .run(request.issueId, request.serviceDeskId, request.requestTypeId);
  }

  getRequest(issueId: string): RequestRecord | undefined {
    const row = this.db.prepare('SELECT * FROM jsm_request WHERE issue_id = ?').get(issueId) as
      Row | undefined;
    return row ? requestOf(row) : undefined;
  }

  listRequests(): RequestRecord[] {
    return (this.db.prepare('SELECT * FROM jsm_request ORDER BY issue_id').all() as Row[]).map(requestOf);
  }

  shareWithOrganization(issueId: string, organizationId: string): void {
    this.db
      .prepare('INSERT OR IGNORE INTO jsm_request_organization (issue_id, organization_id) VALUES (?, ?)')
      .run(issueId, organizationId);
  }

  requestOrganizationIds(issueId: string): string[] {
    return (
      this.db
        .prepare(
          'SELECT organization_id FROM jsm_request_organization WHERE issue_id = ? ORDER BY organization_id',
        )
        .all(issueId) as Row[]
    ).map((r) => str(r.organization_id));
  }

  addParticipant(issueId: string, accountId: string): void {
    this.db
      .prepare('INSERT OR IGNORE INTO jsm_request_participant (issue_id, account_id) VALUES (?, ?)')
      .run(issueId, accountId);
  }

  participants(issueId: string): string[] {
    return (
      this.db
        .prepare('SELECT account_id FROM jsm_request_participant WHERE issue_id = ? ORDER BY account_id')
        .all(issueId) as Row[]
    ).map((r) => str(r.account_id));
  }

  // ---- feedback ----

  getFeedback(issueId: string): FeedbackRecord | undefined {
    const row = this.db.prepare('SELECT * FROM jsm_feedback WHERE issue_id = ?').get(issueId) as
      Row | undefined;
    return row
      ? {
          issueId: str(row.issue_id),
          rating: Number(row.rating),
          comment: row.comment === null ? null : str(row.comment),
          created: str(row.created),
        }
      : undefined;
  }

  /** A customer rates a request once; rating again replaces the earlier feedback. */
  setFeedback(feedback: FeedbackRecord): void {
    this.db
      .prepare(
        'INSERT INTO jsm_feedback (issue_id, rating, comment, created) VALUES (?, ?, ?, ?) ON CONFLICT(issue_id) DO UPDATE SET rating = excluded.rating, comment = excluded.comment, created = excluded.created',
      )
      .run(feedback.issueId, feedback.rating, feedback.comment, feedback.created);
  }
}

const deskOf = (r: Row): ServiceDeskRecord => ({ id: str(r.id), projectId: str(r.project_id) });
const orgOf = (r: Row): OrganizationRecord => ({ id: str(r.id), name: str(r.name), created: str(r.created) });
const requestOf = (r: Row): RequestRecord => ({
  issueId: str(r.issue_id),
  serviceDeskId: str(r.service_desk_id),
  requestTypeId: str(r.request_type_id),
});
const requestTypeOf = (r: Row): RequestTypeRecord => ({
  id: str(r.id),
  serviceDeskId: str(r.service_desk_id),
  name: str(r.name),
  description: str(r.description),
  helpText: r.help_text === null ? null : str(r.help_text),
  issueTypeId: str(r.issue_type_id),
});
