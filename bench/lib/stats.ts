import type { Stat } from './bench-module.ts';

export function summarize(samples: readonly number[]): Stat {
  if (samples.length === 0) throw new Error('summarize: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** The value below which `p` percent of `sorted` (ascending) lies, by the nearest-rank method. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/**
 * The exponent k in time ∝ size^k between two measurements: 1 is linear, 2 quadratic. Small inputs
 * carry fixed costs, so fit it between the larger sizes.
 */
export function growthExponent(smallSize: number, smallTime: number, largeSize: number, largeTime: number): number {
  return Math.log(largeTime / smallTime) / Math.log(largeSize / smallSize);
}

export function medianOf(value: Stat | number): number {
  return typeof value === 'number' ? value : value.median;
}
