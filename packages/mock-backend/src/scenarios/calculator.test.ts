import { describe, expect, it } from 'vitest';
import { expressionIn } from './calculator.ts';

describe('expressionIn', () => {
  it('finds the expression in a question', () => {
    expect(expressionIn('what is 12 * 7?')).toBe('12 * 7');
  });

  it('writes ×, ÷ and x as * and /, with spaces around each operator', () => {
    expect(expressionIn('3×4')).toBe('3 * 4');
    expect(expressionIn('10 ÷ 4')).toBe('10 / 4');
    expect(expressionIn('6 x 7')).toBe('6 * 7');
  });

  it('keeps a longer expression with decimals whole', () => {
    expect(expressionIn('calculate 1.5 + 2 - 0.25 please')).toBe('1.5 + 2 - 0.25');
  });

  it('needs spaces around a minus or a slash', () => {
    expect(expressionIn('2-3 days')).toBeUndefined();
    expect(expressionIn('on 2024/05/01')).toBeUndefined();
    expect(expressionIn('7 - 2')).toBe('7 - 2');
  });
});
