import { describe, expect, it } from 'vitest';
import { mockReplyText } from './reply-text.ts';
import { tokenize } from './tokenize.ts';

describe('tokenize', () => {
  it('keeps each short word with its trailing whitespace', () => {
    expect(tokenize('Hi there, you.')).toEqual(['Hi ', 'there, ', 'you.']);
  });

  it('cuts long words into pieces of four characters, the last keeping the whitespace', () => {
    expect(tokenize('understanding it')).toEqual(['unde', 'rsta', 'ndin', 'g ', 'it']);
  });

  it('joins back to the exact text, leading whitespace included', () => {
    const text = `  ${mockReplyText('Explain transformers')}\n`;
    expect(tokenize(text).join('')).toBe(text);
  });

  it('averages about four characters per token on a reply', () => {
    const text = mockReplyText('Tell me about photosynthesis');
    const average = text.length / tokenize(text).length;
    expect(average).toBeGreaterThan(3);
    expect(average).toBeLessThan(6);
  });

  it('returns no tokens for empty text', () => {
    expect(tokenize('')).toEqual([]);
  });
});
