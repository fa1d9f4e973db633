import { loadDecoder } from '../decoders/load-decoder.ts';
import type { StreamDecoder, WireFormat } from '../decoders/types.ts';
import { HTTPError, StreamkitError } from '../errors.ts';
import { parseSSEStream } from '../sse/parse-sse-stream.ts';
import type { StreamPart } from '../stream-part.ts';
import { parseRetryAfter, retryDelay } from './backoff.ts';
import { readHTTPError } from './http-error.ts';
import { readBody } from './read-body.ts';
import { loadModule } from './load-module.ts';
import type { TransportObserver } from './types.ts';

export interface ReconnectOptions {
  /** Reconnection attempts after a drop before giving up with an error. Default: 5. */
  maxAttempts?: number;
  /** First backoff step; later steps double, with jitter. Default: 500 ms. */
  initialDelayMs?: number;
  /** Longest wait between attempts. Default: 30 s. */
  maxDelayMs?: number;
  /**
   * No bytes at all for this long (keepalive comments count) is treated as a dropped connection and
   * resumed. Load balancers commonly kill idle connections at 60 s. Default: 45 s; `0` disables.
   */
  idleTimeoutMs?: number;
  /** After this many failed streaming attempts, ask for a whole JSON reply instead. Default: never. */
  syncFallbackAfter?: number;
}

/** One HTTP attempt. `lastEventId` undefined means nothing was received yet: send the original request. */
export interface StreamAttempt {
  lastEventId: string | undefined;
  attempt: number;
  /** Ask for `application/json` instead of a stream (the sync fallback). */
  sync: boolean;
  signal: AbortSignal;
}

export interface ResilientStreamOptions extends ReconnectOptions {
  open(attempt: StreamAttempt): Promise<Response>;
  format: WireFormat;
  signal: AbortSignal;
  observer?: TransportObserver | undefined;
  /** Named in error messages. */
  url: string;
  /** Called with the id of every event received, so a caller can tell whether the server is resumable. */
  onEventId?(id: string): void;
  /** A response already open for the first attempt (a resume request the caller had to inspect first). */
  initialResponse?: Response;
  /** Turns a whole JSON reply (the sync fallback) into parts. Default: `syncReplyToParts` (chat replies), loaded when first needed. */
  syncReply?: (body: unknown) => StreamPart[];
}

const retryableStatuses = new Set([408, 425, 429, 500, 502, 503, 504]);
const endingParts = new Set<StreamPart['type']>(['finish', 'abort']);

/** Fails the reply at once instead of retrying: the server said no in a way a retry will not change. */
class FatalError extends Error {
  constructor(readonly error: StreamkitError) {
    super(error.message);
  }
}

/**
 * The parts of one reply, kept alive across drops: a body that ends before the reply finished, a
 * network failure, or a connection idle past the watchdog is retried with backoff, resuming from the
 * last event id so no token is duplicated or lost. A server that sends no ids cannot be resumed; the
 * reply then starts over (the observer's `onRestart` says so).
 */
