import type { StreamPart } from '@streamkit/core';
import type { Encoder, SSEMessage } from './encoders/types.ts';
import { errorText } from './error-text.ts';
import { startIdleTimer, type IdleTimer } from './idle-timer.ts';
import { openPartSource, type PartSource } from './part-source.ts';
import { formatSSEFrame, KEEPALIVE_COMMENT } from './sse-frame.ts';
import { utf8Bytes } from './utf8-bytes.ts';

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
  let nextId = options.eventIdStart;
  let source: PartSource;
  let controller: ReadableStreamDefaultController<Uint8Array>;
  let finished = false;
  let keepalive: IdleTimer | undefined;

  function frames(messages: SSEMessage[]): string {
    let text = '';
    for (const message of messages) text += formatSSEFrame(message, nextId++);
    return text;
  }

  function write(text: string): void {
    controller.enqueue(utf8Bytes(text));
    keepalive?.touch();
  }

  function stop(): void {
    finished = true;
    keepalive?.stop();
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

  // Promise callbacks made once, not an async function per pull: with thousands of streams, the
  // promises an `await` makes per event and holds while it waits are most of the garbage.
  function readPart(): Promise<void> | void {
    try {
      return source.next().then(onPart, onError);
    } catch (error) {
      onError(error);
    }
  }

  function onPart(result: IteratorResult<StreamPart>): Promise<void> | void {
    if (finished) return;
    let messages: SSEMessage[];
    try {
      if (result.done) return end(encoder.end());
      messages = encoder.encode(result.value);
    } catch (error) {
      return onError(error);
    }
    // Read on until something is written: a pull that enqueues nothing is not called again.
    return messages.length > 0 ? write(frames(messages)) : readPart();
  }

  function onError(error: unknown): void {
    if (!finished) fail(error);
  }

  return new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      source = openPartSource(parts);
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      keepalive = startIdleTimer(keepaliveMs, () => {
        // A reader that stopped reading still has bytes queued; more comments would only grow memory.
        if ((controller.desiredSize ?? 0) > 0) write(KEEPALIVE_COMMENT);
      });
    },
    pull() {
      if (!finished) return readPart();
    },
    cancel() {
      if (finished) return;
      stop();
      source.cancel();
    },
  });
}
