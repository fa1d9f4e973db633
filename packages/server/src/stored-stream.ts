import { StreamkitError } from '@streamkit/core';

interface StoredFrame {
  id: number;
  bytes: Uint8Array;
}

interface StreamReader {
  /** Settles the reader's pending wait, if it has one; `comment` is sent only to waiting readers. */
  wake(comment?: Uint8Array): void;
}

/** One stream's frames and readers. Frames are numbered by position (`seq`) across drops. */
export interface StoredStream {
  readonly key: string;
  readonly headers: Record<string, string>;
  readonly abort: AbortController;
  state: 'live' | 'finished' | 'cancelled';
  frames: StoredFrame[];
  bytes: number;
  /** How many frames the byte bound dropped from the front; `frames[0]` has seq `dropped`. */
  dropped: number;
  lastDroppedId: number;
  readers: Set<StreamReader>;
  abandonTimer?: ReturnType<typeof setTimeout>;
  expiryTimer?: ReturnType<typeof setTimeout>;
}

export function createStoredStream(key: string, headers: Record<string, string>): StoredStream {
  return {
    key,
    headers,
    abort: new AbortController(),
    state: 'live',
    frames: [],
    bytes: 0,
    dropped: 0,
    lastDroppedId: -Infinity,
    readers: new Set(),
  };
}

/** Stores a frame, dropping the oldest ones beyond `maxBytes` (the newest is always kept). */
export function pushFrame(stream: StoredStream, id: number, bytes: Uint8Array, maxBytes: number): void {
  stream.frames.push({ id, bytes });
  stream.bytes += bytes.byteLength;
  while (stream.bytes > maxBytes && stream.frames.length > 1) {
    const oldest = stream.frames.shift()!;
    stream.bytes -= oldest.bytes.byteLength;
    stream.dropped++;
    stream.lastDroppedId = oldest.id;
  }
  wakeReaders(stream);
}

export function wakeReaders(stream: StoredStream, comment?: Uint8Array): void {
  for (const reader of stream.readers) reader.wake(comment);
}

/**
 * The seq to replay from for a client whose last event was `lastEventId`, or `undefined` when this
 * stream cannot continue it exactly (an id that is not ours, or frames it needs were dropped).
 */
export function resumePosition(stream: StoredStream, lastEventId: string | undefined): number | undefined {
  const text = lastEventId?.trim() ?? '';
  if (text !== '' && !/^-?\d+$/.test(text)) return undefined;
  const last = text === '' ? -Infinity : Number(text);
  if (stream.dropped > 0 && last < stream.lastDroppedId) return undefined;
  const index = stream.frames.findIndex((frame) => frame.id > last);
  return stream.dropped + (index === -1 ? stream.frames.length : index);
}

export function hasFramesFrom(stream: StoredStream, seq: number): boolean {
  return seq < stream.dropped + stream.frames.length;
}

/**
 * A reader from `seq` on: stored frames first, then live ones as they are appended, ending when the
 * stream is no longer live and every frame was read. It pulls one frame per read (high-water mark
 * 0), so frames are never copied into a queue and comments reach only readers that are waiting.
 */
export function readStoredStream(stream: StoredStream, seq: number, onDetach: () => void): ReadableStream<Uint8Array> {
  let wait: ((comment?: Uint8Array) => void) | undefined;
  let detached = false;
  const reader: StreamReader = {
    wake(comment) {
      const resolve = wait;
      wait = undefined;
      resolve?.(comment);
    },
  };
  const detach = () => {
    if (detached) return;
    detached = true;
    stream.readers.delete(reader);
    onDetach();
  };
  stream.readers.add(reader);

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        for (;;) {
          if (seq < stream.dropped) {
            detach();
            controller.error(
              new StreamkitError(
                'stream/overflow',
                `The reader of stream "${stream.key}" fell more than the store's maxBytesPerStream behind; the frames it needed were dropped.`,
              ),
            );
            return;
          }
          const frame = stream.frames[seq - stream.dropped];
          if (frame) {
            seq++;
            controller.enqueue(frame.bytes);
            return;
          }
          if (stream.state !== 'live') {
            detach();
            controller.close();
            return;
          }
          const comment = await new Promise<Uint8Array | undefined>((resolve) => (wait = resolve));
          if (detached) return;
          if (comment) return controller.enqueue(comment);
        }
      },
      cancel() {
        detach();
        reader.wake();
      },
    },
    { highWaterMark: 0 },
  );
}