export async function* streamWithReconnect(options: ResilientStreamOptions): AsyncGenerator<StreamPart> {
  const { signal, observer, maxAttempts = 5, idleTimeoutMs = 45_000 } = options;
  // A provider format's decoder is a chunk of its own: the first stream that needs it waits for it
  // (a stop while it loads ends the wait); later streams find it loaded.
  let createFormatDecoder: () => StreamDecoder;
  try {
    createFormatDecoder = await untilAborted(loadDecoder(options.format), signal);
  } catch (caught) {
    // A resumed reply's response is already open: release its connection.
    await options.initialResponse?.body?.cancel().catch(() => {});
    throw caught;
  }
  let decoder = createFormatDecoder();
  let attempt = 0;
  let lastEventId: string | undefined;
  let lastNumericId = -1;
  let received = false;
  let serverRetryMs: number | undefined;

  for (;;) {
    signal.throwIfAborted();
    observer?.onConnectionChange?.({ state: attempt === 0 ? 'connecting' : 'reconnecting', attempt });
    const controller = new AbortController();
    const forwardAbort = () => controller.abort(signal.reason);
    signal.addEventListener('abort', forwardAbort, { once: true });
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    const touch = () => {
      clearTimeout(idleTimer);
      if (idleTimeoutMs > 0) idleTimer = setTimeout(() => controller.abort(idleError(idleTimeoutMs, options.url)), idleTimeoutMs);
    };

    let failure: StreamkitError;
    let retryAfterMs: number | undefined;
    try {
      touch();
      const sync = options.syncFallbackAfter !== undefined && attempt >= options.syncFallbackAfter;
      const initial = options.initialResponse;
      options.initialResponse = undefined;
      const response = initial ?? (await options.open({ lastEventId, attempt, sync, signal: controller.signal }));
      if (lastEventId !== undefined && response.status === 204) {
        throw new FatalError(new StreamkitError('stream/not-resumable', `The server has no stream to resume at ${options.url}; the reply stops at what arrived.`));
      }
      if (!response.ok) {
        const error = await readHTTPError(response);
        if (!retryableStatuses.has(response.status)) throw new FatalError(error);
        throw Object.assign(error, { retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) });
      }
      const contentType = response.headers.get('content-type') ?? '';
      if (contentType.includes('application/json')) {
        if (received) observer?.onRestart?.();
        const toParts = options.syncReply ?? (await loadSyncReply());
        yield* toParts(await response.json());
        return;
      }
      if (!contentType.includes('text/event-stream') || !response.body) {
        await response.body?.cancel().catch(() => {});
        throw new FatalError(
          new StreamkitError(
            'http/content-type',
            `Expected a text/event-stream reply from ${options.url} but got "${contentType || 'no content type'}". Check that the endpoint streams SSE and that no proxy rewrites it.`,
          ),
        );
      }

      observer?.onConnectionChange?.({ state: 'open', attempt });
      const chunks = readBody(response.body, (chunk) => {
        touch();
        observer?.onBytes?.(chunk.byteLength);
      });
      let ended = false;
      let connectionLastId = '';
      for await (const event of parseSSEStream(chunks, { signal: controller.signal, onRetry: (ms) => (serverRetryMs = ms) })) {
        // A server that ignores Last-Event-ID and replays from the start would duplicate tokens: skip
        // events whose own id was seen before. (An event without an id field inherits the last one,
        // so only an id that changed within this connection is the event's own.)
        const ownId = event.id !== connectionLastId;
        connectionLastId = event.id;
        const numericId = /^\d+$/.test(event.id) ? Number(event.id) : undefined;
        if (ownId && numericId !== undefined && numericId <= lastNumericId) continue;
        if (numericId !== undefined) lastNumericId = Math.max(lastNumericId, numericId);
        if (event.id) {
          lastEventId = event.id;
          options.onEventId?.(event.id);
        }
        received = true;
        attempt = 0;
        for (const part of decoder.decode(event)) {
          if (endingParts.has(part.type) || (part.type === 'error' && part.code === undefined)) ended = true;
          yield part;
        }
      }
      if (ended) {
        yield* decoder.end();
        return;
      }
      failure = new StreamkitError('stream/incomplete', `The stream from ${options.url} ended before the reply finished.`);
    } catch (caught) {
      if (signal.aborted) throw signal.reason;
      if (caught instanceof FatalError) throw caught.error;
      failure = toFailure(caught, controller.signal, options.url);
      retryAfterMs = (caught as { retryAfterMs?: number }).retryAfterMs;
    } finally {
      clearTimeout(idleTimer);
      signal.removeEventListener('abort', forwardAbort);
      controller.abort();
    }

    attempt++;
    if (attempt > maxAttempts) {
      throw new StreamkitError(failure.code, `${failure.message} Gave up after ${maxAttempts} reconnection attempts; what arrived is kept.`, { cause: failure });
    }
    if (received && lastEventId === undefined) {
      // Without event ids there is no place to resume from: start the reply over.
      observer?.onRestart?.();
      decoder = createFormatDecoder();
      received = false;
    }
    const delay = retryDelay(attempt, { ...options, serverDelayMs: retryAfterMs ?? serverRetryMs });
    observer?.onConnectionChange?.({ state: 'reconnecting', attempt, nextAttemptAt: Date.now() + delay });
    await sleep(delay, signal);
  }
}

/** Reading a whole JSON reply is the sync fallback's job alone, so its code is a chunk of its own. */
async function loadSyncReply(): Promise<(body: unknown) => StreamPart[]> {
  try {
    return (await loadModule('the sync-reply reader', () => import('./sync-reply.ts'))).syncReplyToParts;
  } catch (caught) {
    // Retrying the request would not bring the module.
    throw new FatalError(caught as StreamkitError);
  }
}

function idleError(ms: number, url: string): StreamkitError {
  return new StreamkitError('stream/idle-timeout', `No data from ${url} for ${Math.round(ms / 1000)} s; treating the connection as dropped.`);
}

function toFailure(caught: unknown, attemptSignal: AbortSignal, url: string): StreamkitError {
  if (attemptSignal.aborted && attemptSignal.reason instanceof StreamkitError) return attemptSignal.reason;
  if (caught instanceof HTTPError || caught instanceof StreamkitError) return caught;
  const message = caught instanceof Error ? caught.message : String(caught);
  return new StreamkitError('network/failed', `The connection to ${url} failed: ${message}.`, { cause: caught });
}

/** Waits for `promise`, unless `signal` aborts first: then rejects with the abort's reason at once. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
