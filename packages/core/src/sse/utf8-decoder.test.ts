import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createUTF8Decoder } from './utf8-decoder.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** What one streaming TextDecoder gives for the same chunks: the behaviour to match. */
function reference(chunks: Uint8Array[]): string {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  return chunks.map((chunk) => decoder.decode(chunk, { stream: true })).join('') + decoder.decode();
}

function decodeAll(chunks: Uint8Array[]): string {
  const decoder = createUTF8Decoder();
  return chunks.map((chunk) => decoder.decode(chunk)).join('') + decoder.flush();
}

describe('createUTF8Decoder', () => {
  it('joins a 4-byte character cut after each byte', () => {
    const emoji = utf8('😀');
    const decoder = createUTF8Decoder();
    expect([...emoji].map((byte) => decoder.decode(Uint8Array.of(byte)))).toEqual(['', '', '', '😀']);
  });

  it('keeps a BOM', () => {
    expect(decodeAll([utf8('\uFEFFx')])).toBe('\uFEFFx');
  });

  it('reports a character cut by the end of the stream as U+FFFD on flush', () => {
    const decoder = createUTF8Decoder();
    expect(decoder.decode(utf8('a😀').subarray(0, 3))).toBe('a');
    expect(decoder.flush()).toBe('\uFFFD');
    expect(decoder.decode(utf8('b'))).toBe('b');
  });

  it('reports an unfinished sequence cut just before a lead byte as one U+FFFD, in order', () => {
    const chunks = [utf8('é'), Uint8Array.of(0x61, 0xe2, 0x82, 0xf0), Uint8Array.of(0x9f, 0x98, 0x80), utf8('abc')];
    expect(decodeAll(chunks)).toBe(reference(chunks));
    expect(decodeAll(chunks)).toBe('éa\uFFFD😀abc');
  });

  it('keeps the output in order when it switches between the one-shot and the streaming engine', () => {
    const chunks = [
      utf8('ab'), // one-shot
      utf8('é'), // one-shot, first chunk with other characters
      Uint8Array.of(0xc2, 0x80, 0x00, 0xe0, 0xc2), // one-shot, second: the next chunks go streaming
      Uint8Array.of(0xf0),
      Uint8Array.of(0x90, 0x80, 0x80, 0x00),
      utf8('xyz'), // streaming, pure ASCII: back to one-shot
      utf8('é').subarray(0, 1), // one-shot, carried
      utf8('é').subarray(1),
    ];
    expect(decodeAll(chunks)).toBe(reference(chunks));
    expect(decodeAll(chunks)).toBe('abé\u0080\u0000\uFFFD\uFFFD\u{10000}\u0000xyzé');
  });

  it('matches a streaming TextDecoder on arbitrary bytes and any chunking', () => {
    const byte = fc.oneof(
      fc.integer({ min: 0, max: 255 }),
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.constantFrom(0x80, 0xbf, 0xc0, 0xc3, 0xe0, 0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff),
    );
    const text = fc.string({ unit: 'binary', maxLength: 10 }).map((s) => [...utf8(s)]);
    const input = fc.array(fc.oneof(byte.map((b) => [b]), text), { maxLength: 40 }).map((parts) => Uint8Array.from(parts.flat()));
    fc.assert(
      fc.property(input, fc.array(fc.nat(), { maxLength: 10 }), (data, offsets) => {
        const cuts = offsets.map((offset) => offset % (data.length + 1)).sort((a, b) => a - b);
        const chunks = [...cuts, data.length].map((cut, i) => data.slice(i === 0 ? 0 : cuts[i - 1], cut));
        expect(decodeAll(chunks)).toBe(reference(chunks));
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});
