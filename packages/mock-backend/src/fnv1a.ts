const encoder = new TextEncoder();

/**
 * 32-bit FNV-1a over the UTF-8 bytes: tiny, stable across platforms and runs, and spreads similar
 * prompts apart, which is all a scripted model needs (it is not for security).
 * http://www.isthe.com/chongo/tech/comp/fnv/
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
