import type { StreamPart } from '@streamkit/core';
import type { Encoder, SSEMessage } from './encoders/types.ts';
import { errorText } from './error-text.ts';
import { openPartSource, type PartSource } from './part-source.ts';
import { formatSSEFrame, KEEPALIVE_COMMENT } from './sse-frame.ts';

export interface SSEBodyOptions {
  keepaliveMs: number;
  eventIdStart: number;
  signal?: AbortSignal;
  onError?: (error: unknown) => string;
}

/**
 * The body of a plain (not resumable) SSE response. It is pull-based: a part is read from the
 * producer only when the client has taken the previous one, and the producer is cancelled (its
 * `finally` blocks run) when the client goes away or `signal` aborts.
 */
export function createSSEBody(
  parts: AsyncIterable<StreamPart> | ReadableStream<StreamPart>,
  encoder: Encoder,
  options: SSEBodyOptions,
): ReadableStream<Uint8Array> {
  const { signal, keepaliveMs } = options;
  const bytes = new TextEncoder();
  let nextId = options.eventIdStart;
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
      if ((controller.desiredSize ?? 0) > 0) write(KEEPALIVE_COMMENT);
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
    end([...encoder.encode({ type: 'error', errorText: errorText(error, options.onError) }), ...encoder.end()]);
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
      source = openPartSource(parts);
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
