import type { StreamPart } from '@streamkit/core';
import { createPacer } from './pacer.ts';
import type { ReplyPause } from './scenarios/scenario-parts.ts';
import type { TimerQueue } from './timer-queue.ts';

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

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * Plays `parts` in model time: `ttftMs` before the first text, reasoning or tool input starts, then
 * one delta (of any kind) per `1000 / tokensPerSecond` ms, and each pause before its part. Every wait
 * ends as soon as `signal` aborts; `onEnd` hears once how a reply that began playing ended.
 * The waits run on `timers`, which all the replies of a handler share.
 *
 * An iterator rather than an async generator: with a thousand replies open, a generator's awaits
 * and yields were several promises per token, and the garbage they made and the suspended state
 * each reply held were most of the server's garbage-collection pauses. This allocates one promise
 * and one result per part.
 */
export function playMockReply(
  parts: StreamPart[],
  timing: MockReplyTiming,
  timers: TimerQueue,
  signal: AbortSignal,
  onEnd?: (info: MockStreamEndInfo) => void,
): AsyncIterableIterator<StreamPart> {
  const tokenDelayMs = 1000 / timing.tokensPerSecond;
  const pauses = timing.pauses ?? [];
  const pacer = createPacer<IteratorResult<StreamPart>>(timers);
  let position = 0;
  let contentStarted = false;
  let firstDelta = true;
  let state: 'new' | 'playing' | 'ended' = 'new';
  let abortedAtStart = false;

  const end = (reason: MockStreamEndInfo['reason']) => {
    const wasPlaying = state === 'playing';
    state = 'ended';
    if (!wasPlaying) return;
    signal.removeEventListener('abort', onAbort);
    onEnd?.({ reason });
  };
  const onAbort = () => {
    end('cancelled');
    pacer.cancel(signal.reason);
  };

  /** Milliseconds of model time before the part at `index`, or `undefined` when it follows at once. */
  const waitBefore = (part: StreamPart, index: number): number | undefined => {
    let ms: number | undefined;
    for (let i = 0; i < pauses.length; i++) {
      if (pauses[i]!.beforePart === index) ms = (ms ?? 0) + pauses[i]!.ms;
    }
    if (!contentStarted && CONTENT_STARTS.has(part.type)) {
      contentStarted = true;
      ms = (ms ?? 0) + timing.ttftMs;
    }
    if (DELTAS.has(part.type)) {
      if (!firstDelta) ms = (ms ?? 0) + tokenDelayMs;
      firstDelta = false;
    }
    return ms;
  };

  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next() {
      if (state === 'new') {
        state = 'playing';
        abortedAtStart = signal.aborted;
        signal.addEventListener('abort', onAbort, { once: true });
      }
      if (state === 'ended') return Promise.resolve(DONE);
      if (position === parts.length) {
        end('finished');
        return Promise.resolve(DONE);
      }
      const part = parts[position]!;
      const ms = waitBefore(part, position++);
      const result: IteratorResult<StreamPart> = { done: false, value: part };
      if (ms === undefined) return Promise.resolve(result);
      // Later aborts end the reply at once (`onAbort`); parts up to the first wait still play.
      if (abortedAtStart) {
        end('cancelled');
        return Promise.reject(signal.reason);
      }
      return ms > 0 ? pacer.wait(ms, result) : Promise.resolve(result);
    },
    return() {
      end('cancelled');
      pacer.release(DONE);
      return Promise.resolve(DONE);
    },
  };
}
