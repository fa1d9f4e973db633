import { describe, expect, it } from 'vitest';
import { utf8Bytes } from './utf8-bytes.ts';

describe('utf8Bytes', () => {
  it('encodes ASCII, multi-byte characters and surrogate pairs as TextEncoder does', () => {
    for (const text of ['', 'data: {"a":1}\n\n', 'é ü 😀 中文', '\ud800 lone']) {
      expect(utf8Bytes(text)).toEqual(new TextEncoder().encode(text));
    }
  });

  it('gives every chunk a buffer of its own, so that a consumer may transfer it', () => {
    const first = utf8Bytes('first frame');
    const second = utf8Bytes('second frame');
    structuredClone(first.buffer, { transfer: [first.buffer] });
    expect(new TextDecoder().decode(second)).toBe('second frame');
  });
});
