import { describe, expect, it } from 'vitest';
import { calculate } from './demo-tools.tsx';

describe('the demo calculator', () => {
  it('evaluates arithmetic with precedence and parentheses', () => {
    expect(calculate('12 * 7 + 5')).toBe(89);
    expect(calculate('(1 + 2) * -3 / 2')).toBe(-4.5);
  });

  it('refuses anything that is not arithmetic', () => {
    expect(() => calculate('alert(1)')).toThrow(/Only arithmetic/);
    expect(() => calculate('1 +')).toThrow(/Only arithmetic/);
    expect(() => calculate('1 / 0')).toThrow(/Only arithmetic/);
  });
});
