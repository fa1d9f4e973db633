import type { StreamMetrics } from './types.ts';

export const emptyMetrics: StreamMetrics = {
  ttftMs: undefined,
  itlP50Ms: undefined,
  itlP95Ms: undefined,
  tokensPerSecond: undefined,
  tokens: 0,
  bytes: 0,
  reconnects: 0,
};

/**
 * Measures one reply on the client. Recording a delta is O(1); percentiles are computed only when a
 * snapshot is taken, which the store does once per notification, not once per token. The gaps seen
 * so far stay sorted: a snapshot sorts only the gaps since the last one and merges them in, so a long
 * reply does not re-sort thousands of gaps every frame.
 */
export function createMetricsRecorder(now: () => number = () => performance.now()) {
  const startedAt = now();
  const gaps: number[] = [];
  let sorted: number[] = [];
  let firstDeltaAt: number | undefined;
  let lastDeltaAt: number | undefined;
  let tokens = 0;
  let bytes = 0;
  let reconnects = 0;

  return {
    delta(): void {
      const at = now();
      if (lastDeltaAt !== undefined) gaps.push(at - lastDeltaAt);
      firstDeltaAt ??= at;
      lastDeltaAt = at;
      tokens++;
    },
    bytes(count: number): void {
      bytes += count;
    },
    reconnect(): void {
      reconnects++;
    },
    snapshot(): StreamMetrics {
      if (sorted.length < gaps.length) sorted = mergeSorted(sorted, gaps.slice(sorted.length).sort((a, b) => a - b));
      const elapsedS = firstDeltaAt !== undefined && lastDeltaAt !== undefined ? (lastDeltaAt - firstDeltaAt) / 1000 : 0;
      return {
        ttftMs: firstDeltaAt === undefined ? undefined : round(firstDeltaAt - startedAt),
        itlP50Ms: percentile(sorted, 0.5),
        itlP95Ms: percentile(sorted, 0.95),
        tokensPerSecond: elapsedS > 0 ? round(tokens / elapsedS) : undefined,
        tokens,
        bytes,
        reconnects,
      };
    },
  };
}

export type MetricsRecorder = ReturnType<typeof createMetricsRecorder>;

function mergeSorted(a: number[], b: number[]): number[] {
  const merged: number[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < merged.length; k++) merged[k] = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
  return merged;
}

function percentile(sorted: number[], fraction: number): number | undefined {
  if (sorted.length === 0) return undefined;
  return round(sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
