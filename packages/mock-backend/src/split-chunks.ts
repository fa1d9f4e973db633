import { fnv1a } from './fnv1a.ts';
import { seededRandom } from './seeded-random.ts';

/**
 * Cuts `text` into pieces of `min` to `max` characters, the sizes drawn from the text's own hash, so
 * JSON arrives a few characters at a time like an LLM writes it, and always in the same pieces.
 * Joining the pieces gives back the text exactly.
 */
export function splitChunks(text: string, min = 2, max = 6): string[] {
  const random = seededRandom(fnv1a(text));
  const chunks: string[] = [];
  for (let at = 0; at < text.length; ) {
    const size = min + Math.floor(random() * (max - min + 1));
    chunks.push(text.slice(at, at + size));
    at += size;
  }
  return chunks;
}
