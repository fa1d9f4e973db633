import type { FootnoteDefinition, Parents, Root, RootContent } from 'mdast';

/** The URL remend gives a link whose `(url)` has not finished streaming. */
export const pendingLinkUrl = 'streamdown:incomplete-link';

const flowParents = new Set<string>(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

// `[^1]: note` as a plain paragraph led by its label. GFM would move it into a footnotes section at
// the end of the document, but each block renders on its own, so a definition would land in a
// section of its own block and vanish when nothing there references it.
function flattenFootnoteDefinition(node: FootnoteDefinition): RootContent[] {
  const label = node.label ?? node.identifier;
  const [first, ...rest] = node.children;
  const marker = { type: 'text' as const, value: label, data: { hName: 'sup', hProperties: { dataSlot: 'markdown-footnote-label' } } };
  if (first?.type === 'paragraph') return [{ ...first, children: [marker, { type: 'text', value: ' ' }, ...first.children] }, ...rest];
  return [{ type: 'paragraph', children: [marker] }, ...node.children];
}

function replacements(node: RootContent, parent: Parents): RootContent[] | undefined {
  switch (node.type) {
    case 'html':
      // Raw HTML from the model shows as the literal text it is, never as markup. A block of it
      // keeps its line breaks so it reads like the source.
      return flowParents.has(parent.type)
        ? [
            {
              type: 'paragraph',
              children: [{ type: 'text', value: node.value }],
              data: { hProperties: { dataSlot: 'markdown-raw-html' } },
              ...(node.position ? { position: node.position } : {}),
            },
          ]
        : [{ type: 'text', value: node.value }];
    case 'footnoteReference':
      return [{ type: 'text', value: node.label ?? node.identifier, data: { hName: 'sup', hProperties: { dataSlot: 'markdown-footnote-ref' } } }];
    case 'footnoteDefinition':
      return flattenFootnoteDefinition(node);
    case 'link':
      // The URL policy removes this href like any other non-http one; the mark lets the link
      // component show the text as a link that is still arriving rather than as refused.
      if (node.url === pendingLinkUrl) node.data = { ...node.data, hProperties: { dataPending: true } };
      return undefined;
    default:
      return undefined;
  }
}

function transform(parent: Parents): void {
  // mdast types each parent's children separately; the replacements keep every node where the
  // grammar allows it (text in phrasing, paragraphs in flow), which the union cannot express.
  const children = parent.children as RootContent[];
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index];
    if (!child) continue;
    const replacement = replacements(child, parent);
    if (replacement) {
      children.splice(index, 1, ...replacement);
      index -= 1;
      continue;
    }
    if ('children' in child) transform(child);
  }
}

export interface RemarkStreamkitOptions {
  /** Hide the top-level nodes that end before this offset: definitions borrowed from other blocks. Default: `0`. */
  skipBefore?: number;
}

/**
 * Remark plugin for model output: raw HTML becomes literal text (shown, not dropped, so nothing the
 * model wrote disappears), GFM footnotes render inline where they stand, and links still waiting
 * for their URL are marked as pending. Safety does not rest on this plugin: react-markdown never
 * renders raw HTML, and the URL policy runs after it.
 */
export function remarkStreamkit(options: RemarkStreamkitOptions = {}) {
  const skipBefore = options.skipBefore ?? 0;
  return (tree: Root): void => {
    // Link definitions stay: they render nothing, and mdast-util-to-hast resolves references from them.
    if (skipBefore > 0) {
      tree.children = tree.children.filter((node) => node.type === 'definition' || (node.position?.end.offset ?? Infinity) > skipBefore);
    }
    transform(tree);
  };
}
