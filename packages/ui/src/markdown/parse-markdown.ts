import type { Root } from 'mdast';
import remarkGfm, { type Options as RemarkGfmOptions } from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * GFM as the renderer and the block lexer both use it. A single `~` does not strike through: models
 * write `20~25` and `~3 s` for ranges and approximations far more often than they mean `~text~`.
 */
export const gfmOptions: RemarkGfmOptions = { singleTilde: false };

// The same remark parser (micromark + GFM) that react-markdown runs, so block boundaries found here
// are the ones the renderer would find.
const parser = unified().use(remarkParse).use(remarkGfm, gfmOptions).freeze();

/** Parses markdown into an mdast tree with source positions (CommonMark + GFM). */
export function parseMarkdown(text: string): Root {
  return parser.parse(text);
}
