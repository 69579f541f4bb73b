import type { ManifestModule } from '../forge/manifest';
import type { FrameSpec, RenderedFrame } from './client/host-api';
import type { FrameClaims } from './frame-tokens';
import { html, jsonScript, type Html } from './html';
import { titleOf } from './modules';

/**
 * What each module type gets as `context.extension`, built on the server from what Jira knows (the issue,
 * project or dashboard on screen), the claims its frame tokens carry, and the placeholder the host page
 * turns into the module's iframe.
 */
export interface IssueFacts {
  readonly id: string;
  readonly key: string;
  readonly typeName: string;
  readonly typeId: string;
  readonly project: ProjectFacts;
}

export interface ProjectFacts {
  readonly id: string;
  readonly key: string;
  readonly type: string;
}

export function issuePanelFrame(module: ManifestModule, issue: IssueFacts): FrameSpec {
  return {
    moduleKey: module.key,
    moduleType: 'jira:issuePanel',
    resourceKey: String(module.resource),
    src: resourceSrc(String(module.resource)),
    title: titleOf(module),
    localId: `${module.key}-${issue.id}`,
    extension: {
      type: 'jira:issuePanel',
      issue: { id: issue.id, key: issue.key, type: issue.typeName, typeId: issue.typeId },
      project: issue.project,
      isNewToIssue: false,
    },
  };
}

export function projectPageFrame(
  module: ManifestModule,
  project: ProjectFacts,
  historyBase: string,
): FrameSpec {
  return {
    moduleKey: module.key,
    moduleType: 'jira:projectPage',
    resourceKey: String(module.resource),
    src: resourceSrc(String(module.resource)),
    title: titleOf(module),
    localId: `${module.key}-${project.id}`,
    historyBase,
    extension: { type: 'jira:projectPage', project },
  };
}

/** `editable`: whether this person may configure the gadget (only then does the frame get an edit view). */
export function gadgetFrame(
  module: ManifestModule,
  dashboardId: string,
  gadgetId: string,
  configuration: Readonly<Record<string, unknown>>,
  editable: boolean,
): FrameSpec {
  const edit = editable ? (module.edit as { resource?: unknown } | undefined) : undefined;
  return {
    moduleKey: module.key,
    moduleType: 'jira:dashboardGadget',
    resourceKey: String(module.resource),
    src: resourceSrc(String(module.resource)),
    title: titleOf(module),
    localId: gadgetId,
    extension: {
      type: 'jira:dashboardGadget',
      dashboard: { id: dashboardId },
      gadget: { id: gadgetId },
      gadgetConfiguration: configuration,
    },
    ...(typeof edit?.resource === 'string' ? { editResourceKey: edit.resource } : {}),
    gadget: { dashboardId, gadgetId, refreshable: module.refreshable !== false },
  };
}

/** A Forge custom field whose view (and maybe edit) is its own Custom UI. */
export function customFieldFrame(
  module: ManifestModule,
  issue: IssueFacts,
  field: { readonly id: string; readonly type: string; readonly value: unknown },
): FrameSpec | undefined {
  const view = module.view as { resource?: unknown } | undefined;
  if (typeof view?.resource !== 'string') return undefined;
  const edit = module.edit as { resource?: unknown } | undefined;
  return {
    moduleKey: module.key,
    moduleType: 'jira:customField',
    resourceKey: view.resource,
    src: resourceSrc(view.resource),
    title: titleOf({ ...module, title: module.name ?? module.key }),
    localId: `${module.key}-${issue.id}`,
    extension: {
      type: 'jira:customField',
      fieldId: field.id,
      fieldType: field.type,
      fieldValue: field.value ?? null,
      issue: { id: issue.id, key: issue.key, type: issue.typeName, typeId: issue.typeId },
      project: issue.project,
      renderContext: 'issue-view',
      experience: 'issue-view',
    },
    ...(typeof edit?.resource === 'string' && module.readOnly !== true
      ? { editResourceKey: edit.resource, customField: { issueKey: issue.key, fieldId: field.id } }
      : {}),
  };
}

/** What a frame token for this spec and entry point says (gadget configuration is read at each call). */
export function frameClaims(spec: FrameSpec, entryPoint: 'view' | 'edit', location: string): FrameClaims {
  const { gadgetConfiguration: _saved, ...extension } = spec.extension;
  return {
    moduleKey: spec.moduleKey,
    entryPoint,
    localId: spec.localId,
    extension,
    location,
    customField: spec.moduleType === 'jira:customField',
    ...(spec.gadget
      ? { gadget: { dashboardId: spec.gadget.dashboardId, gadgetId: spec.gadget.gadgetId } }
      : {}),
  };
}

export function frameSlot(spec: RenderedFrame, entryPoint: 'view' | 'edit' = 'view'): Html {
  return html`<div
    class="frame-slot"
    data-forge-frame="${jsonScript(spec).text}"
    data-entry-point="${entryPoint}"
  ></div>`;
}

function resourceSrc(resourceKey: string): string {
  return `/local/resources/${encodeURIComponent(resourceKey)}/index.html`;
}
