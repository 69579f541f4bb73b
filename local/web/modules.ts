import type { ForgeHost } from '../forge';
import type { ManifestModule } from '../forge/manifest';
import type { GadgetModuleInfo } from './dashboards/api';

/**
 * The installed app's UI modules as the shell shows them: issue panels, project pages, dashboard gadgets
 * and custom fields with their own Custom UI, read from the manifest the Forge host loaded.
 */
export interface AppUi {
  readonly appId: string;
  readonly environmentId: string;
  readonly issuePanels: readonly ManifestModule[];
  readonly projectPages: readonly ManifestModule[];
  readonly gadgets: readonly ManifestModule[];
  readonly customFields: readonly ManifestModule[];
  /** module key → module type */
  readonly moduleTypes: Readonly<Record<string, string>>;
  readonly resources: ReadonlyArray<{ key: string; path: string }>;
  readonly gadgetInfo: readonly GadgetModuleInfo[];
}

export function appUiOf(forge: ForgeHost): AppUi {
  const manifest = forge.manifest;
  const modules = manifest.modules;
  const moduleTypes: Record<string, string> = {};
  for (const [type, list] of Object.entries(modules)) {
    if (type === 'function' || !list) continue;
    for (const module of list) moduleTypes[module.key] = type;
  }
  const gadgets = modules['jira:dashboardGadget'] ?? [];
  return {
    appId: forge.appId,
    environmentId: forge.environmentId,
    issuePanels: modules['jira:issuePanel'] ?? [],
    projectPages: modules['jira:projectPage'] ?? [],
    gadgets,
    customFields: modules['jira:customField'] ?? [],
    moduleTypes,
    resources: manifest.resources ?? [],
    gadgetInfo: gadgets.map((g) => ({ moduleKey: g.key, title: titleOf(g) })),
  };
}

/** A module's `title`: a string, `{ text, href }` or an i18n object with a default value. */
export function titleOf(module: ManifestModule): string {
  const title = module.title as unknown;
  if (typeof title === 'string') return title;
  if (title && typeof title === 'object') {
    const t = title as { text?: unknown; i18n?: unknown; value?: unknown };
    if (typeof t.text === 'string') return t.text;
    if (typeof t.value === 'string') return t.value;
  }
  return module.key;
}
