import { describe, expect, it } from 'vitest';
import { formatValue } from './format-value.ts';

describe('formatValue', () => {
  it('shows a string as it is, without quotes', () => {
    expect(formatValue('Sunny, 21 °C')).toBe('Sunny, 21 °C');
  });

  it('indents objects and arrays as JSON', () => {
    expect(formatValue({ city: 'Paris', days: [1, 2] })).toBe('{\n  "city": "Paris",\n  "days": [\n    1,\n    2\n  ]\n}');
  });

  it('shows numbers, booleans and null as JSON literals', () => {
    expect(formatValue(42)).toBe('42');
    expect(formatValue(false)).toBe('false');
    expect(formatValue(null)).toBe('null');
  });

  it('shows undefined as an empty string', () => {
    expect(formatValue(undefined)).toBe('');
  });

  it('shows a BigInt as its digits', () => {
    expect(formatValue({ id: 12345678901234567890n })).toBe('{\n  "id": "12345678901234567890"\n}');
  });

  it('does not throw on a cyclic value', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(formatValue(cyclic)).toBe('[value that cannot be shown]');
  });
});
