import { expect, it } from 'vitest';
import { deltasShown, replyDelta } from './reply.ts';

it('counts the deltas shown from the last whole numbered word', () => {
  const text = Array.from({ length: 12 }, (_, index) => replyDelta(index)).join('');

  expect(deltasShown('')).toBe(0);
  expect(deltasShown(text)).toBe(12);
  expect(deltasShown(text.trimEnd())).toBe(12);
  expect(deltasShown(`Assistant: ${text}`)).toBe(12);
  expect(deltasShown(Array.from({ length: 40 }, (_, index) => replyDelta(index)).join(''))).toBe(40);
});
