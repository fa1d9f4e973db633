/** Median, min and max of repeated measurements of one thing. */
export interface Stat {
  median: number;
  min: number;
  max: number;
  /** How many measurements the numbers summarize. */
  runs: number;
}

/** How a row's numbers are written: times adapt µs/ms/s, sizes use size-limit's kB (1000 B). */
export type Unit = 'ms' | 'bytes' | 'count' | 'factor';

/** A ratio or value held against a target from the issue. */
export interface Check {
  /** What was measured, e.g. `1.31× eventsource-parser's throughput`. */
  measured: string;
  /** The target, e.g. `≥ 1.2×`. */
  target: string;
  met: boolean;
}

/** One line of a results table: one subject measured on one case. */
export interface BenchRow {
  /** The input or scenario, e.g. `random 1–300-char chunks`. */
  case: string;
  /** What ran, e.g. `createSSEParser` or `eventsource-parser`. */
  subject: string;
  /** A repeated measurement, a single number, or undefined when skipped (say why in `note`). */
  value?: Stat | number;
  unit: Unit;
  /** Derived figure shown beside the value, e.g. `212 MB/s`. */
  extra?: string;
  checks?: Check[];
  note?: string;
}

export interface BenchOptions {
  /** Run at a trivial size, only to prove the benchmark still works (the smoke tests). */
  smoke: boolean;
  /** Progress lines for the console. */
  log(line: string): void;
}

/**
 * A benchmark that `bench/run.ts` can run and render into `bench/results/latest.md`. Browser
 * benchmarks implement the same shape.
 */
export interface BenchModule {
  /** Short name for the command-line filter (`npm run bench -- sse` runs every id containing "sse"). */
  id: string;
  /** Section title in the results, e.g. `1. SSE parser, strings`. */
  title: string;
  /** One or two sentences on what is measured and how, printed above the table. */
  description: string;
  run(options: BenchOptions): Promise<BenchRow[]>;
}
