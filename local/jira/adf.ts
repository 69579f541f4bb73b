/**
 * Atlassian Document Format: the v3 API's rich text for descriptions and comment bodies. The local site
 * checks the outer shape (a `doc` of version 1 whose nodes have a `type`), extracts plain text for JQL's
 * `~`, and renders a small HTML subset for `renderedFields` / `renderedBody`.
 */
export interface AdfNode {
  readonly type: string;
  readonly text?: string;
  readonly content?: readonly AdfNode[];
  readonly attrs?: Readonly<Record<string, unknown>>;
  readonly marks?: ReadonlyArray<{
    readonly type: string;
    readonly attrs?: Readonly<Record<string, unknown>>;
  }>;
}

export interface AdfDoc extends AdfNode {
  readonly type: 'doc';
  readonly version: 1;
  readonly content: readonly AdfNode[];
}

export function isAdfDoc(value: unknown): value is AdfDoc {
  if (!isObject(value) || value.type !== 'doc' || value.version !== 1 || !Array.isArray(value.content))
    return false;
  return value.content.every(isAdfNode);
}

function isAdfNode(value: unknown): boolean {
  if (!isObject(value) || typeof value.type !== 'string' || value.type.length === 0) return false;
  if (value.text !== undefined && typeof value.text !== 'string') return false;
  if (value.content !== undefined && (!Array.isArray(value.content) || !value.content.every(isAdfNode)))
    return false;
  return true;
}

/** A document of one paragraph per line of text (empty text gives an empty document). */
export function textToAdf(text: string): AdfDoc {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return {
    type: 'doc',
    version: 1,
    content: paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })),
  };
}

/** Plain text: text nodes joined, blocks separated by newlines, mentions as their display text. */
export function adfText(node: AdfNode | null | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  if (node.type === 'mention' || node.type === 'emoji') return String(node.attrs?.text ?? '');
  const inner = (node.content ?? []).map(adfText);
  return BLOCK_TYPES.has(node.type) ? inner.join('\n') : inner.join('');
}

const BLOCK_TYPES = new Set([
  'doc',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'panel',
  'table',
  'tableRow',
]);

/** A small, safe HTML rendering: paragraphs, headings, lists, code, marks; everything else as text. */
export function adfHtml(node: AdfNode | null | undefined): string {
  if (!node) return '';
  const inner = (node.content ?? []).map(adfHtml).join('');
  switch (node.type) {
    case 'doc':
      return inner;
    case 'paragraph':
      return `<p>${inner}</p>`;
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level ?? 1) || 1));
      return `<h${level}>${inner}</h${level}>`;
    }
    case 'bulletList':
      return `<ul>${inner}</ul>`;
    case 'orderedList':
      return `<ol>${inner}</ol>`;
    case 'listItem':
      return `<li>${inner}</li>`;
    case 'blockquote':
      return `<blockquote>${inner}</blockquote>`;
    case 'codeBlock':
      return `<pre><code>${inner}</code></pre>`;
    case 'rule':
      return '<hr />';
    case 'hardBreak':
      return '<br />';
    case 'text':
      return (node.marks ?? []).reduce(
        (html, mark) => wrapMark(mark.type, html),
        escapeHtml(node.text ?? ''),
      );
    default:
      return inner || escapeHtml(adfText(node));
  }
}

function wrapMark(mark: string, html: string): string {
  switch (mark) {
    case 'strong':
      return `<b>${html}</b>`;
    case 'em':
      return `<em>${html}</em>`;
    case 'code':
      return `<tt>${html}</tt>`;
    case 'strike':
      return `<del>${html}</del>`;
    case 'underline':
      return `<ins>${html}</ins>`;
    default:
      return html;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
