import { createHash } from 'node:crypto';
import type { Db } from '../../db/database';
import { column, flag, optionalText, RecordTable, text, type Columns } from './rows';

/**
 * People and app users (`jira_user`): Atlassian accounts from the seed, and the app user Jira creates for
 * an installed Forge app, which survives a re-seed.
 */
export interface UserRecord {
  readonly accountId: string;
  readonly accountType: 'atlassian' | 'app';
  readonly displayName: string;
  readonly email: string | null;
  /** The person's profile shows the email address to others (Jira Cloud hides most). */
  readonly emailVisible: boolean;
  readonly timeZone: string;
  readonly locale: string;
  readonly active: boolean;
  /** For the app user of a Forge app: the app's id. */
  readonly appId: string | null;
}

const USER_COLUMNS: Columns<UserRecord> = {
  accountId: text('account_id'),
  accountType: column('account_type', (stored) => (stored === 'app' ? 'app' : 'atlassian')),
  displayName: text('display_name'),
  email: optionalText('email'),
  emailVisible: flag('email_visible'),
  timeZone: text('time_zone'),
  locale: text('locale'),
  active: flag('active'),
  appId: optionalText('app_id'),
};

export class UserTable {
  private readonly rows: RecordTable<UserRecord>;

  constructor(private readonly db: Db) {
    this.rows = new RecordTable(db, 'jira_user', USER_COLUMNS);
  }

  get(accountId: string): UserRecord | undefined {
    return this.rows.find('SELECT * FROM jira_user WHERE account_id = ?', accountId);
  }

  getByEmail(email: string): UserRecord | undefined {
    return this.rows.find('SELECT * FROM jira_user WHERE lower(email) = lower(?)', email);
  }

  list(options: { includeApps?: boolean } = {}): UserRecord[] {
    return this.rows.list(
      options.includeApps
        ? 'SELECT * FROM jira_user ORDER BY display_name'
        : "SELECT * FROM jira_user WHERE account_type = 'atlassian' ORDER BY display_name",
    );
  }

  insert(user: UserRecord): void {
    this.rows.insert(user);
  }

  ensureAppUser(appId: string, displayName?: string): UserRecord {
    const existing = this.rows.find('SELECT * FROM jira_user WHERE app_id = ?', appId);
    if (existing) {
      if (displayName && existing.displayName !== displayName) {
        this.db.prepare('UPDATE jira_user SET display_name = ? WHERE app_id = ?').run(displayName, appId);
        return { ...existing, displayName };
      }
      return existing;
    }
    const user: UserRecord = {
      accountId: createHash('sha1').update(`app:${appId}`).digest('hex').slice(0, 24),
      accountType: 'app',
      displayName: displayName ?? 'Forge app',
      email: null,
      emailVisible: false,
      timeZone: 'UTC',
      locale: 'en_US',
      active: true,
      appId,
    };
    this.insert(user);
    return user;
  }

  /** Everyone but app users, whom a re-seed keeps. */
  deletePeople(): void {
    this.db.prepare("DELETE FROM jira_user WHERE account_type <> 'app'").run();
  }
}
