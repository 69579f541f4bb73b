/**
 * Atlassian Document Format, the rich text of the v3 REST API, for the comments the app writes. People are
 * written as mentions, so Jira notifies them: that is how the app "tells" a SPOC or a manager.
 */
export interface AdfNode {
  readonly type: string;
  readonly text?: string;
  readonly attrs?: Readonly<Record<string, unknown>>;
  readonly content?: readonly AdfNode[];
  readonly marks?: ReadonlyArray<{ readonly type: string }>;
}

export interface AdfDoc {
  readonly type: 'doc';
  readonly version: 1;
  readonly content: readonly AdfNode[];
}

/** Inline content: text, or a person to mention. */
export type Inline =
  string | { readonly mention: string; readonly name: string } | { readonly strong: string };

function inlineNode(part: Inline): AdfNode {
  if (typeof part === 'string') return { type: 'text', text: part };
  if ('mention' in part) return { type: 'mention', attrs: { id: part.mention, text: `@${part.name}` } };
  return { type: 'text', text: part.strong, marks: [{ type: 'strong' }] };
}

export const paragraph = (...parts: readonly Inline[]): AdfNode => ({
  type: 'paragraph',
  content: parts.filter((p) => p !== '').map(inlineNode),
});

export const bulletList = (items: readonly string[]): AdfNode => ({
  type: 'bulletList',
  content: items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })),
});

export const doc = (...content: readonly (AdfNode | null)[]): AdfDoc => ({
  type: 'doc',
  version: 1,
  content: content.filter((c): c is AdfNode => c !== null),
});

/** Plain text of a document: for tests, logs and the panel. */
export function adfToText(node: AdfNode | AdfDoc): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'mention') return String(node.attrs?.text ?? '');
  const inner = (node.content ?? []).map(adfToText);
  return node.type === 'doc' || node.type === 'bulletList' ? inner.join('\n') : inner.join('');
}
