import type { BenchModule, BenchOptions, BenchRow } from './lib/bench-module.ts';
import { withBrowserSession } from './browser/browser-session.ts';
import { formatBytes, formatFactor, formatMs } from './lib/format.ts';
import { summarize } from './lib/stats.ts';

const renderers = [
  { renderer: 'streamkit', name: 'Markdown (Streamkit)' },
  { renderer: 'react-markdown', name: 'react-markdown, whole text' },
] as const;

/** "Flat": the time per delta at 50 KB within this factor of the time at 1 KB. */
const FLAT_FACTOR = 1.5;

/** Benchmark 5: one markdown reply growing to 50 KB. */
export const longMessageBench: BenchModule = {
  id: 'long-message',
  title: '5. Long messages',
  description:
    'One markdown reply (paragraphs with bold and code spans, lists, TypeScript code blocks, headings) growing by 2–12-character deltas, in Chromium: Streamkit\'s `Markdown` (streaming) vs `react-markdown` with remark-gfm rendering the whole text, as a page without block memoization does. In each window the text is first set to its prefix (untimed), then each of 100 deltas is applied in its own task and timed from setState (flushSync) to layout done; the median per delta over the window is one sample, one fresh page per run, the renderers alternating.',
  async run(options: BenchOptions): Promise<BenchRow[]> {
    const size = options.smoke ? 4_000 : 50_000;
    const startLengths = options.smoke ? [500, 3_000] : [1_000, 49_000];
    const deltasPerWindow = options.smoke ? 10 : 100;
    const runs = options.smoke ? 1 : 5;
    const samples = new Map<string, number[][]>(renderers.map(({ name }) => [name, startLengths.map(() => [])]));
    await withBrowserSession(async (session) => {
      for (let run = 0; run < runs; run++) {
        for (const { renderer, name } of run % 2 === 0 ? renderers : [...renderers].reverse()) {
          const windows = await session.measureLongMessage({ renderer, startLengths, deltasPerWindow, size });
          windows.forEach((window, index) => samples.get(name)![index]!.push(summarize(window.times).median));
        }
        options.log(`  run ${run + 1} of ${runs}`);
      }
    });
    const rows: BenchRow[] = [];
    startLengths.forEach((length, index) => {
      const ours = summarize(samples.get(renderers[0].name)![index]!);
      const theirs = summarize(samples.get(renderers[1].name)![index]!);
      const atStart = summarize(samples.get(renderers[0].name)![0]!);
      const growth = ours.median / atStart.median;
      const isLast = index === startLengths.length - 1;
      rows.push(
        {
          case: `per delta at ${formatBytes(length)}`,
          subject: renderers[0].name,
          value: ours,
          unit: 'ms',
          extra: `${formatFactor(theirs.median / ours.median)} faster than ${renderers[1].name}`,
          checks: isLast
            ? [{ measured: `${formatFactor(growth)} the time per delta at ${formatBytes(startLengths[0]!)}`, target: `≤ ${FLAT_FACTOR}× (flat)`, met: growth <= FLAT_FACTOR }]
            : undefined,
        },
        { case: `per delta at ${formatBytes(length)}`, subject: renderers[1].name, value: theirs, unit: 'ms', extra: `${formatMs(theirs.median)} per delta` },
      );
    });
    return rows;
  },
};
