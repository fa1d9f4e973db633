import { describe, expect, it } from 'vitest';
import { mockReplyText } from './reply-text.ts';

function sentences(text: string): string[] {
  return text.split(/(?<=[.?!])\s+/);
}

describe('mockReplyText', () => {
  it('gives the same reply to the same prompt', () => {
    expect(mockReplyText('Tell me about black holes')).toBe(mockReplyText('Tell me about black holes'));
  });

  it('gives different replies to different prompts', () => {
    const replies = new Set(['volcanoes', 'tides', 'jazz', 'compilers', 'bread', 'chess'].map(mockReplyText));
    expect(replies.size).toBe(6);
  });

  it('answers in 3 to 6 sentences, each starting with a capital letter and ending with a period', () => {
    const counts = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const parts = sentences(mockReplyText(`question number ${i}`));
      counts.add(parts.length);
      for (const sentence of parts) expect(sentence).toMatch(/^[A-Z].*\.$/);
    }
    expect([...counts].sort()).toEqual([3, 4, 5, 6]);
  });

  it('talks about the topic of the prompt, without its question words', () => {
    const reply = mockReplyText('Tell me about the history of Rome?');
    expect(reply).toContain('history of Rome');
    expect(reply).not.toMatch(/tell me/i);
  });

  it('drops the verb that ends a how-question', () => {
    expect(mockReplyText('How does SSE streaming work?')).toContain('SSE streaming');
    expect(mockReplyText('How does SSE streaming work?')).not.toContain('streaming work');
  });

  it('falls back to "this topic" when the prompt has no subject', () => {
    expect(mockReplyText('')).toContain('this topic');
    expect(mockReplyText('What is it?')).toContain('this topic');
  });
});
