import type { BenchModule, BenchOptions, BenchRow, Check } from './lib/bench-module.ts';
import { withBrowserSession, type BrowserSession, type ChatApp } from './browser/browser-session.ts';
import { REPLY_DELTAS, type Delivery } from './browser/reply.ts';
import { replyMetrics, type ReplyMetrics } from './browser/reply-metrics.ts';
import { formatFactor, formatMs } from './lib/format.ts';
import { summarize } from './lib/stats.ts';

const subjects: { app: ChatApp; name: string }[] = [
  { app: 'streamkit', name: 'useStreamingChat' },
  { app: 'usechat', name: 'useChat (default)' },
  { app: 'usechat-throttle', name: 'useChat (throttle: 50)' },
  { app: 'floor', name: 'floor: read the body, append the text (no library)' },
];
const [OURS, DEFAULT, TUNED, FLOOR] = subjects.map((subject) => subject.name) as [string, string, string, string];

interface Case {
  settled: number;
  delivery: Delivery;
  runs: number;
}

const FULL: Case[] = [200, 2_000, 10_000].flatMap((settled) =>
  (['burst', 'paced'] as const).map((delivery) => ({ settled, delivery, runs: settled === 200 ? 5 : 3 })),
);
const SMOKE: Case[] = [{ settled: 10, delivery: 'burst', runs: 1 }];

const medianOf = (runs: ReplyMetrics[], pick: (metrics: ReplyMetrics) => number): number => summarize(runs.map(pick)).median;
const maxOf = (runs: ReplyMetrics[], pick: (metrics: ReplyMetrics) => number): number => Math.max(...runs.map(pick));

function describe(runs: ReplyMetrics[], deltas: number): string {
  const mainThread = medianOf(runs, (run) => run.mainThreadMs);
  return [
    `${formatMs(mainThread / deltas)} per delta`,
    `${medianOf(runs, (run) => run.commits)} commits (at most ${maxOf(runs, (run) => run.maxCommitsPerFrame)} in a frame while streaming; frames with more than one: ${medianOf(runs, (run) => run.framesWithSeveralCommits)})`,
    `${maxOf(runs, (run) => run.settledRenders)} renders of settled messages`,
    `longest task ${formatMs(maxOf(runs, (run) => run.longestTaskMs))}, ${maxOf(runs, (run) => run.tasksOver50Ms)} over 50 ms`,
    `last delta painted after ${formatMs(medianOf(runs, (run) => run.lastPaintMs))}`,
  ].join('; ');
}

function checksFor(delivery: Delivery, results: Map<string, ReplyMetrics[]>): Check[] {
  const mainThread = (subject: string): number => medianOf(results.get(subject)!, (run) => run.mainThreadMs);
  const floor = mainThread(FLOOR);
  const ours = results.get(OURS)!;
  // The browser's own cost of every network read and paint is the same for every page; the floor
  // shows it, and the time above it is what a hook and its rendering add.
  const versus = (subject: string): string => {
    const total = mainThread(subject) / mainThread(OURS);
    const theirsAbove = mainThread(subject) - floor;
    const oursAbove = mainThread(OURS) - floor;
    const above = theirsAbove > 0 && oursAbove > 0 ? `1/${formatFactor(theirsAbove / oursAbove)}` : 'at the floor, within its noise';
    return `1/${formatFactor(total)} of ${subject}'s main-thread time (above the floor: ${above})`;
  };
  const settledRenders = maxOf(ours, (run) => run.settledRenders);
  const commitsPerFrame = maxOf(ours, (run) => run.maxCommitsPerFrame);
  const checks: Check[] = [
    { measured: `${settledRenders} re-renders of settled messages`, target: '0', met: settledRenders === 0 },
    { measured: `at most ${commitsPerFrame} commits in a frame`, target: '≤ 1', met: commitsPerFrame <= 1 },
    { measured: versus(DEFAULT), target: '≤ 1/20', met: mainThread(DEFAULT) / mainThread(OURS) >= 20 },
    { measured: versus(TUNED), target: '≤ 1/3', met: mainThread(TUNED) / mainThread(OURS) >= 3 },
  ];
  if (delivery === 'paced') {
    const longest = maxOf(ours, (run) => run.longestTaskMs);
    checks.push({ measured: `longest task ${formatMs(longest)}`, target: '≤ 50 ms', met: longest <= 50 });
  }
  return checks;
}

async function runCase(session: BrowserSession, { settled, delivery, runs }: Case, deltas: number, options: BenchOptions): Promise<BenchRow[]> {
  const name = `${settled.toLocaleString('en-US')} settled messages, ${deltas.toLocaleString('en-US')}-delta reply, ${delivery === 'burst' ? 'burst' : 'paced at 1,000 deltas/s'}`;
  const results = new Map<string, ReplyMetrics[]>(subjects.map((subject) => [subject.name, []]));
  for (let run = 0; run < runs; run++) {
    // Alternate the order run by run, so that a machine growing busier slows every side alike.
    for (const subject of run % 2 === 0 ? subjects : [...subjects].reverse()) {
      const measured = await session.measureReply({ app: subject.app, settled, delivery, deltas });
      results.get(subject.name)!.push(replyMetrics(measured));
    }
    options.log(`  ${name}: run ${run + 1} of ${runs}`);
  }
  return subjects.map(({ name: subject }) => {
    const measured = results.get(subject)!;
    return {
      case: name,
      subject,
      value: summarize(measured.map((run) => run.mainThreadMs)),
      unit: 'ms',
      extra: describe(measured, deltas),
      checks: subject === OURS ? checksFor(delivery, results) : undefined,
    };
  });
}

/** Benchmark 4: rendering a streamed reply into a long conversation, in Chromium, against useChat. */
export const renderingBench: BenchModule = {
  id: 'rendering',
  title: '4. Rendering in Chromium',
  description:
    'One page, built for production (react-dom\'s profiling build, for the Profiler), renders a conversation of settled messages through `MessageList` and `Message` and streams a 2,000-delta reply (50 paragraphs) from a loopback server; the page is built on `useStreamingChat` (defaults) or on `@ai-sdk/react` `useChat` (defaults, or `throttle: 50`), with the same components, memoized on the message in all three; a fourth page is the floor: it reads the same reply with a plain reader and appends each read\'s text to the paragraph being written, no library and no React render per delta, so the time above it is what a hook and its rendering add (the browser\'s own cost of each network read and paint is in every page). Burst: the reply in 8 writes 2 ms apart; paced: 1,000 deltas/s. Main-thread time is the sum of the renderer main thread\'s tasks (Chromium trace) from send to the paint that shows the last delta; commits come from the React Profiler (commits per frame counted while the deltas arrive, so the commits that mark the reply sent and finished are left out), frames from requestAnimationFrame, renders of settled messages from a counter in the row. A fresh page per run; the three pages alternate run by run.',
  async run(options: BenchOptions): Promise<BenchRow[]> {
    const deltas = options.smoke ? 40 : REPLY_DELTAS;
    return withBrowserSession(async (session) => {
      const rows: BenchRow[] = [];
      for (const testCase of options.smoke ? SMOKE : FULL) rows.push(...(await runCase(session, testCase, deltas, options)));
      return rows;
    });
  },
};
