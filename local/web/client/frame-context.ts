/**
 * The `extension` of a frame's context, built the same way in the browser (for `view.getContext()`) and on
 * the server (for the context `invoke` hands the resolver), from the frame spec the server rendered. Pure:
 * no DOM, so the server imports it too.
 */
export interface ExtensionSource {
  /** Module-specific facts the server put in the frame spec (issue, project, dashboard, gadget ids …). */
  readonly extension: Readonly<Record<string, unknown>>;
  readonly isGadget: boolean;
  readonly isCustomField: boolean;
}

export function frameExtension(
  source: ExtensionSource,
  entryPoint: 'view' | 'edit',
  location: string,
  /** The gadget's configuration as saved (gadgets only). */
  gadgetConfiguration?: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const extension: Record<string, unknown> = { ...source.extension, location };
  if (source.isGadget) {
    extension.gadgetConfiguration = { ...(gadgetConfiguration ?? {}) };
    if (entryPoint === 'edit') extension.entryPoint = 'edit';
    else delete extension.entryPoint;
  }
  if (source.isCustomField) extension.entryPoint = entryPoint;
  return extension;
}

/** The theme part of a context for the shell's colour mode. */
export function frameTheme(colorMode: 'light' | 'dark'): Record<string, string> {
  return { colorMode, light: 'light', dark: 'dark', spacing: 'spacing', typography: 'typography' };
}
