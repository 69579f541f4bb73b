import type { Db } from '../db/database';

/**
 * The local Jira's tables. Ids are integers (Jira's ids are numeric strings); timestamps are ISO 8601 text
 * with `Z`; rich text, labels and property values are JSON text. App field definitions survive a re-seed
 * (they come from the installed app's manifest, not from the demo).
 */
const DDL = `
CREATE TABLE IF NOT EXISTS jira_sequence (name TEXT PRIMARY KEY, next INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS jira_user (
  account_id TEXT PRIMARY KEY,
  account_type TEXT NOT NULL,
  display_name TEXT NOT NULL,
  email TEXT,
  email_visible INTEGER NOT NULL DEFAULT 0,
  time_zone TEXT NOT NULL,
  locale TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  app_id TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS jira_user_email ON jira_user (lower(email));
CREATE TABLE IF NOT EXISTS jira_group (group_id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS jira_group_member (
  group_name TEXT NOT NULL,
  account_id TEXT NOT NULL,
  PRIMARY KEY (group_name, account_id)
);
CREATE TABLE IF NOT EXISTS jira_project (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  lead_account_id TEXT,
  project_type_key TEXT NOT NULL,
  next_issue_number INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS jira_project_role_actor (
  project_id INTEGER NOT NULL,
  role TEXT NOT NULL,
  actor_type TEXT NOT NULL,
  actor TEXT NOT NULL,
  PRIMARY KEY (project_id, role, actor_type, actor)
);
CREATE TABLE IF NOT EXISTS jira_project_edit_screen (
  project_id INTEGER PRIMARY KEY,
  field_ids TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS jira_project_workflow (
  project_id INTEGER PRIMARY KEY,
  workflow TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS jira_component (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  lead_account_id TEXT
);
CREATE TABLE IF NOT EXISTS jira_issue (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL,
  number INTEGER NOT NULL,
  key TEXT NOT NULL UNIQUE,
  issue_type_id TEXT NOT NULL,
  summary TEXT NOT NULL,
  description TEXT,
  status_id TEXT NOT NULL,
  priority_id TEXT,
  resolution_id TEXT,
  assignee TEXT,
  reporter TEXT,
  creator TEXT,
  labels TEXT NOT NULL DEFAULT '[]',
  component_ids TEXT NOT NULL DEFAULT '[]',
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  resolution_date TEXT,
  status_category_changed TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS jira_comment (
  id INTEGER PRIMARY KEY,
  issue_id INTEGER NOT NULL,
  author TEXT NOT NULL,
  update_author TEXT NOT NULL,
  body TEXT NOT NULL,
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  visibility TEXT
);
CREATE INDEX IF NOT EXISTS jira_comment_issue ON jira_comment (issue_id);
CREATE TABLE IF NOT EXISTS jira_comment_property (
  comment_id INTEGER NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (comment_id, key)
);
CREATE TABLE IF NOT EXISTS jira_issue_property (
  issue_id INTEGER NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (issue_id, key)
);
CREATE TABLE IF NOT EXISTS jira_issue_link (
  id INTEGER PRIMARY KEY,
  type_id TEXT NOT NULL,
  inward_issue_id INTEGER NOT NULL,
  outward_issue_id INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS jira_changelog (
  id INTEGER PRIMARY KEY,
  issue_id INTEGER NOT NULL,
  author TEXT,
  created TEXT NOT NULL,
  items TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS jira_changelog_issue ON jira_changelog (issue_id);
CREATE TABLE IF NOT EXISTS jira_app_field (
  id TEXT PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE,
  app_id TEXT NOT NULL,
  module_key TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  type TEXT NOT NULL,
  read_only INTEGER NOT NULL,
  field_key TEXT NOT NULL UNIQUE,
  environment_id TEXT NOT NULL,
  UNIQUE (app_id, module_key)
);
CREATE TABLE IF NOT EXISTS jira_app_field_value (
  field_id TEXT NOT NULL,
  issue_id INTEGER NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (field_id, issue_id)
);
`;

/** Tables a re-seed empties (app field definitions and app users stay). */
export const SEEDED_TABLES = [
  'jira_sequence',
  'jira_group',
  'jira_group_member',
  'jira_project',
  'jira_project_role_actor',
  'jira_project_edit_screen',
  'jira_project_workflow',
  'jira_component',
  'jira_issue',
  'jira_comment',
  'jira_comment_property',
  'jira_issue_property',
  'jira_issue_link',
  'jira_changelog',
  'jira_app_field_value',
] as const;

export function createJiraTables(db: Db): void {
  db.exec(DDL);
}
