import { describe, expect, it } from 'vitest';
import { hasPath, toArrayIndex, toJSONPath } from './json-path.ts';

describe('toJSONPath', () => {
  it('splits a dot string and reads the empty string as the root', () => {
    expect(toJSONPath('days.0.title')).toEqual(['days', '0', 'title']);
    expect(toJSONPath('')).toEqual([]);
    const path = ['a.b', 0];
    expect(toJSONPath(path)).toBe(path);
  });
});

describe('toArrayIndex', () => {
  it('reads digits without a leading zero, and non-negative integers', () => {
    expect(toArrayIndex('0')).toBe(0);
    expect(toArrayIndex('12')).toBe(12);
    expect(toArrayIndex(3)).toBe(3);
  });

  it('rejects what cannot name an index', () => {
    for (const segment of ['', '01', '-1', '1.5', '1e3', ' 1', 'x', '١']) expect(toArrayIndex(segment)).toBeUndefined();
    for (const segment of [-1, 1.5, Number.NaN]) expect(toArrayIndex(segment)).toBeUndefined();
  });
});

describe('hasPath', () => {
  const value = { days: [{ title: 'Rome' }], empty: null };

  it('follows own keys and indices', () => {
    expect(hasPath(value, ['days', 0, 'title'])).toBe(true);
    expect(hasPath(value, ['days', '0'])).toBe(true);
    expect(hasPath(value, ['empty'])).toBe(true);
    expect(hasPath(value, [])).toBe(true);
  });

  it('starts at the segment given', () => {
    expect(hasPath(value.days, ['days', 0, 'title'], 1)).toBe(true);
    expect(hasPath(value.days, ['days', 1], 1)).toBe(false);
  });

  it('does not see inherited members, missing indices or members of scalars', () => {
    expect(hasPath(value, ['toString'])).toBe(false);
    expect(hasPath(value, ['days', 'length'])).toBe(false);
    expect(hasPath(value, ['days', 1])).toBe(false);
    expect(hasPath(value, ['days', 0, 'title', 'length'])).toBe(false);
    expect(hasPath(value, ['empty', 'x'])).toBe(false);
  });
});
