/** How the server describes one Custom UI frame to the host page (JSON in `data-forge-frame`). */
export interface FrameSpec {
  readonly moduleKey: string;
  readonly moduleType: string;
  readonly resourceKey: string;
  /** `/local/resources/<resourceKey>/index.html`, on the resources origin (`ShellFacts.resourcesOrigin`). */
  readonly src: string;
  /** Module-specific `extension` of the context, without the `location` the host fills in. */
  readonly extension: Readonly<Record<string, unknown>>;
  readonly localId: string;
  /** Accessible title of the iframe. */
  readonly title: string;
  /** The edit entry point's resource (gadget configuration, custom field edit), when the module has one. */
  readonly editResourceKey?: string;
  /** Project pages: the shell path the frame's history is relative to. */
  readonly historyBase?: string;
  /** Dashboard gadgets: where the configuration lives and how the edit entry point is reached. */
  readonly gadget?: GadgetFrame;
  /** Custom field edit: what `view.submit` saves. */
  readonly customField?: { readonly issueKey: string; readonly fieldId: string };
}

/**
 * A frame spec as the page carries it: with the signed frame tokens the site issued for this person's
 * session. `invoke` sends only the token; the site rebuilds the whole context from it.
 */
export interface RenderedFrame extends FrameSpec {
  readonly tokens: FrameTokenSet;
}

/** One token per entry point the person may open (`edit` only where they may configure or edit). */
export interface FrameTokenSet {
  readonly view: string;
  readonly edit?: string;
}

export interface GadgetFrame {
  readonly dashboardId: string;
  readonly gadgetId: string;
  readonly refreshable: boolean;
}

/** Site-wide facts for every context, rendered once per page (JSON in `#forge-site`). */
export interface SiteFacts {
  readonly accountId?: string;
  readonly cloudId: string;
  readonly siteUrl: string;
  readonly environmentId: string;
  readonly environmentType: string;
  readonly locale: string;
  readonly timezone: string;
  readonly appId: string;
  /** Module key → module type, for `router.navigate({ target: 'module' })`. */
  readonly modules: Readonly<Record<string, string>>;
}

/** What the shell page knows besides the site facts (JSON in `#forge-site` too). */
export interface ShellFacts extends SiteFacts {
  /**
   * Where Custom UI frames are served from: another origin than the page's, as Atlassian's CDN is, on the
   * host name the page was opened on (`http://localhost:8081`).
   */
  readonly resourcesOrigin: string;
}
