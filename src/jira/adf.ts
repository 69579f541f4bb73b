import type { Inline, Message } from '../usecases/support/message';

/**
 * Atlassian Document Format, the rich text of the v3 REST API: the app's messages as Jira stores comments.
 * People become mentions, so Jira notifies them.
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

function inlineNode(part: Inline): AdfNode {
  if (typeof part === 'string') return { type: 'text', text: part };
  if ('mention' in part) return { type: 'mention', attrs: { id: part.mention, text: `@${part.name}` } };
  return { type: 'text', text: part.strong, marks: [{ type: 'strong' }] };
}

const paragraphNode = (parts: readonly Inline[]): AdfNode => ({
  type: 'paragraph',
  content: parts.map(inlineNode),
});

export function toAdf(message: Message): AdfDoc {
  return {
    type: 'doc',
    version: 1,
    content: message.blocks.map((block) =>
      'paragraph' in block
        ? paragraphNode(block.paragraph)
        : {
            type: 'bulletList',
            content: block.bullets.map((item) => ({ type: 'listItem', content: [paragraphNode([item])] })),
          },
    ),
  };
}
