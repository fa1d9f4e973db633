import type { BenchModule } from './lib/bench-module.ts';
import { describeEnvironment, loadAverage } from './lib/environment.ts';
import type { ModuleResult } from './lib/results.ts';
import { bundleSizeBench } from './bundle-size.bench.ts';
import { latencyBench } from './latency.bench.ts';
import { longMessageBench } from './long-message.bench.ts';
import { partialJSONBench } from './partial-json.bench.ts';
import { renderingBench } from './rendering.bench.ts';
import { serverLoadBench } from './server-load.bench.ts';
import { sseStreamBench } from './sse-stream.bench.ts';
import { sseStringsBench } from './sse-strings.bench.ts';

/** Every benchmark, in the order of the results file (the numbering). */
export const benchmarks: readonly BenchModule[] = [
  sseStringsBench,
  sseStreamBench,
  partialJSONBench,
  renderingBench,
  longMessageBench,
  latencyBench,
  bundleSizeBench,
  serverLoadBench,
];

/** Runs one benchmark; a benchmark that throws gives a result with `error` set instead of rows. */
export async function runBenchmark(bench: BenchModule, options: { smoke: boolean; log(line: string): void }): Promise<ModuleResult> {
  const loadAtStart = loadAverage();
  const start = performance.now();
  const result: Omit<ModuleResult, 'ranAt' | 'durationMs' | 'environment'> = {
    id: bench.id,
    title: bench.title,
    description: bench.description,
    rows: [],
  };
  try {
    result.rows = await bench.run(options);
  } catch (error) {
    result.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  return { ...result, ranAt: new Date().toISOString(), durationMs: performance.now() - start, environment: describeEnvironment(loadAtStart) };
}
