import { describe, expect, it } from 'vitest';
import { placesIn } from './places.ts';

describe('placesIn', () => {
  it('finds the place after "in", keeping a multi-word capitalized name', () => {
    expect(placesIn('What is the weather like in New York today?')).toEqual(['New York']);
  });

  it('finds two places joined by "and", capitalizing a lower-case one', () => {
    expect(placesIn('compare the weather in oslo and Paris')).toEqual(['Oslo', 'Paris']);
  });

  it('skips words that are not places ("for today", "in the")', () => {
    expect(placesIn('weather for today in the morning')).toEqual([]);
  });

  it('lists a place once', () => {
    expect(placesIn('a trip to Rome and Rome')).toEqual(['Rome']);
  });
});
