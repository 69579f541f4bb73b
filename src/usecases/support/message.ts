/**
 * What the app says on an issue, as the use cases write it: paragraphs of text, people (mentioned, so Jira
 * notifies them: that is how the app "tells" a SPOC or a manager) and bold words, and bullet lists. The
 * Jira adapter renders it in Jira's own format (src/jira/adf.ts), so nothing here knows that format.
 */
export type Inline =
  string | { readonly mention: string; readonly name: string } | { readonly strong: string };

export type Block = { readonly paragraph: readonly Inline[] } | { readonly bullets: readonly string[] };

export interface Message {
  readonly blocks: readonly Block[];
}

export const paragraph = (...parts: readonly Inline[]): Block => ({
  paragraph: parts.filter((p) => p !== ''),
});

export const bulletList = (items: readonly string[]): Block => ({ bullets: items });

/** A message of the blocks given; `null` blocks (an optional note left out) are skipped. */
export const message = (...blocks: readonly (Block | null)[]): Message => ({
  blocks: blocks.filter((b): b is Block => b !== null),
});

/** Plain text, a line per paragraph or list item, people as @name: for tests, logs and previews. */
export function messageText(m: Message): string {
  const inline = (part: Inline): string =>
    typeof part === 'string' ? part : 'mention' in part ? `@${part.name}` : part.strong;
  return m.blocks
    .map((b) => ('paragraph' in b ? b.paragraph.map(inline).join('') : b.bullets.join('\n')))
    .join('\n');
}
