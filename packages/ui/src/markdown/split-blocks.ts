import { lexBlocks, type LexedBlock } from './lex-blocks.ts';

/** A top-level block of the message, rendered on its own. */
export interface Block {
  /** Its markdown source, trailing blank lines included. */
  source: string;
  /** The mdast node type of the block (`paragraph`, `code`, `table`, …). */
  type: string;
  /** Whether it has a `[` and so may use a link reference definition from elsewhere in the text. */
  mayReference: boolean;
}

/**
 * What the splitter keeps between calls: the settled blocks and the text prefix they cover. The text
 * after `prefix` is the unsettled tail, re-lexed on every call.
 */
export interface BlockCache {
  prefix: string;
  settled: readonly Block[];
  /** Sources of the settled top-level link reference and footnote definitions, joined by blank lines. */
  definitions: string;
}

export interface BlockSplit {
  blocks: readonly Block[];
  /** Every top-level link reference and footnote definition of the text, to resolve `[text][ref]` and `[^1]` across blocks. */
  definitions: string;
  cache: BlockCache;
}

// Link reference definitions and GFM footnote definitions: both can be used from any block.
function isDefinition(block: Block): boolean {
  return block.type === 'definition' || block.type === 'footnoteDefinition';
}

const emptyCache: BlockCache = { prefix: '', settled: [], definitions: '' };

function toBlock(text: string, lexed: LexedBlock, offset: number): Block {
  const source = text.slice(offset + lexed.start, offset + lexed.end);
  return { source, type: lexed.type, mayReference: source.includes('[') };
}

// Line breaks in text from `start`, counting no further than `limit`.
function lineBreaks(text: string, start: number, limit: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', start); at !== -1 && count < limit; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}

/**
 * Index of the first tail block that can still change as text is appended. Usually only the last
 * block can: text only grows at the end, and a block that another block follows is closed. Two
 * cases reach back over that boundary, so the block before stays open too:
 * - while the last block is on its first two lines, they may still turn out to continue the block
 *   before it: `1. a`, blank line, `2` becomes the list's second item once the `.` arrives; a
 *   table interrupting a paragraph dissolves back into it if its delimiter row ends up with the
 *   wrong number of cells; a lazy continuation line of a quote parses differently at the very end
 *   of the text;
 * - a link reference definition, whose optional title may start on the next line and span lines
 *   (`[a]: /url` then `'title'` turns the paragraph `'tit` into the definition's title).
 */
function firstOpenIndex(tail: readonly LexedBlock[], tailText: string): number {
  let open = tail.length - 1;
  const last = tail[open];
  if (!last) return 0;
  if (open > 0 && lineBreaks(tailText, last.start, 2) < 2) open -= 1;
  while (open > 0 && tail[open - 1]?.type === 'definition') open -= 1;
  return open;
}

/**
 * Splits a growing markdown text into top-level blocks without re-lexing what has settled.
 *
 * Re-lexing the whole text per delta would make each delta cost O(length): a 50 KB answer would be
 * parsed about 50 KB × (number of deltas) times over. Instead the cache keeps the blocks that can no
 * longer change and the text prefix they span; when the new text starts with that prefix (the usual
 * append-only stream), only the tail after it is lexed. The tail is the last block (plus, for its first
 * two lines, the block before it; see `firstOpenIndex`), so a delta costs O(size of the last block)
 * plus an O(length) `startsWith` check (a memory compare, microseconds at 50 KB) and an O(blocks)
 * copy of the block list (pointers; a 50 KB answer has a few hundred blocks). Any other change
 * (an edit, a new message) misses the cache and lexes the text from the start once.
 *
 * Blocks are returned in order; settled ones keep their identity across calls so memoized
 * renderers skip them.
 */
export function splitBlocks(text: string, cache: BlockCache = emptyCache): BlockSplit {
  const base = cache.prefix !== '' && text.startsWith(cache.prefix) ? cache : emptyCache;
  const offset = base.prefix.length;
  const tailText = text.slice(offset);
  const tail = lexBlocks(tailText);
  const open = firstOpenIndex(tail, tailText);

  let next = base;
  const newlySettled = tail.slice(0, open).map((lexed) => toBlock(text, lexed, offset));
  if (newlySettled.length > 0) {
    const openStart = tail[open]?.start ?? tailText.length;
    const newDefinitions = newlySettled.filter(isDefinition).map((block) => block.source.trim());
    next = {
      prefix: text.slice(0, offset + openStart),
      settled: [...base.settled, ...newlySettled],
      definitions: [base.definitions, ...newDefinitions].filter(Boolean).join('\n\n'),
    };
  }

  const openBlocks = tail.slice(open).map((lexed) => toBlock(text, lexed, offset));
  const openDefinitions = openBlocks.filter(isDefinition).map((block) => block.source.trim());
  return {
    blocks: [...next.settled, ...openBlocks],
    definitions: [next.definitions, ...openDefinitions].filter(Boolean).join('\n\n'),
    cache: next,
  };
}
