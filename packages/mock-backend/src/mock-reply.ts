import type { StreamPart } from '@streamkit/core';
import { delay } from './delay.ts';
import type { ReplyPause } from './scenarios/scenario-parts.ts';

export interface MockReplyTiming {
  ttftMs: number;
  tokensPerSecond: number;
  /** Silences before given parts (a server tool at work, the `keepalive-only` fault). Default: none. */
  pauses?: ReplyPause[];
}

/** Why a reply stream ended: it sent `finish`, or it was cancelled first (client gone, stop, shutdown). */
export interface MockStreamEndInfo {
  reason: 'finished' | 'cancelled';
}

const CONTENT_STARTS = new Set<StreamPart['type']>(['text-start', 'reasoning-start', 'tool-input-start']);
const DELTAS = new Set<StreamPart['type']>(['text-delta', 'reasoning-delta', 'tool-input-delta']);

/**
 * Plays `parts` in model time: `ttftMs` before the first text, reasoning or tool input starts, then
 * one delta (of any kind) per `1000 / tokensPerSecond` ms, and each pause before its part. Every wait
 * ends as soon as `signal` aborts.
 */
export async function* playMockReply(
  parts: StreamPart[],
  timing: MockReplyTiming,
  signal: AbortSignal,
  onEnd?: (info: MockStreamEndInfo) => void,
): AsyncGenerator<StreamPart> {
  const tokenDelayMs = 1000 / timing.tokensPerSecond;
  let finished = false;
  let started = false;
  let firstDelta = true;
  try {
    for (const [index, part] of parts.entries()) {
      for (const pause of timing.pauses ?? []) {
        if (pause.beforePart === index) await delay(pause.ms, signal);
      }
      if (!started && CONTENT_STARTS.has(part.type)) {
        started = true;
        await delay(timing.ttftMs, signal);
      }
      if (DELTAS.has(part.type)) {
        if (!firstDelta) await delay(tokenDelayMs, signal);
        firstDelta = false;
      }
      yield part;
    }
    finished = true;
  } finally {
    onEnd?.({ reason: finished ? 'finished' : 'cancelled' });
  }
}
