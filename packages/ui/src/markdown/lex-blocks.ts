import { parseMarkdown } from './parse-markdown.ts';

/** One top-level block of a markdown text, as the parser sees it. */
export interface LexedBlock {
  /** The mdast node type: `paragraph`, `list`, `code`, `table`, `definition`, … */
  type: string;
  /** Offset of the start of the line the block starts on. */
  start: number;
  /** Offset where the next block's line starts, or the end of the text. Blank lines after the block belong to it. */
  end: number;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * Splits markdown into its top-level blocks with the real parser (micromark + GFM), so a fenced code
 * block with blank lines, a loose list or a table stays one block. Each block starts at the start of
 * its line: slicing at the node's own start would drop the indentation that later lines of a list or
 * code block are measured against. Cost: one parse of `text`.
 */
export function lexBlocks(text: string): LexedBlock[] {
  const nodes = parseMarkdown(text).children;
  const blocks: LexedBlock[] = [];
  for (const [index, node] of nodes.entries()) {
    const next = nodes[index + 1];
    const start = lineStart(text, node.position?.start.offset ?? 0);
    const end = next ? lineStart(text, next.position?.start.offset ?? text.length) : text.length;
    blocks.push({ type: node.type, start, end });
  }
  return blocks;
}
