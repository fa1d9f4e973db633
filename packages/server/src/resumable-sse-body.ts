import type { StreamPart } from '@streamkit/core';
import type { Encoder, SSEMessage } from './encoders/types.ts';
import { errorText } from './error-text.ts';
import { followStream } from './follow-stream.ts';
import { startIdleTimer } from './idle-timer.ts';
import { openPartSource } from './part-source.ts';
import type { ResumableStreamStore, ResumableStreamWriter } from './resumable-stream.ts';
import type { SSEBodyOptions } from './sse-body.ts';
import { formatSSEFrame, KEEPALIVE_COMMENT } from './sse-frame.ts';

export interface ResumableOptions {
  store: ResumableStreamStore;
  /** The stream key, usually the chat id; the client resumes with `GET …/{chatId}/stream`. */
  key: string;
  /**
   * Called when the store cancels the stream (an explicit stop, a newer stream for the key, or
   * nobody reading it for the store's `abandonAfterMs`), just before the producer is cancelled.
   * Abort the model call here: a producer waiting on it would otherwise stop only at its next part.
   * Default: none.
   */
  onCancel?: () => void;
}

/**
 * Runs the producer into the store, whatever the client does, and returns the HTTP body as one
 * reader of the stored stream. A client that disconnects only loses its reader; the producer stops
 * when the store cancels the stream.
 */
export function createResumableSSEBody(
  parts: AsyncIterable<StreamPart> | ReadableStream<StreamPart>,
  encoder: Encoder,
  options: SSEBodyOptions,
  resumable: ResumableOptions,
): ReadableStream<Uint8Array> {
  const writer = resumable.store.start(resumable.key, { headers: encoder.headers });
  // Only an encoder that throws on the error part itself gets here; end the stream rather than leave readers waiting.
  produce(parts, encoder, writer, options, resumable.onCancel).catch(() => writer.finish());
  if (writer.read) return writer.read(options.signal);
  const stored = resumable.store.resume(resumable.key).then((resumed) => resumed?.body);
  return followStream(stored, options.signal);
}

async function produce(
  parts: AsyncIterable<StreamPart> | ReadableStream<StreamPart>,
  encoder: Encoder,
  writer: ResumableStreamWriter,
  options: SSEBodyOptions,
  onCancel: (() => void) | undefined,
): Promise<void> {
  const source = openPartSource(parts);
  let nextId = options.eventIdStart;
  const keepalive = startIdleTimer(options.keepaliveMs, () => writer.comment(KEEPALIVE_COMMENT));
  const append = (messages: SSEMessage[]) => {
    for (const message of messages) writer.append(nextId, formatSSEFrame(message, nextId++));
    keepalive.touch();
  };
  // A flag rather than `signal.aborted` after every part: that getter validates its receiver each time.
  let cancelled = writer.signal.aborted;
  writer.signal.addEventListener(
    'abort',
    () => {
      cancelled = true;
      keepalive.stop();
      onCancel?.();
      source.cancel();
    },
    { once: true },
  );

  try {
    for (;;) {
      // Not raced against the abort: one shared promise would gain a reaction per part. A producer
      // parked in an await only delays this function's end; the store already ignores its writes.
      const result = await source.next();
      if (cancelled) return;
      if (result.done) break;
      append(encoder.encode(result.value));
    }
    append(encoder.end());
  } catch (error) {
    if (cancelled) return;
    source.cancel();
    append([...encoder.encode({ type: 'error', errorText: errorText(error, options.onError) }), ...encoder.end()]);
  } finally {
    keepalive.stop();
  }
  writer.finish();
}
