import { describe, expect, it } from 'vitest';
import { humanize, itemLabel, lowerFirst, singular } from './field-spec.ts';
import { describeActivePath } from './describe-active-path.ts';
import { itineraryFields } from './form-fixtures.ts';

describe('field labels', () => {
  it('turns names into words', () => {
    expect(humanize('startDate')).toBe('Start date');
    expect(humanize('line_items')).toBe('Line items');
    expect(humanize('zip-code')).toBe('Zip code');
  });

  it('makes list labels singular for row legends', () => {
    expect(['Days', 'Activities', 'Addresses', 'Line items', 'Equipment', 'Boxes'].map(singular)).toEqual([
      'Day',
      'Activity',
      'Address',
      'Line item',
      'Equipment',
      'Box',
    ]);
  });

  it('numbers rows from 1, unless itemLabel says otherwise', () => {
    expect(itemLabel({ name: 'days', array: { of: 'text' } }, 1)).toBe('Day 2');
    expect(itemLabel({ name: 'days', array: { of: 'text', itemLabel: (i) => `Stop ${String.fromCharCode(65 + i)}` } }, 1)).toBe('Stop B');
  });

  it('lowercases a word but not an acronym', () => {
    expect(lowerFirst('Day')).toBe('day');
    expect(lowerFirst('URL')).toBe('URL');
  });
});

describe('describeActivePath', () => {
  it('names a field inside a row of a nested list', () => {
    expect(describeActivePath(itineraryFields, ['days', 1, 'activities', 0, 'name'])).toEqual(['Day 2', 'Activity 1', 'Activity']);
    expect(describeActivePath(itineraryFields, ['days', 1, 'title'])).toEqual(['Day 2', 'Title']);
  });

  it('names nothing for a row, a list or a key outside the fields', () => {
    expect(describeActivePath(itineraryFields, ['days', 1])).toBeUndefined();
    expect(describeActivePath(itineraryFields, ['days'])).toBeUndefined();
    expect(describeActivePath(itineraryFields, ['budget'])).toBeUndefined();
    expect(describeActivePath(itineraryFields, [])).toBeUndefined();
  });
});
