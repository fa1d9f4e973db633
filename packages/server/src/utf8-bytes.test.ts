import { describe, expect, it } from 'vitest';
import { utf8Bytes } from './utf8-bytes.ts';

describe('utf8Bytes', () => {
  it('gives every chunk a buffer of its own, so that a consumer may transfer it', () => {
    const first = utf8Bytes('first frame');
    const second = utf8Bytes('second frame');
    structuredClone(first.buffer, { transfer: [first.buffer] });
    expect(new TextDecoder().decode(second)).toBe('second frame');
  });
});
