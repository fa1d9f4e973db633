import { describe, expect, it } from 'vitest';
import type { BenchRow } from './bench-module.ts';
import type { Environment } from './environment.ts';
import { mergeResults, renderMarkdown, type ModuleResult } from './results.ts';
import { percentile, summarize } from './stats.ts';

const environment: Environment = {
  node: 'v20.0.0',
  os: 'Linux',
  cpu: 'Test CPU',
  cores: 2,
  memoryGB: 8,
  load: [1, 2],
  commit: 'abc1234',
  clock: 'test clock',
  versions: { 'eventsource-parser': '4.1.3' },
};

function result(id: string, rows: BenchRow[], ranAt = '2026-01-01T00:00:00.000Z'): ModuleResult {
  return { id, title: `Bench ${id}`, description: `About ${id}.`, ranAt, durationMs: 1234, environment, rows };
}

describe('results', () => {
  it('a filtered run replaces its own sections and keeps the others, in benchmark order', () => {
    const previous = { updatedAt: '', modules: [result('b', []), result('browser', []), result('a', [])] };
    const fresh = result('a', [], '2026-02-01T00:00:00.000Z');

    const merged = mergeResults(previous, [fresh], ['a', 'b']);

    expect(merged.modules.map((module) => module.id)).toEqual(['a', 'b', 'browser']);
    expect(merged.modules[0]).toBe(fresh);
  });

  it('the markdown lists each target with its measured ratio and whether it was met', () => {
    const row: BenchRow = {
      case: 'random chunks',
      subject: 'ours',
      value: { median: 12.5, min: 11, max: 20, runs: 9 },
      unit: 'ms',
      checks: [{ measured: '1.31× theirs', target: '≥ 1.2×', met: true }],
    };
    const markdown = renderMarkdown({ updatedAt: '', modules: [result('a', [row, { case: 'big', subject: 'slow', unit: 'ms', note: 'skipped: too slow' }])] });

    expect(markdown).toContain('| Bench a | random chunks | ours | 1.31× theirs | ≥ 1.2× | ✅ met |');
    expect(markdown).toContain('| random chunks | ours | 12.5 ms | 11.0 ms – 20.0 ms | 9 |');
    expect(markdown).toContain('| big | slow | — |');
    expect(markdown).toContain('skipped: too slow');
  });
});

describe('stats', () => {
  it('summarizes samples as median, min and max', () => {
    expect(summarize([5, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 5, runs: 4 });
  });

  it('takes percentiles by nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 50)).toBe(50);
  });
});
