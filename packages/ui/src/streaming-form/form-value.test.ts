import { describe, expect, it } from 'vitest';
import { getAt, hasAt, removeAt, setAt, valueToText } from './form-value.ts';

describe('form values', () => {
  it('sets a value by copying only the containers along the path', () => {
    const before = { title: 'Lisbon', days: [{ title: 'Alfama' }, { title: 'Belém' }] };
    const after = setAt(before, ['days', 1, 'title'], 'Sintra') as typeof before;
    expect(after.days[1]).toEqual({ title: 'Sintra' });
    expect(before.days[1]).toEqual({ title: 'Belém' });
    expect(after.days[0]).toBe(before.days[0]);
  });

  it('creates missing containers: an array for an index, an object for a key', () => {
    expect(setAt(undefined, ['days', 0, 'title'], 'Alfama')).toEqual({ days: [{ title: 'Alfama' }] });
  });

  it('removes an array item by its path', () => {
    expect(removeAt({ tags: ['a', 'b', 'c'] }, ['tags', 1])).toEqual({ tags: ['a', 'c'] });
  });

  it('reads own members only, so a "__proto__" or "constructor" path finds nothing', () => {
    expect(hasAt({}, ['constructor'])).toBe(false);
    expect(getAt({}, ['__proto__'])).toBeUndefined();
    expect(hasAt({ days: [] }, ['days', 0])).toBe(false);
    expect(hasAt({ note: null }, ['note'])).toBe(true);
  });

  it('shows any streamed value as text', () => {
    expect([valueToText('a'), valueToText(2), valueToText(true), valueToText(null), valueToText({ a: 1 })]).toEqual(['a', '2', 'Yes', '', '{"a":1}']);
  });
});
