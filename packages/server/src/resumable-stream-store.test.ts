import { StreamkitError } from '@streamkit/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ResumableStreamStore, ResumableStreamWriter } from './resumable-stream.ts';
import { createResumableStreamStore } from './resumable-stream-store.ts';

const decoder = new TextDecoder();

const frame = (id: number, data = `e${id}`) => `id: ${id}\ndata: ${data}\n\n`;

/** A stream with one frame, finished. */
function storeOneFrame(store: ResumableStreamStore, key: string, options?: Parameters<ResumableStreamStore['start']>[1]): void {
  const writer = store.start(key, options);
  writer.append(0, frame(0));
  writer.finish();
}

function writeFrames(writer: ResumableStreamWriter, ids: number[]): void {
  for (const id of ids) writer.append(id, frame(id));
}

async function readAll(body: ReadableStream<Uint8Array> | undefined): Promise<string> {
  if (!body) throw new Error('expected a stream');
  return new Response(body).text();
}

async function resumeText(store: ResumableStreamStore, key: string, lastEventId?: string): Promise<string> {
  return readAll((await store.resume(key, lastEventId))?.body);
}

async function readChunk(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string | undefined> {
  const { done, value } = await reader.read();
  return done ? undefined : decoder.decode(value);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createResumableStreamStore', () => {
  it('replays every frame from the start when there is no last event id', async () => {
    const store = createResumableStreamStore();
    const writer = store.start('chat-1');
    writeFrames(writer, [0, 1, 2]);
    writer.finish();
    expect(await resumeText(store, 'chat-1')).toBe(frame(0) + frame(1) + frame(2));
    expect(await resumeText(store, 'chat-1', '')).toBe(frame(0) + frame(1) + frame(2));
  });

  it('replays only the frames after the last event id', async () => {
    const store = createResumableStreamStore();
    const writer = store.start('chat-1');
    writeFrames(writer, [0, 1, 2, 3]);
    writer.finish();
    expect(await resumeText(store, 'chat-1', '1')).toBe(frame(2) + frame(3));
  });

  it('replays the stored frames, then follows live ones until the stream finishes', async () => {
    const store = createResumableStreamStore();
    const writer = store.start('chat-1');
    writeFrames(writer, [0, 1]);
    const reader = (await store.resume('chat-1', '0'))!.body.getReader();
    expect(await readChunk(reader)).toBe(frame(1));
    const next = readChunk(reader);
    writer.append(2, frame(2));
    expect(await next).toBe(frame(2));
    const end = readChunk(reader);
    writer.finish();
    expect(await end).toBeUndefined();
  });

  it('gives several readers of one stream every frame each', async () => {
    const store = createResumableStreamStore();
    const writer = store.start('chat-1');
    writer.append(0, frame(0));
    const first = readAll((await store.resume('chat-1'))?.body);
    const second = readAll((await store.resume('chat-1'))?.body);
    const late = readAll((await store.resume('chat-1', '0'))?.body);
    writeFrames(writer, [1, 2]);
    writer.finish();
    expect(await first).toBe(frame(0) + frame(1) + frame(2));
    expect(await second).toBe(frame(0) + frame(1) + frame(2));
    expect(await late).toBe(frame(1) + frame(2));
  });

  it('replays the stored frames as one chunk', async () => {
    const store = createResumableStreamStore();
    const writer = store.start('chat-1');
    writeFrames(writer, [0, 1, 2]);
    const reader = (await store.resume('chat-1'))!.body.getReader();
    expect(await readChunk(reader)).toBe(frame(0) + frame(1) + frame(2));
    await reader.cancel();
  });

  it('gives the writer a reader from the first frame at once, which follows the live stream', async () => {
    const store = createResumableStreamStore();
    const writer = store.start('chat-1');
    writer.append(0, frame(0));
    const text = readAll(writer.read!());
    writeFrames(writer, [1, 2]);
    writer.finish();
    expect(await text).toBe(frame(0) + frame(1) + frame(2));
  });

  it('ends a writer’s reader when its signal aborts, leaving the stream live', async () => {
    const store = createResumableStreamStore();
    const writer = store.start('chat-1');
    const abort = new AbortController();
    const reader = writer.read!(abort.signal).getReader();
    writer.append(0, frame(0));
    expect(await readChunk(reader)).toBe(frame(0));
    const end = readChunk(reader);
    abort.abort();
    expect(await end).toBeUndefined();
    expect(writer.signal.aborted).toBe(false);
    writeFrames(writer, [1]);
    writer.finish();
    expect(await resumeText(store, 'chat-1', '0')).toBe(frame(1));
  });

  it('counts a writer’s reader as reading: no abandonment until it leaves', async () => {
    vi.useFakeTimers();
    const store = createResumableStreamStore({ abandonAfterMs: 1000 });
    const writer = store.start('chat-1');
    const abort = new AbortController();
    writer.read!(abort.signal);
    await vi.advanceTimersByTimeAsync(5000);
    expect(writer.signal.aborted).toBe(false);
    abort.abort();
    await vi.advanceTimersByTimeAsync(1000);
    expect(writer.signal.aborted).toBe(true);
  });

  it('abandons a stream whose only reader came with a signal already aborted', async () => {
    vi.useFakeTimers();
    const store = createResumableStreamStore({ abandonAfterMs: 1000 });
    const writer = store.start('chat-1');
    writer.read!(AbortSignal.abort());
    await vi.advanceTimersByTimeAsync(1000);
    expect(writer.signal.aborted).toBe(true);
  });

  it('returns the headers given at start with the resumed stream', async () => {
    const store = createResumableStreamStore();
    storeOneFrame(store, 'chat-1', { headers: { 'x-vercel-ai-ui-message-stream': 'v1' } });
    expect((await store.resume('chat-1'))?.headers).toEqual({ 'x-vercel-ai-ui-message-stream': 'v1' });
  });

  it('finds nothing for a key it never saw', async () => {
    expect(await createResumableStreamStore().resume('nope')).toBeUndefined();
  });

  it('finds nothing when the client already has every frame of a finished stream', async () => {
    const store = createResumableStreamStore();
    const writer = store.start('chat-1');
    writeFrames(writer, [0, 1]);
    writer.finish();
    expect(await store.resume('chat-1', '1')).toBeUndefined();
  });

  it('follows a live stream even when the client has every frame so far', async () => {
    const store = createResumableStreamStore();
    const writer = store.start('chat-1');
    writeFrames(writer, [0, 1]);
    const text = resumeText(store, 'chat-1', '1');
    writer.append(2, frame(2));
    writer.finish();
    expect(await text).toBe(frame(2));
  });

  it('finds nothing for a last event id that is not a number', async () => {
    const store = createResumableStreamStore();
    writeFrames(store.start('chat-1'), [0]);
    expect(await store.resume('chat-1', 'abc')).toBeUndefined();
  });

  it('keeps a finished stream for ttlMs after it ends, then forgets it', async () => {
    vi.useFakeTimers();
    const store = createResumableStreamStore({ ttlMs: 1000 });
    const writer = store.start('chat-1');
    writeFrames(writer, [0]);
    await vi.advanceTimersByTimeAsync(5000);
    writer.finish();
    await vi.advanceTimersByTimeAsync(999);
    expect(await resumeText(store, 'chat-1')).toBe(frame(0));
    await vi.advanceTimersByTimeAsync(1);
    expect(await store.resume('chat-1')).toBeUndefined();
  });

  it('keeps a finished stream for 5 minutes by default', async () => {
    vi.useFakeTimers();
    const store = createResumableStreamStore();
    const writer = store.start('chat-1');
    writeFrames(writer, [0]);
    writer.finish();
    await vi.advanceTimersByTimeAsync(299_999);
    expect(await store.resume('chat-1')).toBeDefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(await store.resume('chat-1')).toBeUndefined();
  });

  it('cancels a live stream on cancel(): its signal aborts, readers end and nothing is left to resume', async () => {
    const store = createResumableStreamStore();
    const writer = store.start('chat-1');
    writeFrames(writer, [0]);
    const text = resumeText(store, 'chat-1');
    expect(await store.cancel('chat-1')).toBe(true);
    expect(writer.signal.aborted).toBe(true);
    expect(writer.signal.reason).toMatchObject({ name: 'AbortError' });
    expect(await text).toBe(frame(0));
    expect(await store.resume('chat-1')).toBeUndefined();
    writer.append(1, frame(1));
    expect(await store.resume('chat-1')).toBeUndefined();
  });

  it('answers cancel() with false when no stream is being generated for the key', async () => {
    const store = createResumableStreamStore();
    expect(await store.cancel('nope')).toBe(false);
    const writer = store.start('chat-1');
    writer.finish();
    expect(await store.cancel('chat-1')).toBe(false);
    expect(writer.signal.aborted).toBe(false);
    expect(await store.resume('chat-1')).toBeUndefined();
  });

  it('cancels and replaces an older stream for the same key', async () => {
    const store = createResumableStreamStore();
    const older = store.start('chat-1');
    writeFrames(older, [0, 1]);
    const newer = store.start('chat-1');
    expect(older.signal.aborted).toBe(true);
    newer.append(0, frame(0, 'new'));
    newer.finish();
    older.append(2, frame(2));
    expect(await resumeText(store, 'chat-1')).toBe(frame(0, 'new'));
  });

  it('evicts the stream that finished longest ago when maxStreams is reached', async () => {
    const store = createResumableStreamStore({ maxStreams: 2 });
    const a = store.start('a');
    storeOneFrame(store, 'b');
    writeFrames(a, [0]);
    a.finish();
    storeOneFrame(store, 'c');
    expect(await store.resume('b')).toBeUndefined();
    expect(await store.resume('a')).toBeDefined();
    expect(await store.resume('c')).toBeDefined();
  });

  it('never evicts a stream that is still being generated', async () => {
    const store = createResumableStreamStore({ maxStreams: 1 });
    const a = store.start('a');
    const b = store.start('b');
    expect(a.signal.aborted).toBe(false);
    expect(await store.resume('a')).toBeDefined();
    expect(await store.resume('b')).toBeDefined();
    b.finish();
  });

  it('keeps 1000 streams by default', async () => {
    const store = createResumableStreamStore();
    for (let i = 0; i < 1001; i++) storeOneFrame(store, `chat-${i}`);
    expect(await store.resume('chat-0')).toBeUndefined();
    expect(await store.resume('chat-1')).toBeDefined();
  });

  it('drops the oldest frames beyond maxBytesPerStream; a resume that needs them finds nothing', async () => {
    const store = createResumableStreamStore({ maxBytesPerStream: frame(0).length * 2 });
    const writer = store.start('chat-1');
    writeFrames(writer, [0, 1, 2, 3]);
    expect(await store.resume('chat-1')).toBeUndefined();
    expect(await store.resume('chat-1', '0')).toBeUndefined();
    writer.finish();
    expect(await resumeText(store, 'chat-1', '1')).toBe(frame(2) + frame(3));
  });

  it('errors a reader that falls further behind than maxBytesPerStream', async () => {
    const store = createResumableStreamStore({ maxBytesPerStream: frame(0).length * 2 });
    const writer = store.start('chat-1');
    const reader = (await store.resume('chat-1'))!.body.getReader();
    writeFrames(writer, [0, 1, 2]);
    const error = await reader.read().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StreamkitError);
    expect(error).toMatchObject({ code: 'stream/overflow' });
  });

  it('keeps a frame larger than maxBytesPerStream when it is the newest', async () => {
    const store = createResumableStreamStore({ maxBytesPerStream: 4 });
    const writer = store.start('chat-1');
    writeFrames(writer, [0]);
    writer.finish();
    expect(await resumeText(store, 'chat-1')).toBe(frame(0));
  });

  it('sends a comment to the readers waiting for a frame, and does not store it', async () => {
    const store = createResumableStreamStore();
    const writer = store.start('chat-1');
    const reader = (await store.resume('chat-1'))!.body.getReader();
    const waiting = readChunk(reader);
    writer.comment(': keepalive\n\n');
    expect(await waiting).toBe(': keepalive\n\n');
    writeFrames(writer, [0]);
    writer.finish();
    expect(await resumeText(store, 'chat-1')).toBe(frame(0));
    await reader.cancel();
  });

  it('cancels a live stream that nobody reads for abandonAfterMs', async () => {
    vi.useFakeTimers();
    const store = createResumableStreamStore({ abandonAfterMs: 1000 });
    const writer = store.start('chat-1');
    await vi.advanceTimersByTimeAsync(999);
    expect(writer.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(writer.signal.aborted).toBe(true);
    expect(await store.resume('chat-1')).toBeUndefined();
  });

  it('does not abandon a stream while a reader is attached, and counts again from when the last one leaves', async () => {
    vi.useFakeTimers();
    const store = createResumableStreamStore({ abandonAfterMs: 1000 });
    const writer = store.start('chat-1');
    const resumed = await store.resume('chat-1');
    await vi.advanceTimersByTimeAsync(5000);
    expect(writer.signal.aborted).toBe(false);
    await resumed!.body.cancel();
    await vi.advanceTimersByTimeAsync(999);
    expect(writer.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(writer.signal.aborted).toBe(true);
  });

  it('abandons after 60 s by default, and never abandons a finished stream', async () => {
    vi.useFakeTimers();
    const store = createResumableStreamStore();
    const live = store.start('live');
    const done = store.start('done');
    done.finish();
    await vi.advanceTimersByTimeAsync(59_999);
    expect(live.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(live.signal.aborted).toBe(true);
    expect(done.signal.aborted).toBe(false);
  });

  it('cancels every live stream and forgets them all on clear()', async () => {
    const store = createResumableStreamStore();
    const live = store.start('live');
    storeOneFrame(store, 'done');
    store.clear();
    expect(live.signal.aborted).toBe(true);
    expect(await store.resume('live')).toBeUndefined();
    expect(await store.resume('done')).toBeUndefined();
  });

  it('ignores writes after finish', async () => {
    const store = createResumableStreamStore();
    const writer = store.start('chat-1');
    writeFrames(writer, [0]);
    writer.finish();
    writeFrames(writer, [1]);
    writer.comment(': late\n\n');
    expect(await resumeText(store, 'chat-1')).toBe(frame(0));
  });

  it('throws options/invalid for impossible limits', () => {
    expect(() => createResumableStreamStore({ maxStreams: 0, ttlMs: -1 })).toThrow(
      expect.objectContaining({
        code: 'options/invalid',
        message: 'createResumableStreamStore: ttlMs must be a number ≥ 0 (got -1); maxStreams must be a number ≥ 1 (got 0).',
      }),
    );
  });
});
