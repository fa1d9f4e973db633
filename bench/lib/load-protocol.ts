/** Messages between server-load.bench.ts and the load generator process (bench/load-generator.ts). */

export interface LoadPlan {
  /** The mock server's base URL; streams are POSTed to `${url}/api/chat`. */
  url: string;
  streams: number;
  /** Text deltas each reply must have. */
  deltas: number;
  prompt: string;
  /** With a prefix, stream i sends the chat id `${prefix}${i}` (as useChat does) and its reply is resumable. */
  chatIdPrefix?: string;
  /** The deltas of every reply, joined. */
  expectedText: string;
  /** The mock's interval between deltas; the gap beyond it is what the server added. */
  tokenIntervalMs: number;
  /** Connections opened per wave, and the pause between waves. */
  openWave: number;
  openWaveMs: number;
}

/** Milliseconds since the epoch (`performance.timeOrigin + performance.now()`), comparable across processes. */
export interface TimeWindow {
  from: number;
  to: number;
}

export type ParentMessage = { type: 'plan'; plan: LoadPlan } | { type: 'pause'; window?: TimeWindow };

export type LoadGeneratorMessage =
  | { type: 'all-open' }
  | { type: 'halfway' }
  | { type: 'finished' }
  | { type: 'report'; report: LoadReport }
  | { type: 'error'; message: string };

export interface StreamOutcome {
  status: number;
  events: number;
  deltas: number;
  keepalives: number;
  sawDone: boolean;
  /** From sending the request to the first body byte; -1 if none came. */
  firstByteMs: number;
  /** Why the stream is not complete and intact; undefined when it is. */
  problem?: string;
}

/** Percentiles of the time between consecutive deltas of a stream beyond the token interval, in ms. */
export interface GapSummary {
  p50: number;
  p99: number;
  p999: number;
  max: number;
  count: number;
}

export interface LoadReport {
  durationMs: number;
  /** Streams that were complete and intact. */
  complete: number;
  /** A few distinct reasons for the others. */
  problems: string[];
  events: number;
  keepalives: number;
  /**
   * Streams that carried at least one keepalive. Not part of "intact": the server skips a keepalive
   * while the client has not taken the previous write yet, which an overloaded client may not have.
   */
  streamsWithKeepalive: number;
  addedGap: GapSummary;
  /** The same, leaving out gaps that overlap the parent's deliberate pause (a forced GC). */
  addedGapOutsidePause: GapSummary;
  firstByteP99: number;
  /** The load generator's own event-loop delay p99 (ms): if high, the client, not the server, added the gaps. */
  loopDelayP99: number;
  /** CPU time the load generator process used while the streams ran (ms). */
  cpuMs: number;
}

/** Resolution of the event-loop delay histograms (`monitorEventLoopDelay`) on both sides, in ms. */
export const LOOP_RESOLUTION_MS = 10;

/**
 * The event-loop delay that a `monitorEventLoopDelay` value (ns) stands for, in ms. Node records the
 * time between two of its checks, which includes the check interval itself: an idle loop reads
 * about 10 ms at resolution 10, so the interval is taken off.
 */
export function loopDelayMs(nanoseconds: number): number {
  return Math.max(0, nanoseconds / 1e6 - LOOP_RESOLUTION_MS);
}

/** The body the AI SDK's `useChat` posts; with a chat id the mock stores the reply so it can be resumed. */
export function chatRequestBody(prompt: string, chatId?: string): string {
  return JSON.stringify({ id: chatId, messages: [{ id: 'user-1', role: 'user', parts: [{ type: 'text', text: prompt }] }] });
}
