import type { StreamMetrics } from '@streamkit/core';
import { describe, expect, it } from 'vitest';
import { emptyMetrics } from '../fixtures/stream-metrics.ts';
import { formatStreamMetrics, type StreamMetricKey } from './format-stream-metrics.ts';


function format(overrides: Partial<StreamMetrics>, locale = 'en-US'): Partial<Record<StreamMetricKey, string>> {
  return Object.fromEntries(formatStreamMetrics({ ...emptyMetrics, ...overrides }, locale).map((item) => [item.key, item.value]));
}

describe('formatStreamMetrics', () => {
  it('formats every measured value with its unit', () => {
    expect(
      format({ ttftMs: 312.4, itlP50Ms: 18.2, itlP95Ms: 41, tokensPerSecond: 52.3, tokens: 1234, bytes: 12_345, reconnects: 2 }),
    ).toEqual({
      ttft: '312 ms',
      itl: '18 / 41 ms',
      speed: '52 tok/s',
      tokens: '1,234',
      reconnects: '2',
      bytes: '12.3 kB',
    });
  });

  it('shows dashes for values not measured yet and leaves out zero counts', () => {
    expect(formatStreamMetrics(emptyMetrics, 'en-US')).toEqual([
      { key: 'ttft', value: '—' },
      { key: 'itl', value: '—' },
      { key: 'speed', value: '—' },
    ]);
  });

  it('shows a dash for the one ITL percentile not measured yet', () => {
    expect(format({ itlP50Ms: 18 }).itl).toBe('18 / — ms');
  });

  it('shows a dash for a value that is not a finite number', () => {
    expect(format({ tokensPerSecond: Infinity, ttftMs: Number.NaN })).toMatchObject({ speed: '—', ttft: '—' });
  });

  it('keeps one decimal below 10 so fast streams do not read as zero', () => {
    expect(format({ itlP50Ms: 0.42, itlP95Ms: 1.06, tokensPerSecond: 7.25 })).toMatchObject({ itl: '0.4 / 1.1 ms', speed: '7.3 tok/s' });
  });

  it.each([
    [999, '999 B'],
    [1000, '1 kB'],
    [1536, '1.5 kB'],
    [999_960, '1 MB'],
    [2_500_000, '2.5 MB'],
    [3_000_000_000, '3 GB'],
  ])('formats %i bytes as %s', (bytes, text) => {
    expect(format({ bytes }).bytes).toBe(text);
  });

  it('follows the locale given', () => {
    expect(format({ ttftMs: 1234, bytes: 1536 }, 'de-DE')).toMatchObject({ ttft: '1.234 ms', bytes: '1,5 kB' });
  });
});
