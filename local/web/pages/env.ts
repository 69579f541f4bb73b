import type { SiteRequest, SiteResponse } from '../../http/types';
import type { FrameSpec } from '../client/host-api';
import type { DashboardCaller } from '../dashboards/access';
import type { Html, Viewer } from '../html';
import type { JiraReader } from '../jira-reader';
import type { AppUi } from '../modules';

/** What a page handler gets: the request, Jira as the signed-in person, and the layout. */
export interface PageEnv {
  readonly req: SiteRequest;
  readonly jira: JiraReader;
  readonly viewer: Viewer | undefined;
  readonly ui: AppUi;
  /** The signed-in person as dashboard permissions see them. */
  readonly dashboardCaller: DashboardCaller;
  /**
   * The placeholder of a module's frame, with the frame tokens issued for this session: one for the view
   * and, when the spec has an edit resource, one for the edit entry point.
   */
  frame(spec: FrameSpec, entryPoint?: 'view' | 'edit'): Html;
  page(options: { title: string; body: Html; sidebar?: Html; page?: string; status?: number }): SiteResponse;
  /** An error page (HTML for people; Jira's JSON error shape when the caller asks for JSON). */
  error(status: number, message: string): SiteResponse;
}

/** Jira's JSON bodies as the pages read them (only the parts shown). */
export interface UserBean {
  readonly accountId: string;
  readonly displayName: string;
  readonly emailAddress?: string;
}

export interface ProjectBean {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly projectTypeKey: string;
  readonly description?: string;
  readonly lead?: UserBean;
}

export interface IssueBean {
  readonly id: string;
  readonly key: string;
  readonly fields: Readonly<Record<string, unknown>> & {
    readonly summary?: string;
    readonly status?: { id: string; name: string; statusCategory?: { key: string; name: string } };
    readonly priority?: { id: string; name: string } | null;
    readonly issuetype?: { id: string; name: string };
    readonly project?: { id: string; key: string; name: string; projectTypeKey?: string };
    readonly assignee?: UserBean | null;
    readonly reporter?: UserBean | null;
    readonly labels?: readonly string[];
    readonly components?: ReadonlyArray<{ id: string; name: string }>;
    readonly created?: string;
    readonly updated?: string;
  };
  readonly renderedFields?: Readonly<Record<string, unknown>>;
  readonly names?: Readonly<Record<string, string>>;
  readonly schema?: Readonly<Record<string, { type?: string; custom?: string }>>;
}
