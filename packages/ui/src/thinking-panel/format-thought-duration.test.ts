import { describe, expect, it } from 'vitest';
import { formatThoughtDuration } from './format-thought-duration.ts';

describe('formatThoughtDuration', () => {
  it('says "a few seconds" below one second', () => {
    expect(formatThoughtDuration(0)).toBe('Thought for a few seconds');
    expect(formatThoughtDuration(999)).toBe('Thought for a few seconds');
  });

  it('rounds to whole seconds below a minute', () => {
    expect(formatThoughtDuration(1000)).toBe('Thought for 1 s');
    expect(formatThoughtDuration(4400)).toBe('Thought for 4 s');
    expect(formatThoughtDuration(4600)).toBe('Thought for 5 s');
  });

  it('uses minutes and seconds from a minute on', () => {
    expect(formatThoughtDuration(59_600)).toBe('Thought for 1 min');
    expect(formatThoughtDuration(65_000)).toBe('Thought for 1 min 5 s');
  });

  it('treats a negative or NaN duration (clock skew, bad timestamps) as "a few seconds"', () => {
    expect(formatThoughtDuration(-5)).toBe('Thought for a few seconds');
    expect(formatThoughtDuration(Number.NaN)).toBe('Thought for a few seconds');
  });
});
