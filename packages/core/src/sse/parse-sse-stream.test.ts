import { describe, expect, it, vi } from 'vitest';
import { parseSSEStream } from './parse-sse-stream.ts';
import type { SSEEvent } from './types.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function byteStream(chunks: Uint8Array[], cancel?: (reason: unknown) => void): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(chunk);
    },
    cancel,
  });
}

/** A stream that only sends what the test pushes, so a read can be left pending on purpose. */
function manualStream(cancel?: (reason: unknown) => void) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel,
  });
  return { stream, push: (text: string) => controller.enqueue(utf8(text)), close: () => controller.close() };
}

async function collect(events: AsyncIterable<SSEEvent>): Promise<SSEEvent[]> {
  const result: SSEEvent[] = [];
  for await (const event of events) result.push(event);
  return result;
}

/** Lets every queued promise job and I/O callback run, so "still pending" really means waiting on input. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('parseSSEStream', () => {
  it('parses a ReadableStream of byte chunks cut inside characters and CRLFs, then releases its lock', async () => {
    const bytes = utf8('event: greet\r\ndata: héllo 😀\r\n\r\nid: 2\ndata: bye\n\n');
    const chunks = [9, 13, 22, 26, 33].reduce<{ from: number; out: Uint8Array[] }>(
      (acc, cut) => ({ from: cut, out: [...acc.out, bytes.slice(acc.from, cut)] }),
      { from: 0, out: [] },
    );
    const body = byteStream([...chunks.out, bytes.slice(chunks.from)]);
    expect(await collect(parseSSEStream(body))).toEqual([
      { event: 'greet', data: 'héllo 😀', id: '' },
      { event: 'message', data: 'bye', id: '2' },
    ]);
    expect(body.locked).toBe(false);
  });

  it('parses an async iterable of strings', async () => {
    async function* body() {
      yield 'data: a\n';
      yield '\ndata: b\r';
      yield '\n\r\n';
    }
    const events = await collect(parseSSEStream(body()));
    expect(events.map((event) => event.data)).toEqual(['a', 'b']);
  });

  it('forwards comments and retry values to the callbacks', async () => {
    const onComment = vi.fn();
    const onRetry = vi.fn();
    const events = await collect(parseSSEStream(byteStream([utf8(': ping\nretry: 500\ndata: x\n\n')]), { onComment, onRetry }));
    expect(onComment).toHaveBeenCalledWith('ping');
    expect(onRetry).toHaveBeenCalledWith(500);
    expect(events).toEqual([{ event: 'message', data: 'x', id: '', retry: 500 }]);
  });

  it('discards an unterminated final event when the body ends', async () => {
    const events = await collect(parseSSEStream(byteStream([utf8('data: a\n\ndata: b\n')])));
    expect(events.map((event) => event.data)).toEqual(['a']);
  });

  it('yields the events of a chunk before the next chunk arrives', async () => {
    const { stream, push, close } = manualStream();
    const iterator = parseSSEStream(stream)[Symbol.asyncIterator]();
    push('data: 1\n\ndata: 2\n\ndata: 3-partial');
    expect((await iterator.next()).value).toMatchObject({ data: '1' });
    expect((await iterator.next()).value).toMatchObject({ data: '2' });

    let third: IteratorResult<SSEEvent> | undefined;
    const pending = iterator.next().then((result) => (third = result));
    await settle();
    expect(third).toBeUndefined();

    push('\n\n');
    await pending;
    expect(third?.value).toMatchObject({ data: '3-partial' });
    close();
    expect((await iterator.next()).done).toBe(true);
  });

  it('hands out events in order when next() is called again before the previous call settled', async () => {
    const { stream, push, close } = manualStream();
    const iterator = parseSSEStream(stream)[Symbol.asyncIterator]();
    const results = [iterator.next(), iterator.next(), iterator.next(), iterator.next()];
    push('data: 1\n\ndata: 2\n\n');
    push('data: 3\n\n');
    close();
    const settled = await Promise.all(results);
    expect(settled.map((result) => (result.done ? 'done' : result.value.data))).toEqual(['1', '2', '3', 'done']);
  });

  it('reads nothing before the first next()', async () => {
    const body = byteStream([utf8('data: 1\n\n')]);
    const events = parseSSEStream(body);
    expect(body.locked).toBe(false);
    await events[Symbol.asyncIterator]().return?.();
    expect(body.locked).toBe(false);
  });

  it('cancels the ReadableStream and releases its lock when the consumer breaks out early', async () => {
    const cancel = vi.fn();
    const body = byteStream([utf8('data: 1\n\n'), utf8('data: 2\n\n'), utf8('data: 3\n\n')], cancel);
    for await (const event of parseSSEStream(body)) {
      expect(event.data).toBe('1');
      break;
    }
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(body.locked).toBe(false);
  });

  it('closes an async iterable source when the consumer breaks out early', async () => {
    let closed = false;
    async function* body() {
      try {
        for (let i = 0; ; i++) yield `data: ${i}\n\n`;
      } finally {
        closed = true;
      }
    }
    for await (const event of parseSSEStream(body())) {
      if (event.data === '2') break;
    }
    expect(closed).toBe(true);
  });

  it('throws the reason of an already aborted signal without reading, and cancels the source', async () => {
    const cancel = vi.fn();
    const reason = new Error('stopped before start');
    const body = byteStream([utf8('data: 1\n\n')], cancel);
    await expect(collect(parseSSEStream(body, { signal: AbortSignal.abort(reason) }))).rejects.toBe(reason);
    expect(cancel).toHaveBeenCalledWith(reason);
    expect(body.locked).toBe(false);
  });

  it('ends a pending read with the signal reason when aborted, and cancels the stream with it', async () => {
    const cancel = vi.fn();
    const { stream, push } = manualStream(cancel);
    const controller = new AbortController();
    const iterator = parseSSEStream(stream, { signal: controller.signal })[Symbol.asyncIterator]();
    push('data: 1\n\n');
    expect((await iterator.next()).value).toMatchObject({ data: '1' });

    const pending = iterator.next();
    const reason = new DOMException('The user stopped the response.', 'AbortError');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(cancel).toHaveBeenCalledWith(reason);
    expect(stream.locked).toBe(false);
  });

  it('stops after the current event when aborted while the consumer is busy with it', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const body = byteStream([utf8('data: 1\n\ndata: 2\n\n')]);
    const consume = async () => {
      for await (const event of parseSSEStream(body, { signal: controller.signal })) {
        seen.push(event.data);
        controller.abort();
      }
    };
    await expect(consume()).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual(['1']);
  });

  it('does not hang on abort when an async iterable source never answers', async () => {
    const controller = new AbortController();
    const body: AsyncIterable<string> = {
      [Symbol.asyncIterator]: () => ({ next: () => new Promise<IteratorResult<string>>(() => {}) }),
    };
    const done = collect(parseSSEStream(body, { signal: controller.signal }));
    controller.abort(new Error('gave up'));
    await expect(done).rejects.toThrow('gave up');
  });

  it('passes a source error through to the consumer', async () => {
    const failure = new Error('connection reset');
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) controller.error(failure);
        else controller.enqueue(utf8('data: 1\n\n'));
        sent = true;
      },
    });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const event of parseSSEStream(body)) seen.push(event.data);
      })(),
    ).rejects.toBe(failure);
    expect(seen).toEqual(['1']);
  });
});
