/**
 * The streamed reply of the browser benchmarks, shared by the page (which counts what it shows) and
 * the server (which sends it). Each delta is one fixed-width numbered word, so the page can tell
 * from the text on screen how many deltas are painted without knowing how they were batched; every
 * 40th ends a paragraph, as a real reply of 2,000 tokens would have some 50 paragraphs.
 */
export const REPLY_DELTAS = 2_000;

const wordsPerParagraph = 40;

/** Delta `index` (0-based): `w0001 `, `w0002 `, … and `w0040\n\n` at the end of a paragraph. */
export function replyDelta(index: number): string {
  const end = (index + 1) % wordsPerParagraph === 0 ? '\n\n' : ' ';
  return `w${String(index + 1).padStart(4, '0')}${end}`;
}

/** How many deltas `text` shows: the number of the last whole word in it (0 when none). */
export function deltasShown(text: string): number {
  const last = /w(\d{4})\s*$/.exec(text.slice(-16));
  return last ? Number(last[1]) : 0;
}

/** How the server delivers the reply. */
export type Delivery = 'burst' | 'paced';

/** Deltas per second in the paced stream. */
export const PACED_DELTAS_PER_SECOND = 1_000;

/** The prompt the benchmark sends; the reply does not depend on it. */
export const BENCH_PROMPT = 'Stream the benchmark reply.';
