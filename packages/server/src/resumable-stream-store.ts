import { StreamkitError } from '@streamkit/core';
import type { ResumableStreamStore, ResumableStreamWriter } from './resumable-stream.ts';
import {
  createStoredStream,
  hasFramesFrom,
  pushFrame,
  readStoredStream,
  resumePosition,
  wakeReaders,
  type StoredStream,
} from './stored-stream.ts';
import { utf8Bytes } from './utf8-bytes.ts';

export interface ResumableStreamStoreOptions {
  /** How long a finished stream can still be resumed, in ms after it ends; `Infinity` keeps it until evicted. Default: `300000` (5 min). */
  ttlMs?: number;
  /**
   * Most streams kept. Starting one more forgets the stream that finished longest ago; streams still
   * being generated are never evicted, so the count can exceed this while that many are live.
   * Default: `1000`.
   */
  maxStreams?: number;
  /**
   * Most bytes of frames kept per stream. Beyond it the oldest frames are dropped: a client that
   * still needs them cannot resume (it gets nothing rather than a reply with a hole), and a reader
   * that falls that far behind errors. 1 MiB holds about 12 000 ui-message-stream text deltas.
   * Default: `1048576`.
   */
  maxBytesPerStream?: number;
  /**
   * A live stream that nobody reads for this many ms (its client dropped and never came back) is
   * cancelled, so an abandoned reply does not keep a model running; `Infinity` never cancels.
   * Default: `60000`.
   */
  abandonAfterMs?: number;
}

/** The in-memory store, with `clear()` for shutdown and tests. */
export interface InMemoryResumableStreamStore extends ResumableStreamStore {
  /** Cancels every live stream and forgets them all. */
  clear(): void;
}

const minimum = { ttlMs: 0, maxStreams: 1, maxBytesPerStream: 1, abandonAfterMs: 0 };

function checkOptions(settings: typeof minimum): void {
  const problems = (Object.keys(minimum) as (keyof typeof minimum)[])
    .filter((name) => !(settings[name] >= minimum[name]))
    .map((name) => `${name} must be a number ≥ ${minimum[name]} (got ${settings[name]})`);
  if (problems.length > 0) {
    throw new StreamkitError('options/invalid', `createResumableStreamStore: ${problems.join('; ')}.`);
  }
}

/** Timers of a store must not keep a Node process alive on their own. */
function later(ms: number, run: () => void): ReturnType<typeof setTimeout> | undefined {
  if (!Number.isFinite(ms)) return undefined;
  const timer = setTimeout(run, ms);
  (timer as { unref?: () => void }).unref?.();
  return timer;
}

/**
 * A resumable-stream store in this process's memory: each stream's SSE frames are kept while it is
 * generated and for `ttlMs` after, so a client whose connection dropped can `resume` from its
 * `Last-Event-ID`. For several server instances, use a shared store with the same interface.
 */
export function createResumableStreamStore(options: ResumableStreamStoreOptions = {}): InMemoryResumableStreamStore {
  const settings = {
    ttlMs: options.ttlMs ?? 300_000,
    maxStreams: options.maxStreams ?? 1000,
    maxBytesPerStream: options.maxBytesPerStream ?? 1_048_576,
    abandonAfterMs: options.abandonAfterMs ?? 60_000,
  };
  checkOptions(settings);
  const streams = new Map<string, StoredStream>();
  // In the order they finished, so the first one is the next to evict.
  const finished = new Set<StoredStream>();

  function forget(stream: StoredStream): void {
    clearTimeout(stream.abandonTimer);
    clearTimeout(stream.expiryTimer);
    finished.delete(stream);
    if (streams.get(stream.key) === stream) streams.delete(stream.key);
  }

  function cancel(stream: StoredStream, why: string): boolean {
    forget(stream);
    if (stream.state !== 'live') return false;
    stream.state = 'cancelled';
    wakeReaders(stream);
    stream.abort.abort(new DOMException(`The resumable stream "${stream.key}" was cancelled: ${why}.`, 'AbortError'));
    return true;
  }

  function watchForAbandonment(stream: StoredStream): void {
    clearTimeout(stream.abandonTimer);
    if (stream.state !== 'live' || stream.readers.length > 0) return;
    stream.abandonTimer = later(settings.abandonAfterMs, () =>
      cancel(stream, `nobody read it for ${settings.abandonAfterMs} ms`),
    );
  }

  function reader(stream: StoredStream, seq: number, signal?: AbortSignal): ReadableStream<Uint8Array> {
    // Before the reader attaches: a signal already aborted detaches it at once, and that restarts the count.
    clearTimeout(stream.abandonTimer);
    return readStoredStream(stream, seq, () => watchForAbandonment(stream), signal);
  }

  function writer(stream: StoredStream): ResumableStreamWriter {
    const live = () => stream.state === 'live';
    return {
      signal: stream.abort.signal,
      append(id, frame) {
        if (live()) pushFrame(stream, id, frame, settings.maxBytesPerStream);
      },
      comment(text) {
        if (live()) wakeReaders(stream, utf8Bytes(text));
      },
      finish() {
        if (!live()) return;
        stream.state = 'finished';
        clearTimeout(stream.abandonTimer);
        finished.add(stream);
        stream.expiryTimer = later(settings.ttlMs, () => forget(stream));
        wakeReaders(stream);
      },
      read(signal) {
        return reader(stream, 0, signal);
      },
    };
  }

  return {
    start(key, startOptions = {}) {
      const older = streams.get(key);
      if (older) cancel(older, 'a newer stream started for the same key');
      for (const oldest of finished) {
        if (streams.size < settings.maxStreams) break;
        forget(oldest);
      }
      const stream = createStoredStream(key, startOptions.headers ?? {});
      streams.set(key, stream);
      watchForAbandonment(stream);
      return writer(stream);
    },
    async resume(key, lastEventId) {
      const stream = streams.get(key);
      if (!stream) return undefined;
      const seq = resumePosition(stream, lastEventId);
      if (seq === undefined || (stream.state !== 'live' && !hasFramesFrom(stream, seq))) return undefined;
      return { body: reader(stream, seq), headers: stream.headers };
    },
    async cancel(key) {
      const stream = streams.get(key);
      return stream ? cancel(stream, 'stopped') : false;
    },
    clear() {
      for (const stream of [...streams.values()]) cancel(stream, 'the store was cleared');
    },
  };
}
