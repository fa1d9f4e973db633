import type { StreamPart } from '@streamkit/core';
import { createEncoder, type EncoderFormat } from './encoder.ts';
import { createResumableSSEBody, type ResumableOptions } from './resumable-sse-body.ts';
import { createSSEBody } from './sse-body.ts';
import { sseHeaders } from './sse-headers.ts';

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
   * Aborting it (e.g. `request.signal` when the client disconnects) ends the body. Without
   * `resumable` it also cancels the producer; with it the producer keeps going into the store.
   * Default: none.
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
  /**
   * Makes the reply resumable: every frame (not keepalives) is written to `store` under `key`, and
   * the body is one reader of it. The producer then runs at its own pace, not the client's, and
   * survives a dropped connection so that `createResumeResponse` can serve the rest; it stops when
   * the store cancels the stream: `store.cancel(key)` (an explicit stop), a newer stream for the
   * key, or nobody reading it for the store's `abandonAfterMs` (default 60 s). Default: none.
   */
  resumable?: ResumableOptions;
}

/** Serves `parts` as a server-sent event stream in the chosen wire format. */
export function createSSEResponse(
  parts: AsyncIterable<StreamPart> | ReadableStream<StreamPart>,
  options: SSEResponseOptions = {},
): Response {
  const encoder = createEncoder(options.format ?? 'ui-message-stream');
  const bodyOptions = {
    keepaliveMs: options.keepaliveMs ?? 15_000,
    eventIdStart: options.eventIdStart ?? 0,
    signal: options.signal,
    onError: options.onError,
  };
  const body = options.resumable
    ? createResumableSSEBody(parts, encoder, bodyOptions, options.resumable)
    : createSSEBody(parts, encoder, bodyOptions);
  return new Response(body, { status: options.status ?? 200, headers: sseHeaders(encoder.headers, options.headers) });
}
