import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startMockServer } from '@streamkit/mock-backend/node';
import type { BenchModule, BenchOptions, BenchRow } from './lib/bench-module.ts';
import { collectGarbage } from './lib/collect-garbage.ts';
import { formatMs } from './lib/format.ts';
import { LOOP_RESOLUTION_MS, loopDelayMs, type LoadGeneratorMessage, type LoadPlan, type LoadReport, type ParentMessage, type TimeWindow } from './lib/load-protocol.ts';
import { findMockPrompt } from './lib/mock-prompt.ts';

const GAP_TARGET_MS = 5;

interface Scenario {
  streams: number;
  /** Text deltas per reply; undefined takes the mock's short reply to "Hi". */
  deltas?: number;
  tokensPerSecond: number;
  ttftMs: number;
  keepaliveMs: number;
  /** Send a chat id, as useChat does, so that the server stores the reply for resuming. */
  resumable: boolean;
}

// The issue sets no token rate. 10 tokens/s makes 10,000 deltas/s in all, which at the server's cost
// per event (CPU per event, in the table) needs one to two cores; real models stream 20–100 tokens/s.
const FULL: Omit<Scenario, 'resumable'> = { streams: 1000, deltas: 500, tokensPerSecond: 10, ttftMs: 1500, keepaliveMs: 1000 };
const SMOKE: Omit<Scenario, 'resumable'> = { streams: 4, tokensPerSecond: 400, ttftMs: 120, keepaliveMs: 50 };

const generatorPath = fileURLToPath(new URL('./load-generator.ts', import.meta.url));
const now = (): number => performance.timeOrigin + performance.now();

/** JS heap plus memory outside it that JS objects hold (ArrayBuffers, socket buffers). */
function memory(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

interface LoadRun {
  report: LoadReport;
  /** Text deltas per reply. */
  deltas: number;
  /** Server-process memory added per open stream, halfway through (after a full GC). */
  memoryPerStream: number;
  /** CPU time of this process (the server) while the streams ran. */
  serverCpuMs: number;
  serverLoopP99: number;
  serverLoopMax: number;
}

/** Starts the mock server here and the load generator in its own process, and runs one scenario. */
async function runScenario(scenario: Scenario, options: BenchOptions): Promise<LoadRun> {
  const reply = await findMockPrompt(scenario.deltas);
  const server = await startMockServer({
    port: 0,
    ttftMs: scenario.ttftMs,
    tokensPerSecond: scenario.tokensPerSecond,
    keepaliveMs: scenario.keepaliveMs,
  });
  try {
    collectGarbage();
    const before = memory();
    const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
    // The generator is TypeScript too: run it under tsx, resolving workspace packages to source.
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const child = fork(generatorPath, [], {
      execArgv: ['--import', tsx, '--conditions=@streamkit/source'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const plan: LoadPlan = {
      url: server.url,
      streams: scenario.streams,
      deltas: reply.deltas,
      prompt: reply.prompt,
      chatIdPrefix: scenario.resumable ? 'bench-chat-' : undefined,
      expectedText: reply.text,
      tokenIntervalMs: 1000 / scenario.tokensPerSecond,
      openWave: 4,
      openWaveMs: 3,
    };
    let pause: TimeWindow | undefined;
    let during = before;
    const cpuAtStart = process.cpuUsage();
    // A stream that never ends must not hang the whole benchmark run.
    const idealMs = scenario.ttftMs + (reply.deltas * 1000) / scenario.tokensPerSecond;
    const limitMs = idealMs * 10 + 60_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const report = await new Promise<LoadReport>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`the streams had not ended after ${formatMs(limitMs)}`)), limitMs);
      child.on('message', (message: LoadGeneratorMessage) => {
        switch (message.type) {
          case 'all-open':
            options.log(`  ${scenario.streams} streams open`);
            loop.enable();
            break;
          case 'halfway': {
            // Measuring memory needs a full GC, which stalls the server: the generator leaves out the gaps it touches.
            const from = now();
            collectGarbage();
            during = memory();
            pause = { from, to: now() };
            options.log(`  halfway: forced GC took ${formatMs(pause.to - pause.from)}`);
            break;
          }
          case 'finished':
            loop.disable();
            child.send({ type: 'pause', window: pause } satisfies ParentMessage);
            break;
          case 'report':
            resolve(message.report);
            break;
          case 'error':
            reject(new Error(`load generator: ${message.message}`));
        }
      });
      child.on('exit', (code) => reject(new Error(`load generator exited with code ${code} before reporting`)));
      child.on('error', reject);
      child.send({ type: 'plan', plan } satisfies ParentMessage);
    }).finally(() => {
      clearTimeout(timer);
      loop.disable();
      if (child.exitCode === null) child.kill();
    });
    const cpu = process.cpuUsage(cpuAtStart);
    return {
      report,
      deltas: reply.deltas,
      memoryPerStream: (during - before) / scenario.streams,
      serverCpuMs: (cpu.user + cpu.system) / 1000,
      serverLoopP99: loopDelayMs(loop.percentile(99)),
      serverLoopMax: loopDelayMs(loop.max),
    };
  } finally {
    await server.close();
  }
}

