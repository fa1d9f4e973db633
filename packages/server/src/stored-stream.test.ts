import { describe, expect, it } from 'vitest';
import { utf8Length } from './stored-stream.ts';

describe('utf8Length', () => {
  it('counts the bytes TextEncoder writes for ASCII, multi-byte characters, surrogate pairs and lone surrogates', () => {
    for (const text of ['', 'data: {"a":1}\n\n', 'é ü 😀 中文', '\ud800 lone', 'lone \udc00', 'end \ud83d']) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});
