import { StreamkitError } from '@streamkit/core';
import { utf8Bytes } from './utf8-bytes.ts';

interface StreamReader {
  /** Delivers what a waiting read can take now; `comment` goes only to a read that is waiting. */
  wake(comment?: Uint8Array): void;
}

/**
 * One stream's frames and readers. Frames are numbered by position (`seq`) across drops.
 *
 * A frame is kept as text in three parallel arrays rather than as an object holding bytes: a
 * thousand streams of 500 frames are half a million frames, and this way each is one flat string
 * to the garbage collector, where a Uint8Array is a view, a buffer and memory outside the heap that
 * every collection has to sweep. Readers encode what they send.
 */
export interface StoredStream {
  readonly key: string;
  readonly headers: Record<string, string>;
  readonly abort: AbortController;
  state: 'live' | 'finished' | 'cancelled';
  /** Event id, text and UTF-8 size of each kept frame; index 0 has seq `dropped`. */
  ids: number[];
  texts: string[];
  sizes: number[];
  bytes: number;
  /** How many frames the byte bound dropped from the front. */
  dropped: number;
  lastDroppedId: number;
  /** An array, not a Set: waking them on every frame then allocates no iterator. */
  readers: StreamReader[];
  abandonTimer?: ReturnType<typeof setTimeout>;
  expiryTimer?: ReturnType<typeof setTimeout>;
}

export function createStoredStream(key: string, headers: Record<string, string>): StoredStream {
  return {
    key,
    headers,
    abort: new AbortController(),
    state: 'live',
    ids: [],
    texts: [],
    sizes: [],
    bytes: 0,
    dropped: 0,
    lastDroppedId: -Infinity,
    readers: [],
  };
}

/** UTF-8 length of `text` without encoding it (a lone surrogate counts as U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: two code units, four bytes.
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** Stores a frame, dropping the oldest ones beyond `maxBytes` (the newest is always kept). */
export function pushFrame(stream: StoredStream, id: number, text: string, maxBytes: number): void {
  const size = utf8Length(text);
  stream.ids.push(id);
  stream.texts.push(text);
  stream.sizes.push(size);
  stream.bytes += size;
  while (stream.bytes > maxBytes && stream.texts.length > 1) {
    stream.lastDroppedId = stream.ids.shift()!;
    stream.texts.shift();
    stream.bytes -= stream.sizes.shift()!;
    stream.dropped++;
  }
  wakeReaders(stream);
}

export function wakeReaders(stream: StoredStream, comment?: Uint8Array): void {
  // A reader may detach while it is woken (it reads the end), so walk a copy when there are several.
  const readers = stream.readers.length === 1 ? stream.readers : stream.readers.slice();
  for (let i = 0; i < readers.length; i++) readers[i]!.wake(comment);
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
  const index = stream.ids.findIndex((id) => id > last);
  return stream.dropped + (index === -1 ? stream.ids.length : index);
}

export function hasFramesFrom(stream: StoredStream, seq: number): boolean {
  return seq < stream.dropped + stream.texts.length;
}

function framesFrom(stream: StoredStream, seq: number): string {
  const { texts } = stream;
  const start = seq - stream.dropped;
  if (start === texts.length - 1) return texts[start]!;
  let text = '';
  for (let i = start; i < texts.length; i++) text += texts[i];
  return text;
}

/**
 * A reader from `seq` on: stored frames first, then live ones as they are appended, ending when the
 * stream is no longer live and every frame was read. A read takes every frame stored since the
 * last one as one chunk (a replay is one write, not one per frame). It pulls only when read (high-
 * water mark 0), so frames are never copied into a queue and comments reach only reads that wait.
 * A read that finds nothing waits for the writer, which hands it the next frame from within
 * `append` itself: one promise per wait and no other. Aborting `signal` ends the reader.
 */
export function readStoredStream(
  stream: StoredStream,
  seq: number,
  onDetach: () => void,
  signal?: AbortSignal,
): ReadableStream<Uint8Array> {
  let controller: ReadableStreamDefaultController<Uint8Array>;
  let waiting: (() => void) | undefined;
  let detached = false;
  const capture = (resolve: () => void) => {
    waiting = resolve;
  };
  const detach = () => {
    if (detached) return;
    detached = true;
    stream.readers.splice(stream.readers.indexOf(reader), 1);
    signal?.removeEventListener('abort', onAbort);
    onDetach();
  };
  const release = () => {
    const resolve = waiting;
    waiting = undefined;
    resolve?.();
  };
  const onAbort = () => {
    if (detached) return;
    detach();
    controller.close();
    release();
  };

  /** Enqueues the frames after `seq`, or the end or error of the stream: false when there is nothing yet. */
  const deliver = (): boolean => {
    if (seq < stream.dropped) {
      detach();
      controller.error(
        new StreamkitError(
          'stream/overflow',
          `The reader of stream "${stream.key}" fell more than the store's maxBytesPerStream behind; the frames it needed were dropped.`,
        ),
      );
      return true;
    }
    if (hasFramesFrom(stream, seq)) {
      controller.enqueue(utf8Bytes(framesFrom(stream, seq)));
      seq = stream.dropped + stream.texts.length;
      return true;
    }
    if (stream.state !== 'live') {
      detach();
      controller.close();
      return true;
    }
    return false;
  };

  const reader: StreamReader = {
    wake(comment) {
      if (!waiting || detached) return;
      if (comment) controller.enqueue(comment);
      else if (!deliver()) return;
      release();
    },
  };
  stream.readers.push(reader);

  return new ReadableStream<Uint8Array>(
    {
      start(streamController) {
        controller = streamController;
        if (signal?.aborted) onAbort();
        else signal?.addEventListener('abort', onAbort, { once: true });
      },
      pull() {
        if (detached || deliver()) return;
        return new Promise<void>(capture);
      },
      cancel() {
        detach();
        release();
      },
    },
    { highWaterMark: 0 },
  );
}
