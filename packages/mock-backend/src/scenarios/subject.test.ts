import { describe, expect, it } from 'vitest';
import { subjectOf } from './subject.ts';

describe('subjectOf', () => {
  it.each([
    ['Research the history of SSE (multi-step)', 'history of SSE'],
    ['Search the web for streaming APIs', 'streaming APIs'],
    ['Cite sources about HTTP streaming', 'HTTP streaming'],
    ['Think step by step: why does streaming feel faster?', 'streaming feel faster'],
    ['Use the slow tool', 'this topic'],
  ])('%s → %s', (prompt, subject) => {
    expect(subjectOf(prompt)).toBe(subject);
  });
});