function rowsFor(label: string, scenario: Scenario, run: LoadRun): BenchRow[] {
  const { report } = run;
  const idealMs = scenario.ttftMs + ((run.deltas - 1) * 1000) / scenario.tokensPerSecond;
  const gap = report.addedGapOutsidePause;
  const subject = scenario.resumable ? 'mock server, resumable (chat id sent)' : 'mock server, plain (no chat id)';
  return [
    {
      case: label,
      subject,
      value: report.complete,
      unit: 'count',
      extra: `streams complete and intact; ${report.events.toLocaleString('en-US')} events in ${formatMs(report.durationMs)} (${formatMs(idealMs)} if nothing fell behind); ${report.keepalives.toLocaleString('en-US')} keepalives, ${report.streamsWithKeepalive} streams with at least one`,
      note: report.problems.length > 0 ? `problems: ${report.problems.join('; ')}` : undefined,
      checks: [{ measured: `${report.complete} of ${scenario.streams} complete and intact`, target: 'all', met: report.complete === scenario.streams }],
    },
    {
      case: label,
      subject: `${subject}: inter-delta gap added, p99`,
      value: gap.p99,
      unit: 'ms',
      extra: `p50 ${formatMs(gap.p50)}, p99.9 ${formatMs(gap.p999)}, max ${formatMs(gap.max)} over ${gap.count.toLocaleString('en-US')} gaps; with the forced-GC pause: p99 ${formatMs(report.addedGap.p99)}, max ${formatMs(report.addedGap.max)}`,
      checks: [{ measured: formatMs(gap.p99), target: `≤ ${GAP_TARGET_MS} ms`, met: gap.p99 <= GAP_TARGET_MS }],
    },
    {
      case: label,
      subject: `${subject}: memory per open stream`,
      value: run.memoryPerStream,
      unit: 'bytes',
      extra: 'JS heap + external (ArrayBuffers, socket buffers) of the server process, halfway through, after a full GC, over the same before the streams opened',
    },
    {
      case: label,
      subject: `${subject}: CPU per event`,
      value: run.serverCpuMs / report.events,
      unit: 'ms',
      extra: `server process CPU ${formatMs(run.serverCpuMs)} for ${report.events.toLocaleString('en-US')} events (one core carries ≈ ${(report.events / run.serverCpuMs).toFixed(1)}k events/s at this cost); load generator ${formatMs(report.cpuMs / report.events)} per event`,
    },
    {
      case: label,
      subject: `${subject}: event-loop delay p99`,
      value: run.serverLoopP99,
      unit: 'ms',
      extra: `beyond the 10 ms check interval; server max ${formatMs(run.serverLoopMax)} (includes the forced GC); load generator p99 ${formatMs(report.loopDelayP99)}; time to first byte p99 ${formatMs(report.firstByteP99)}`,
    },
  ];
}

/** Benchmark 8: many concurrent SSE streams from the mock server on loopback. */
export const serverLoadBench: BenchModule = {
  id: 'server-load',
  title: '8. Server: concurrent SSE streams',
  description:
    'The mock server (`startMockServer`, node:http on 127.0.0.1) in this process; a load generator in another Node process opens the streams 4 every 3 ms (spread over the token interval, so that they do not all tick at once), POSTing the body `useChat` sends, and checks each reply: HTTP 200, consecutive event ids, every delta, the exact text and `[DONE]`; it also counts keepalive comments (the first token comes after the keepalive interval, so each stream should see one). The gap added is the time between two deltas of one stream minus the mock\'s token interval; the gaps that overlap the one forced GC (taken halfway to measure memory) are left out. Resumable: the body carries a chat id, so the server also writes every frame to its in-memory resumable-stream store, as it does for `useChat`.',
  async run(options: BenchOptions): Promise<BenchRow[]> {
    const base = options.smoke ? SMOKE : FULL;
    const rows: BenchRow[] = [];
    for (const resumable of options.smoke ? [true] : [true, false]) {
      const scenario = { ...base, resumable };
      const reply = scenario.deltas === undefined ? 'the short reply' : `${scenario.deltas} deltas`;
      const label = `${scenario.streams.toLocaleString('en-US')} streams × ${reply} at ${scenario.tokensPerSecond} tokens/s, first token after ${formatMs(scenario.ttftMs)}, keepalive every ${formatMs(scenario.keepaliveMs)}`;
      options.log(`  ${label}${resumable ? ', resumable' : ''}`);
      rows.push(...rowsFor(label, scenario, await runScenario(scenario, options)));
    }
    return rows;
  },
};
