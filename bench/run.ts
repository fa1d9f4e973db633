/**
 * `npm run bench [-- <filter>…] [--smoke] [--no-write]`: runs the benchmarks whose id contains any
 * filter (all without one), prints their tables, and merges them into bench/results/latest.{md,json}.
 * `--smoke` runs each at a trivial size and writes nothing. Run with
 * `tsx --conditions=@streamkit/source` so that workspace packages resolve to their source.
 */
import path from 'node:path';
import { benchmarks, runBenchmark } from './benchmarks.ts';
import { repoRoot } from './lib/environment.ts';
import { formatMs } from './lib/format.ts';
import { mergeResults, readResults, renderMarkdown, writeResults, type ModuleResult } from './lib/results.ts';

const resultsDir = path.join(repoRoot, 'bench/results');

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function main(args: string[]): Promise<number> {
  const smoke = args.includes('--smoke');
  const write = !smoke && !args.includes('--no-write');
  const filters = args.filter((arg) => !arg.startsWith('--'));
  const selected = benchmarks.filter((bench) => filters.length === 0 || filters.some((filter) => bench.id.includes(filter)));
  if (selected.length === 0) {
    log(`No benchmark matches ${filters.join(', ')}. Ids: ${benchmarks.map((bench) => bench.id).join(', ')}.`);
    return 1;
  }
  const fresh: ModuleResult[] = [];
  for (const bench of selected) {
    log(`${bench.title}${smoke ? ' (smoke)' : ''}`);
    const result = await runBenchmark(bench, { smoke, log });
    log(`  done in ${formatMs(result.durationMs)}${result.error ? `, FAILED: ${result.error}` : ''}`);
    fresh.push(result);
  }
  const order = benchmarks.map((bench) => bench.id);
  const merged = mergeResults(write ? readResults(path.join(resultsDir, 'latest.json')) : undefined, fresh, order);
  process.stdout.write(renderMarkdown(mergeResults(undefined, fresh, order)));
  if (write) {
    writeResults(resultsDir, merged);
    log(`Wrote ${path.relative(process.cwd(), path.join(resultsDir, 'latest.md'))} and latest.json`);
  }
  return fresh.some((result) => result.error) ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
