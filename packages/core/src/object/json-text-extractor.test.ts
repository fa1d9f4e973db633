import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createJSONTextExtractor } from './json-text-extractor.ts';

const extract = (chunks: string[]) => {
  const extractor = createJSONTextExtractor();
  return chunks.map((chunk) => extractor.push(chunk)).join('');
};

describe('createJSONTextExtractor', () => {
  it('passes bare JSON through', () => {
    expect(extract(['{"a":', '1}'])).toBe('{"a":1}');
  });

  it('skips prose before bare JSON', () => {
    expect(extract(['Here you go: ', '{"a":1}'])).toBe('{"a":1}');
  });

  it('takes what is inside a ```json fence and nothing after it', () => {
    expect(extract(['Sure!\n```json\n{"a":', '1}\n```\nAnything else?'])).toBe('{"a":1}\n');
  });

  it('handles a fence marker split across chunks', () => {
    expect(extract(['`', '`', '`js', 'on\n[1,', '2]`', '`', '`'])).toBe('[1,2]');
  });

  it('gives the same JSON for any chunking', () => {
    const text = 'Result:\n```json\n{"name": "Ada", "tags": ["x", "y"]}\n```\nDone.';
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 12 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks = [0, ...points].map((start, index) => text.slice(start, points[index] ?? text.length));
        expect(extract(chunks)).toBe('{"name": "Ada", "tags": ["x", "y"]}\n');
      }),
    );
  });
});
