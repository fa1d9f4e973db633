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

/** `fnv1a` as eight hex digits, for ids. */
export function fnv1aHex(text: string): string {
  return fnv1a(text).toString(16).padStart(8, '0');
}
