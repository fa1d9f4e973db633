import type { BenchModule, BenchOptions, BenchRow } from './lib/bench-module.ts';
import { withBrowserSession, type ChatApp } from './browser/browser-session.ts';
import { REPLY_DELTAS } from './browser/reply.ts';
import { deltaLatencies } from './browser/reply-metrics.ts';
import { formatMs } from './lib/format.ts';
import { percentile, summarize } from './lib/stats.ts';

const FRAME_MS = 1000 / 60;

const subjects: { app: ChatApp; name: string }[] = [
  { app: 'streamkit', name: 'useStreamingChat' },
  { app: 'usechat', name: 'useChat (default)' },
  { app: 'usechat-throttle', name: 'useChat (throttle: 50)' },
  { app: 'floor', name: 'floor: the text appended on each read (no library)' },
];

/** Benchmark 6: from a delta's arrival in the page to its text on screen. */
export const latencyBench: BenchModule = {
  id: 'latency',
  title: '6. Latency added by the client',
  description:
    'The chat pages of benchmark 4 with 200 settled messages and the reply paced at 1,000 deltas/s. For each delta: from the network read that brought it into page script (the response body is wrapped to stamp each read) to the end of the first frame that shows it (the text on screen is read in a message posted from requestAnimationFrame, which runs after that frame is painted). The floor page (benchmark 4) appends each read\'s text to the page at once, with no frame batching: the least any page can add. Percentiles pool every delta of every run; Min – max are the runs\' p95.',
  async run(options: BenchOptions): Promise<BenchRow[]> {
    const runs = options.smoke ? 1 : 5;
    const deltas = options.smoke ? 40 : REPLY_DELTAS;
    const settled = options.smoke ? 10 : 200;
    const pooled = new Map<string, number[]>(subjects.map((subject) => [subject.name, []]));
    const runP95 = new Map<string, number[]>(subjects.map((subject) => [subject.name, []]));
    await withBrowserSession(async (session) => {
      for (let run = 0; run < runs; run++) {
        for (const subject of run % 2 === 0 ? subjects : [...subjects].reverse()) {
          const { measurement } = await session.measureReply({ app: subject.app, settled, delivery: 'paced', deltas });
          const latencies = deltaLatencies(measurement).sort((a, b) => a - b);
          pooled.get(subject.name)!.push(...latencies);
          runP95.get(subject.name)!.push(percentile(latencies, 95));
        }
        options.log(`  run ${run + 1} of ${runs}`);
      }
    });
    const name = `${settled} settled messages, ${deltas.toLocaleString('en-US')} deltas paced at 1,000/s`;
    return subjects.map(({ name: subject }) => {
      const all = pooled.get(subject)!.sort((a, b) => a - b);
      const p95 = percentile(all, 95);
      const perRun = summarize(runP95.get(subject)!);
      return {
        case: name,
        subject: `${subject}, p95`,
        value: { ...perRun, median: p95 },
        unit: 'ms',
        extra: `p50 ${formatMs(percentile(all, 50))}, p99 ${formatMs(percentile(all, 99))}, max ${formatMs(all.at(-1) ?? Number.NaN)}; ${all.length.toLocaleString('en-US')} deltas`,
        checks: subject === subjects[0]!.name ? [{ measured: `p95 ${formatMs(p95)}`, target: `≤ one frame (${formatMs(FRAME_MS)})`, met: p95 <= FRAME_MS }] : undefined,
      };
    });
  },
};
