import type { BenchOptions, Stat } from './bench-module.ts';
import { collectGarbage } from './collect-garbage.ts';
import { cpuNow } from './cpu-clock.ts';
import { summarize } from './stats.ts';

/** One side of a comparison: a complete run over the case's input (create, feed everything, end). */
export interface Contender {
  name: string;
  run(): unknown;
}

export interface AlternateOptions {
  /** Timed runs per contender at least (fewer only in smoke mode). Default: 5. */
  minRuns?: number;
  /** Timed runs per contender at most. Default: 21. */
  maxRuns?: number;
  /** Milliseconds of timed runs to aim for per contender; sets the run count between min and max. Default: 3000. */
  budgetMs?: number;
  /**
   * A contender whose warm-up run takes longer than this is slow enough that the warm-up also counts
   * as a sample and it gets only `minSlowRuns` runs. Default: 2000.
   */
  slowMs?: number;
  /** Runs for slow contenders (see `slowMs`). Default: 3. */
  minSlowRuns?: number;
  /**
   * A contender faster than this repeats its work within each timed run until it lasts about this
   * long, and the time per repetition is reported, so that the CPU clock's steps (see cpu-clock.ts)
   * stay within a few percent of a run. Default: 200.
   */
  minRunMs?: number;
}

/** Both clocks of one run, in milliseconds. */
interface Timing {
  /** CPU time of the run (see cpu-clock.ts): what it cost the main thread. */
  cpu: number;
  /** Elapsed time, which on a busy machine also counts the time other processes held the cores. */
  wall: number;
}

async function timeOnce(contender: Contender, repetitions: number, collect: boolean): Promise<Timing> {
  if (collect) collectGarbage();
  const cpuStart = cpuNow();
  const start = performance.now();
  for (let i = 0; i < repetitions; i++) await contender.run();
  const wall = performance.now() - start;
  return { cpu: (cpuNow() - cpuStart) / repetitions, wall: wall / repetitions };
}

/** Each contender's CPU and wall-clock times, in milliseconds. */
export interface Timings {
  cpu: Stat;
  wall: Stat;
}

/**
 * Times every contender over the same case, alternating them run by run (A B C, then C B A, …) so
 * that a noisy machine slows all of them alike, after one untimed warm-up run each. Returns each
 * contender's median/min/max CPU and wall-clock times. Compare the CPU times: on a machine shared
 * with other jobs, wall-clock medians here were up to 3× the CPU medians and more spread.
 */
export async function alternate(
  contenders: readonly Contender[],
  bench: BenchOptions,
  options: AlternateOptions = {},
): Promise<Map<string, Timings>> {
  const { minRuns = 5, maxRuns = 21, budgetMs = 3000, slowMs = 2000, minSlowRuns = 3, minRunMs = 200 } = options;
  const samples = new Map<string, Timing[]>(contenders.map((contender) => [contender.name, []]));
  const planned = new Map<string, number>();
  const repetitions = new Map<string, number>();
  // Below ~10 ms the CPU clock may not have moved at all; plan from the elapsed time then.
  const repeatFor = (timing: Timing): number =>
    Math.min(10_000, Math.ceil(minRunMs / Math.max(timing.cpu >= 10 ? timing.cpu : timing.wall, 0.001)));
  // A smoke run only proves that the code still works: one run each, no warm-up, no GC.
  const collect = !bench.smoke;
  for (const contender of contenders) {
    if (bench.smoke) {
      repetitions.set(contender.name, 1);
      planned.set(contender.name, 1);
      continue;
    }
    let warmup = await timeOnce(contender, 1, collect);
    let repeat = 1;
    // A short first run is mostly compilation: warm up again at the planned repetition, then re-plan.
    if (warmup.cpu < minRunMs) {
      warmup = await timeOnce(contender, repeatFor(warmup), collect);
      repeat = repeatFor(warmup);
    }
    repetitions.set(contender.name, repeat);
    let runs: number;
    if (warmup.cpu > slowMs) {
      // Already warm from the smaller cases, and too slow to repeat often: keep the warm-up as a sample.
      samples.get(contender.name)!.push(warmup);
      runs = minSlowRuns - 1;
    } else runs = Math.min(maxRuns, Math.max(minRuns, Math.floor(budgetMs / (warmup.cpu * repeat))));
    planned.set(contender.name, runs);
  }
  const rounds = Math.max(...planned.values());
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? contenders : [...contenders].reverse();
    for (const contender of order) {
      if (round < planned.get(contender.name)!) samples.get(contender.name)!.push(await timeOnce(contender, repetitions.get(contender.name)!, collect));
    }
  }
  return new Map(
    [...samples].map(([name, times]) => [name, { cpu: summarize(times.map((t) => t.cpu)), wall: summarize(times.map((t) => t.wall)) }]),
  );
}
