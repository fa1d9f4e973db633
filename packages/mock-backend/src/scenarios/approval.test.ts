import { describe, expect, it } from 'vitest';
import { pathIn } from './approval.ts';

describe('pathIn', () => {
  it.each([
    ['delete /tmp/report.txt', '/tmp/report.txt'],
    ['Please delete ~/notes/old.md now', '~/notes/old.md'],
    ['delete draft.docx?', 'draft.docx'],
    ['delete ./build', './build'],
    ['delete the old stuff', '/tmp/old-report.txt'],
  ])('%s → %s', (prompt, path) => {
    expect(pathIn(prompt)).toBe(path);
  });
});
