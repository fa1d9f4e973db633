import { createSSEParser } from './sse-parser.ts';
import type { SSEEvent } from './types.ts';

/** Options for {@link parseSSEStream}. */
export interface ParseSSEStreamOptions {
  /**
   * Aborting ends the iteration by throwing `signal.reason` (as `fetch` does) and cancels the source.
   * Default: none.
   */
  signal?: AbortSignal;
  /** Called for each comment line, without the colon and one following space. Default: none. */
  onComment?(text: string): void;
  /** Called for each valid `retry:` field, in milliseconds. Default: none. */
  onRetry?(ms: number): void;
}

type Chunk = Uint8Array | string;

/** A pull source over either input kind, so the loop below has one shape. */
interface Source {
  read(): Promise<IteratorResult<Chunk>>;
  /** Releases the source early (consumer stopped, abort, error). Never rejects. */
  cancel(reason: unknown): Promise<void>;
  /** Releases the source after it ended normally. */
  close(): void;
}

/**
 * Parses a `text/event-stream` body into events.
 *
 * Bytes are decoded inside the parser: piping through a `TextDecoderStream` first would add a second stream,
 * with its own promise per chunk, for no gain. The events of one chunk are yielded before the next chunk is
 * read. Leaving the loop early (`break`, `return`, a throw) or aborting cancels the source, so a fetch
 * body's connection is released.
 */
export async function* parseSSEStream(
  body: ReadableStream<Uint8Array> | AsyncIterable<Chunk>,
  options: ParseSSEStreamOptions = {},
): AsyncGenerator<SSEEvent, void, undefined> {
  const { signal, onComment, onRetry } = options;
  const events: SSEEvent[] = [];
  const parser = createSSEParser({ onEvent: (event) => events.push(event), onComment, onRetry });
  const source = openSource(body);

  // A pending read can't be interrupted by the reader alone when the source is a plain async iterable,
  // so each read is wrapped in a promise that the abort listener rejects. (Racing every read against one
  // shared abort promise would pile up a reaction per chunk on it for the whole stream.)
  let rejectRead: ((reason: unknown) => void) | undefined;
  const onAbort = (): void => rejectRead?.(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const read = (): Promise<IteratorResult<Chunk>> =>
    signal === undefined
      ? source.read()
      : new Promise((resolve, reject) => {
          rejectRead = reject;
          source.read().then(resolve, reject);
        });

  let finished = false;
  try {
    signal?.throwIfAborted();
    for (;;) {
      const result = await read();
      if (result.done) break;
      parser.feed(result.value);
      for (let i = 0; i < events.length; i++) {
        yield events[i]!;
        signal?.throwIfAborted();
      }
      events.length = 0;
    }
    parser.end();
    finished = true;
    source.close();
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (!finished) await source.cancel(signal?.aborted ? signal.reason : undefined);
  }
}

function openSource(body: ReadableStream<Uint8Array> | AsyncIterable<Chunk>): Source {
  if ('getReader' in body && typeof body.getReader === 'function') {
    const reader = body.getReader();
    return {
      read: () => reader.read() as Promise<IteratorResult<Chunk>>,
      async cancel(reason) {
        // cancel() settles pending reads, after which the lock can be released; a source whose own
        // cancel fails has nothing more to give us, so that error is not the consumer's concern.
        await reader.cancel(reason).catch(() => {});
        reader.releaseLock();
      },
      close: () => reader.releaseLock(),
    };
  }
  const iterator = (body as AsyncIterable<Chunk>)[Symbol.asyncIterator]();
  let reading = false;
  return {
    read() {
      reading = true;
      return iterator.next().finally(() => {
        reading = false;
      });
    },
    async cancel() {
      const done = Promise.resolve(iterator.return?.()).catch(() => {});
      // After an abort a next() may still be pending, and an async generator queues return() behind it:
      // waiting for a source that never answers would turn the abort into a hang.
      if (!reading) await done;
    },
    close: () => {},
  };
}
