import type { StreamPart } from '@streamkit/core';
import { createEncoder, type EncoderFormat } from './encoder.ts';
import type { Encoder, SSEMessage } from './encoders/types.ts';
import { formatSSEFrame } from './sse-frame.ts';

export interface SSEResponseOptions {
  /** Wire format of the body. Default: `'ui-message-stream'`. */
  format?: EncoderFormat;
  /**
   * After this many milliseconds without a write, a `: keepalive` comment goes out so that load
   * balancers and proxies do not close the idle connection (many cut at 30–60 s). `0` disables.
   * Default: `15000`.
   */
  keepaliveMs?: number;
  /** Extra response headers; they override the defaults. Default: none. */
  headers?: HeadersInit;
  /** Response status. Default: `200`. */
  status?: number;
  /**
   * Aborting it (e.g. `request.signal` when the client disconnects) cancels the producer and ends
   * the body. Default: none.
   */
  signal?: AbortSignal;
  /**
   * The `id:` of the first event; each later event carries the next integer, so a client can resume
   * from its `Last-Event-ID`. Default: `0`.
   */
  eventIdStart?: number;
  /**
   * Turns an exception thrown by the producer into the `errorText` the client sees. The default says
   * only that the stream failed: stacks and messages may leak internals. Default: a generic message.
   */
  onError?: (error: unknown) => string;
}

const GENERIC_ERROR_TEXT = 'An error occurred while streaming the response.';
const KEEPALIVE = ': keepalive\n\n';

/**
 * Serves `parts` as a server-sent event stream. The body is pull-based (a part is read from the
 * producer only when the client has taken the previous one), and the producer is cancelled (its
 * `finally` blocks run) when the client goes away.
 */
export function createSSEResponse(
  parts: AsyncIterable<StreamPart> | ReadableStream<StreamPart>,
  options: SSEResponseOptions = {},
): Response {
  const encoder = createEncoder(options.format ?? 'ui-message-stream');
  const headers = new Headers({
    'Content-Type': 'text/event-stream; charset=utf-8',
    // `no-transform` stops proxies that compress or rewrite bodies from holding chunks back.
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    // nginx buffers proxied responses unless told not to.
    'X-Accel-Buffering': 'no',
    ...encoder.headers,
  });
  new Headers(options.headers).forEach((value, name) => headers.set(name, value));
  return new Response(createSSEBody(parts, encoder, options), { status: options.status ?? 200, headers });
}

interface PartSource {
  next(): Promise<IteratorResult<StreamPart>>;
  cancel(): void;
}

function openSource(parts: AsyncIterable<StreamPart> | ReadableStream<StreamPart>): PartSource {
  if (parts instanceof ReadableStream) {
    const reader = parts.getReader();
    return {
      next: async () => {
        const result = await reader.read();
        return result.done ? { done: true, value: undefined } : { done: false, value: result.value };
      },
      cancel: () => void reader.cancel().catch(ignore),
    };
  }
  const iterator = parts[Symbol.asyncIterator]();
  return {
    next: () => iterator.next(),
    // Not awaited: a generator busy in an `await` runs its `finally` only once that await settles,
    // and the body must not wait for it.
    cancel: () => {
      try {
        void Promise.resolve(iterator.return?.()).catch(ignore);
      } catch {
        // A producer whose return() throws is already finished as far as we are concerned.
      }
    },
  };
}

function ignore(): void {}

function createSSEBody(
  parts: AsyncIterable<StreamPart> | ReadableStream<StreamPart>,
  encoder: Encoder,
  options: SSEResponseOptions,
): ReadableStream<Uint8Array> {
  const { signal, keepaliveMs = 15_000 } = options;
  const bytes = new TextEncoder();
  let nextId = options.eventIdStart ?? 0;
  let source: PartSource;
  let controller: ReadableStreamDefaultController<Uint8Array>;
  let finished = false;
  let keepaliveTimer: ReturnType<typeof setTimeout> | undefined;

  function frames(messages: SSEMessage[]): string {
    return messages.map((message) => formatSSEFrame(message, nextId++)).join('');
  }

  function write(text: string): void {
    controller.enqueue(bytes.encode(text));
    scheduleKeepalive();
  }

  function scheduleKeepalive(): void {
    if (keepaliveMs <= 0 || finished) return;
    clearTimeout(keepaliveTimer);
    keepaliveTimer = setTimeout(() => {
      // A reader that stopped reading still has bytes queued; more comments would only grow memory.
      if ((controller.desiredSize ?? 0) > 0) write(KEEPALIVE);
      else scheduleKeepalive();
    }, keepaliveMs);
  }

  function stop(): void {
    finished = true;
    clearTimeout(keepaliveTimer);
    signal?.removeEventListener('abort', onAbort);
  }

  function end(messages: SSEMessage[]): void {
    if (messages.length > 0) write(frames(messages));
    stop();
    controller.close();
  }

  function fail(error: unknown): void {
    source.cancel();
    end([...encoder.encode({ type: 'error', errorText: errorText(error) }), ...encoder.end()]);
  }

  function errorText(error: unknown): string {
    if (!options.onError) return GENERIC_ERROR_TEXT;
    try {
      return options.onError(error);
    } catch {
      return GENERIC_ERROR_TEXT;
    }
  }

  function onAbort(): void {
    if (finished) return;
    stop();
    source.cancel();
    controller.close();
  }

  return new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      source = openSource(parts);
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      scheduleKeepalive();
    },
    async pull() {
      // Loop until something is written: a pull that enqueues nothing is not called again.
      while (!finished) {
        let messages: SSEMessage[];
        try {
          const result = await source.next();
          if (finished) return;
          if (result.done) return end(encoder.end());
          messages = encoder.encode(result.value);
        } catch (error) {
          if (!finished) fail(error);
          return;
        }
        if (messages.length > 0) return write(frames(messages));
      }
    },
    cancel() {
      if (finished) return;
      stop();
      source.cancel();
    },
  });
}
