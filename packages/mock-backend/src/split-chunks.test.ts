import { describe, expect, it } from 'vitest';
import { splitChunks } from './split-chunks.ts';

describe('splitChunks', () => {
  const text = JSON.stringify({ destination: 'Lisbon', days: [1, 2, 3], note: 'a few characters at a time' }, null, 2);

  it('joins back to the exact text', () => {
    expect(splitChunks(text).join('')).toBe(text);
  });

  it('cuts pieces of two to six characters, the last possibly shorter', () => {
    const pieces = splitChunks(text);
    for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeGreaterThanOrEqual(2);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(6);
  });

  it('cuts the same text the same way every time', () => {
    expect(splitChunks(text)).toEqual(splitChunks(text));
  });
});
