/**
 * The client side of benchmark 8, run as its own Node process (`fork` from server-load.bench.ts) so
 * that reading 1,000 streams does not share an event loop with the server it measures. It opens the
 * streams, checks each one, records when every text delta arrives, and reports over IPC.
 */
import { request, type IncomingMessage } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createSSEParser } from '@streamkit/core';
import { chatRequestBody, LOOP_RESOLUTION_MS, loopDelayMs, type GapSummary, type LoadGeneratorMessage, type LoadPlan, type LoadReport, type ParentMessage, type StreamOutcome, type TimeWindow } from './lib/load-protocol.ts';
import { percentile } from './lib/stats.ts';

/** Milliseconds since the epoch with sub-millisecond precision, comparable across processes. */
const now = (): number => performance.timeOrigin + performance.now();

function send(message: LoadGeneratorMessage): void {
  process.send!(message);
}

interface StreamState {
  outcome: StreamOutcome;
  text: string;
  nextId: number;
  lastDeltaAt: number;
  done: boolean;
}

async function main(plan: LoadPlan): Promise<void> {
  const gapCapacity = plan.streams * Math.max(0, plan.deltas - 1);
  // Gap i: between the arrivals at gapStart[i] and gapEnd[i]; "added" is the gap minus the token interval.
  const gapStart = new Float64Array(gapCapacity);
  const gapEnd = new Float64Array(gapCapacity);
  let gaps = 0;
  let deltasReceived = 0;
  let halfwaySent = false;
  const totalDeltas = plan.streams * plan.deltas;
  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  const outcomes: StreamOutcome[] = [];
  let opened = 0;
  let finished = 0;
  const started = now();
  const cpuAtStart = process.cpuUsage();

  const allDone = new Promise<void>((resolve) => {
    const finish = (state: StreamState): void => {
      if (state.done) return;
      state.done = true;
      const { outcome } = state;
      if (outcome.problem === undefined) {
        if (outcome.deltas !== plan.deltas) outcome.problem = `${outcome.deltas} deltas instead of ${plan.deltas}`;
        else if (state.text !== plan.expectedText) outcome.problem = 'the text differs from the reply';
        else if (!outcome.sawDone) outcome.problem = 'no [DONE] at the end';
      }
      outcomes.push(outcome);
      if (++finished === plan.streams) resolve();
    };

    const open = (index: number): void => {
      const state: StreamState = {
        outcome: { status: 0, events: 0, deltas: 0, keepalives: 0, sawDone: false, firstByteMs: -1 },
        text: '',
        nextId: 0,
        lastDeltaAt: 0,
        done: false,
      };
      const fail = (problem: string): void => {
        state.outcome.problem ??= problem;
        finish(state);
      };
      const openedAt = now();
      const parser = createSSEParser({
        onComment: () => state.outcome.keepalives++,
        onEvent(event) {
          const { outcome } = state;
          outcome.events++;
          if (event.id !== String(state.nextId++)) outcome.problem ??= `event id ${event.id} where ${state.nextId - 1} was due`;
          if (event.data === '[DONE]') {
            outcome.sawDone = true;
            return;
          }
          const chunk = JSON.parse(event.data) as { type: string; delta?: string };
          if (chunk.type !== 'text-delta') return;
          const at = now();
          if (outcome.deltas > 0 && gaps < gapCapacity) {
            gapStart[gaps] = state.lastDeltaAt;
            gapEnd[gaps++] = at;
          }
          state.lastDeltaAt = at;
          outcome.deltas++;
          state.text += chunk.delta;
          if (!halfwaySent && ++deltasReceived >= totalDeltas / 2) {
            halfwaySent = true;
            send({ type: 'halfway' });
          }
        },
      });
      const body = chatRequestBody(plan.prompt, plan.chatIdPrefix === undefined ? undefined : `${plan.chatIdPrefix}${index}`);
      const req = request(`${plan.url}/api/chat`, {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      });
      req.on('response', (res: IncomingMessage) => {
        state.outcome.status = res.statusCode ?? 0;
        if (++opened === plan.streams) send({ type: 'all-open' });
        if (res.statusCode !== 200) fail(`HTTP ${res.statusCode}`);
        res.on('data', (chunk: Buffer) => {
          if (state.outcome.firstByteMs < 0) state.outcome.firstByteMs = now() - openedAt;
          parser.feed(chunk);
        });
        res.on('end', () => finish(state));
        res.on('error', (error) => fail(error.message));
      });
      req.on('error', (error) => fail(error.message));
      req.end(body);
    };

    // Opening a thousand connections at once overflows the listen backlog (511), so they open in small
    // waves, spaced so that streams do not share a phase of the token interval (which would make every
    // delta of a wave arrive in one burst).
    let next = 0;
    const wave = (): void => {
      for (let i = 0; i < plan.openWave && next < plan.streams; i++) open(next++);
      if (next < plan.streams) setTimeout(wave, plan.openWaveMs);
    };
    wave();
  });

  loopDelay.enable();
  await allDone;
  loopDelay.disable();
  const durationMs = now() - started;
  const cpu = process.cpuUsage(cpuAtStart);
  send({ type: 'finished' });
  // The parent says when it paused the server on purpose (a forced GC to measure memory).
  const pause = await new Promise<TimeWindow | undefined>((resolve) => {
    process.once('message', (message: ParentMessage) => resolve(message.type === 'pause' ? message.window : undefined));
  });

  const added: number[] = [];
  const addedOutsidePause: number[] = [];
  for (let i = 0; i < gaps; i++) {
    const value = gapEnd[i]! - gapStart[i]! - plan.tokenIntervalMs;
    added.push(value);
    if (!pause || gapEnd[i]! < pause.from || gapStart[i]! > pause.to) addedOutsidePause.push(value);
  }
  const summary = (values: number[]): GapSummary => {
    const sorted = Float64Array.from(values).sort();
    return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), p999: percentile(sorted, 99.9), max: sorted.at(-1) ?? Number.NaN, count: sorted.length };
  };
  const firstBytes = Float64Array.from(outcomes.map((outcome) => outcome.firstByteMs)).sort();
  const report: LoadReport = {
    durationMs,
    complete: outcomes.filter((outcome) => outcome.problem === undefined).length,
    problems: [...new Set(outcomes.flatMap((outcome) => (outcome.problem ? [outcome.problem] : [])))].slice(0, 5),
    events: outcomes.reduce((sum, outcome) => sum + outcome.events, 0),
    keepalives: outcomes.reduce((sum, outcome) => sum + outcome.keepalives, 0),
    streamsWithKeepalive: outcomes.filter((outcome) => outcome.keepalives > 0).length,
    addedGap: summary(added),
    addedGapOutsidePause: summary(addedOutsidePause),
    firstByteP99: percentile(firstBytes, 99),
    loopDelayP99: loopDelayMs(loopDelay.percentile(99)),
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
  send({ type: 'report', report });
  process.disconnect();
}

process.once('message', (message: ParentMessage) => {
  if (message.type !== 'plan') return;
  main(message.plan).catch((error: unknown) => {
    send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.disconnect();
  });
});
