import remend, { INCOMPLETE_IMAGE_PLACEHOLDER, isWithinCodeBlock, type RemendHandler, type RemendOptions } from 'remend';
import { parseMarkdown } from './parse-markdown.ts';
import { pendingLinkUrl } from './remark-streamkit.ts';
import type { Block } from './split-blocks.ts';

const markerChars = '*_~`';

// A marker run that has only just begun (`text **`, `a \``) renders as the literal characters until
// its content arrives; remend leaves it alone because there is nothing to close yet. Dropping it for
// one or two deltas is invisible; showing it is the flash this module exists to prevent.
const dropTrailingMarker: RemendHandler = {
  name: 'streamkit-trailing-marker',
  priority: 90,
  handle(text) {
    let start = text.length;
    while (start > 0 && markerChars.includes(text.charAt(start - 1))) start -= 1;
    if (start === text.length) return text;
    const before = text.charAt(start - 1);
    if (start > 0 && before.trim() !== '') return text;
    if (isWithinCodeBlock(text, text.length - 1)) return text;
    return text.slice(0, start);
  },
};

const taskMarker = /(?:^|\n)[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX]\]$/;

// `[text]` at the very end is most likely a link whose `(url)` is next; remend only acts once the
// `(` is there. Show it as a pending link now rather than flash the brackets. A task-list box
// (`- [ ]`) is held back instead until its text arrives: alone it would render as literal brackets.
const completeTrailingBracket: RemendHandler = {
  name: 'streamkit-trailing-bracket',
  priority: 91,
  handle(text) {
    if (!text.endsWith(']') || text.endsWith('\\]') || isWithinCodeBlock(text, text.length - 1)) return text;
    if (taskMarker.test(text)) return text.slice(0, text.lastIndexOf('['));
    const open = text.lastIndexOf('[');
    if (open < 0 || text.indexOf(']', open) !== text.length - 1) return text;
    return text.charAt(open - 1) === '!' ? `${text}(${INCOMPLETE_IMAGE_PLACEHOLDER})` : `${text}(${pendingLinkUrl})`;
  },
};

// Remend's completions that agree with how the finished text renders. Off: KaTeX (nothing here
// renders math, so a completed `$$` would only add visible dollar signs) and comparison operators
// (it escapes `- > 25`, which the finished text renders as a quote inside the list item).
const remendOptions: RemendOptions = {
  katex: false,
  inlineKatex: false,
  comparisonOperators: false,
  handlers: [dropTrailingMarker, completeTrailingBracket],
};

const pipeRow = /^ {0,3}\|/;
// Remend appends a zero-width space to a lone `-` so it is not read as a setext underline.
const delimiterLike = /^ {0,3}[|:\- \t\u200b]*$/;

function cellCount(row: string): number {
  const inner = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).length;
}

function delimiterRow(cells: number): string {
  return `|${' --- |'.repeat(cells)}`;
}

/**
 * A GFM table is a plain paragraph until its delimiter row (`| --- | --- |`) is complete, so its
 * header would flash as raw pipes. When the last line of the block starts with `|` (a header row in
 * progress, maybe followed by a partial delimiter row), try the block with a full delimiter row and
 * let the parser say whether that is a table: if so, show the table; if not, hold those lines back
 * until the next line tells what they are.
 */
function completeTableHeader(source: string): string {
  const lines = source.split('\n');
  const last = lines.at(-1) ?? '';
  const previous = lines.at(-2);
  let headerIndex: number;
  if (previous !== undefined && pipeRow.test(previous) && delimiterLike.test(last) && last.trim() !== '') {
    headerIndex = lines.length - 2;
  } else if (pipeRow.test(last)) {
    headerIndex = lines.length - 1;
  } else {
    return source;
  }
  const kept = lines.slice(0, headerIndex);
  const header = lines[headerIndex] ?? '';
  const candidate = [...kept, header, delimiterRow(cellCount(header))].join('\n');
  if (parseMarkdown(candidate).children.at(-1)?.type === 'table') return candidate;
  return kept.join('\n');
}

const fenceLine = /^ {0,3}(`{3,}|~{3,})/;
const partialFence = /^ {0,3}(`+|~+)$/;

// The closing fence arrives a character at a time; until it is long enough to close, its first
// backticks would show as a last line of code.
function holdBackClosingFence(source: string): string {
  const open = fenceLine.exec(source)?.[1];
  const lastBreak = source.lastIndexOf('\n');
  const partial = partialFence.exec(source.slice(lastBreak + 1))?.[1];
  if (!open || lastBreak < 0 || !partial || partial[0] !== open[0] || partial.length >= open.length) return source;
  return source.slice(0, lastBreak + 1);
}

/**
 * Makes the last block of a streaming message render as its finished form would: remend closes
 * `**bold`, `_em`, `` `code ``, `~~strike` and turns `[text](partial-url` into a pending link; a
 * marker run that has just begun, or a task-list box without its text, is held back; a trailing
 * `[text]` shows as a pending link; a table header shows as a table before its delimiter row is done.
 * Code and raw HTML blocks keep their text as it is (it is literal), except for the first
 * backticks of a closing fence.
 * Cost: O(size of the block), plus one parse of the block while a table header is streaming.
 */
export function repairStreamingBlock(block: Block): string {
  if (block.type === 'code') return holdBackClosingFence(block.source);
  if (block.type === 'html') return block.source;
  // Trailing whitespace changes nothing in the render, but remend would put its closing marker
  // after a trailing newline, where it no longer closes anything.
  const repaired = remend(block.source.trimEnd(), remendOptions);
  return block.type === 'paragraph' || block.type === 'heading' ? completeTableHeader(repaired) : repaired;
}
