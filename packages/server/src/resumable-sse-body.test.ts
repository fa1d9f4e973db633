import type { StreamPart } from '@streamkit/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ResumableStreamStore } from './resumable-stream.ts';
import { createResumableStreamStore } from './resumable-stream-store.ts';
import { createSSEResponse } from './sse-response.ts';

const decoder = new TextDecoder();

async function readChunk(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string | undefined> {
  const { done, value } = await reader.read();
  return done ? undefined : decoder.decode(value);
}

async function resumeText(store: ReturnType<typeof createResumableStreamStore>, lastEventId?: string) {
  const resumed = await store.resume('chat-1', lastEventId);
  return resumed ? new Response(resumed.body).text() : undefined;
}

/** A producer that yields only what the test pushes, and records whether its `finally` ran. */
function controlledProducer() {
  const state = { finallyRan: false };
  const queue: (StreamPart | 'end')[] = [];
  let wake = () => {};
  async function* produce(): AsyncGenerator<StreamPart> {
    try {
      for (;;) {
        while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        const next = queue.shift()!;
        if (next === 'end') return;
        yield next;
      }
    } finally {
      state.finallyRan = true;
    }
  }
  function push(...parts: (StreamPart | 'end')[]): void {
    queue.push(...parts);
    wake();
  }
  return { state, parts: produce(), push };
}

const delta = (text: string): StreamPart => ({ type: 'text-delta', id: 't', delta: text });
const frame = (id: number, text: string) => `id: ${id}\ndata: {"type":"text-delta","id":"t","delta":"${text}"}\n\n`;
const done = (id: number) => `id: ${id}\ndata: [DONE]\n\n`;

/** The store as a remote one may be: its writers cannot hand out a reader at once. */
function withoutWriterRead(store: ResumableStreamStore): ResumableStreamStore {
  return {
    start(key, options) {
      const writer = store.start(key, options);
      return {
        signal: writer.signal,
        append: (id, frame) => writer.append(id, frame),
        comment: (text) => writer.comment(text),
        finish: () => writer.finish(),
      };
    },
    resume: (key, lastEventId) => store.resume(key, lastEventId),
    cancel: (key) => store.cancel(key),
  };
}

afterEach(() => {
  vi.useRealTimers();
});

/** Streams one frame to the client, aborts the response, then lets the producer finish into the store. */
async function abortAfterFirstFrame(store: ResumableStreamStore): Promise<void> {
  const producer = controlledProducer();
  const abort = new AbortController();
  const reader = createSSEResponse(producer.parts, { signal: abort.signal, resumable: { store, key: 'chat-1' } }).body!.getReader();
  producer.push(delta('a'));
  expect(await readChunk(reader)).toBe(frame(0, 'a'));
  const end = readChunk(reader);
  abort.abort();
  expect(await end).toBeUndefined();
  producer.push(delta('b'), 'end');
}

describe('createSSEResponse with resumable', () => {
  it('stores every frame with its id, and the body reads the same frames', async () => {
    const store = createResumableStreamStore();
    const producer = controlledProducer();
    const response = createSSEResponse(producer.parts, { resumable: { store, key: 'chat-1' } });
    producer.push(delta('a'), delta('b'), 'end');
    const expected = frame(0, 'a') + frame(1, 'b') + done(2);
    expect(await response.text()).toBe(expected);
    expect(await resumeText(store)).toBe(expected);
    expect(await resumeText(store, '0')).toBe(frame(1, 'b') + done(2));
  });

  it('reads the body through resume() when the store’s writer cannot give a reader at once', async () => {
    const inner = createResumableStreamStore();
    await abortAfterFirstFrame(withoutWriterRead(inner));
    await vi.waitFor(async () => expect(await resumeText(inner)).toBe(frame(0, 'a') + frame(1, 'b') + done(2)));
  });

  it('starts the ids at eventIdStart', async () => {
    const store = createResumableStreamStore();
    const producer = controlledProducer();
    createSSEResponse(producer.parts, { eventIdStart: 7, resumable: { store, key: 'chat-1' } });
    producer.push(delta('a'), 'end');
    await vi.waitFor(async () => expect(await resumeText(store)).toBe(frame(7, 'a') + done(8)));
  });

  it('keeps producing into the store after the client cancels the body', async () => {
    const store = createResumableStreamStore();
    const producer = controlledProducer();
    const reader = createSSEResponse(producer.parts, { resumable: { store, key: 'chat-1' } }).body!.getReader();
    producer.push(delta('a'));
    expect(await readChunk(reader)).toBe(frame(0, 'a'));
    await reader.cancel();
    producer.push(delta('b'), 'end');
    await vi.waitFor(() => expect(producer.state.finallyRan).toBe(true));
    expect(await resumeText(store, '0')).toBe(frame(1, 'b') + done(2));
  });

  it('ends the body but keeps the producer when the signal aborts', async () => {
    const store = createResumableStreamStore();
    await abortAfterFirstFrame(store);
    await vi.waitFor(async () => expect(await resumeText(store, '0')).toBe(frame(1, 'b') + done(2)));
  });

  it('cancels the producer, calls onCancel and ends the body when the store cancels the stream', async () => {
    const store = createResumableStreamStore();
    const producer = controlledProducer();
    const onCancel = vi.fn();
    const reader = createSSEResponse(producer.parts, { resumable: { store, key: 'chat-1', onCancel } }).body!.getReader();
    producer.push(delta('a'));
    expect(await readChunk(reader)).toBe(frame(0, 'a'));
    const end = readChunk(reader);
    expect(await store.cancel('chat-1')).toBe(true);
    expect(onCancel).toHaveBeenCalledOnce();
    expect(await end).toBeUndefined();
    // The generator was parked in an await; its return() takes effect once that settles.
    producer.push(delta('b'));
    await vi.waitFor(() => expect(producer.state.finallyRan).toBe(true));
    expect(await store.resume('chat-1')).toBeUndefined();
  });

  it('sends keepalive comments to the live body without storing them', async () => {
    vi.useFakeTimers();
    const store = createResumableStreamStore();
    const producer = controlledProducer();
    const reader = createSSEResponse(producer.parts, { keepaliveMs: 1000, resumable: { store, key: 'chat-1' } })
      .body!.getReader();
    const chunk = readChunk(reader);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await chunk).toBe(': keepalive\n\n');
    producer.push(delta('a'), 'end');
    await vi.advanceTimersByTimeAsync(0);
    expect(await resumeText(store)).toBe(frame(0, 'a') + done(1));
    await reader.cancel();
  });

  it('stores a producer exception as an error frame and ends the stream', async () => {
    const store = createResumableStreamStore();
    async function* failing(): AsyncGenerator<StreamPart> {
      yield delta('a');
      throw new Error('secret');
    }
    const text = await createSSEResponse(failing(), { resumable: { store, key: 'chat-1' } }).text();
    expect(text).toBe(
      frame(0, 'a') +
        'id: 1\ndata: {"type":"error","errorText":"An error occurred while streaming the response."}\n\n' +
        done(2),
    );
    expect(await resumeText(store)).toBe(text);
  });

  it('sends the format headers and stores them for a resume', async () => {
    const store = createResumableStreamStore();
    const producer = controlledProducer();
    const response = createSSEResponse(producer.parts, { resumable: { store, key: 'chat-1' } });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    expect((await store.resume('chat-1'))?.headers).toEqual({ 'x-vercel-ai-ui-message-stream': 'v1' });
    producer.push('end');
    await response.text();
  });
});
