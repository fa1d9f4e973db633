import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StreamPart } from '../stream-part.ts';
import { streamWithReconnect, type ResilientStreamOptions, type StreamAttempt } from './resilient-stream.ts';

const frame = (id: number | undefined, chunk: object) => `${id === undefined ? '' : `id: ${id}\n`}data: ${JSON.stringify(chunk)}\n\n`;
const delta = (text: string) => ({ type: 'text-delta', id: 't', delta: text });
const sse = (body: string | ReadableStream<Uint8Array>, init: ResponseInit = {}) =>
  new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' }, ...init });

/** The whole reply, as numbered frames. */
const replyFrames = [
  frame(0, { type: 'start', messageId: 'm' }),
  frame(1, { type: 'text-start', id: 't' }),
  frame(2, delta('one ')),
  frame(3, delta('two ')),
  frame(4, delta('three')),
  frame(5, { type: 'text-end', id: 't' }),
  frame(6, { type: 'finish' }),
  'data: [DONE]\n\n',
];

function framesAfter(lastEventId: string | undefined, until = replyFrames.length) {
  const from = lastEventId === undefined ? 0 : Number(lastEventId) + 1;
  return replyFrames.slice(from, until).join('');
}

async function collect(options: Partial<ResilientStreamOptions> & Pick<ResilientStreamOptions, 'open'>) {
  const parts: StreamPart[] = [];
  const changes: string[] = [];
  const stream = streamWithReconnect({
    format: 'ui-message-stream',
    signal: new AbortController().signal,
    url: '/api/chat',
    initialDelayMs: 1,
    observer: { onConnectionChange: ({ state, attempt }) => changes.push(`${state}:${attempt}`) },
    ...options,
  });
  for await (const part of stream) parts.push(part);
  return { parts, changes, text: parts.map((part) => (part.type === 'text-delta' ? part.delta : '')).join('') };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('streamWithReconnect', () => {
  it('passes a complete stream through untouched', async () => {
    const { text, changes } = await collect({ open: async () => sse(framesAfter(undefined)) });
    expect(text).toBe('one two three');
    expect(changes).toEqual(['connecting:0', 'open:0']);
  });

  it('resumes a dropped stream from the last event id without duplicating or losing a token', async () => {
    const attempts: StreamAttempt[] = [];
    const { text, parts } = await collect({
      open: async (attempt) => {
        attempts.push(attempt);
        return sse(attempts.length === 1 ? framesAfter(undefined, 3) : framesAfter(attempt.lastEventId));
      },
    });
    expect(text).toBe('one two three');
    expect(attempts.map((attempt) => attempt.lastEventId)).toEqual([undefined, '2']);
    expect(parts.filter((part) => part.type === 'finish')).toHaveLength(1);
  });

  it('skips events a server replays although they were already received', async () => {
    let calls = 0;
    const { text } = await collect({
      open: async () => sse(++calls === 1 ? framesAfter(undefined, 4) : framesAfter(undefined)),
    });
    expect(text).toBe('one two three');
  });

  it('starts over when the server sends no event ids, telling the observer', async () => {
    const withoutIds = (until: number) =>
      replyFrames
        .slice(0, until)
        .map((text) => text.replace(/^id: \d+\n/, ''))
        .join('');
    let calls = 0;
    const restart = vi.fn();
    const parts: StreamPart[] = [];
    for await (const part of streamWithReconnect({
      format: 'ui-message-stream',
      signal: new AbortController().signal,
      url: '/api/chat',
      initialDelayMs: 1,
      observer: { onRestart: restart },
      open: async (attempt) => {
        calls++;
        expect(attempt.lastEventId).toBeUndefined();
        return sse(calls === 1 ? withoutIds(4) : withoutIds(replyFrames.length));
      },
    })) {
      parts.push(part);
    }
    expect(restart).toHaveBeenCalledOnce();
    expect(calls).toBe(2);
  });

  it('treats a network failure as a drop and reconnects', async () => {
    let calls = 0;
    const { text } = await collect({
      open: async () => {
        if (++calls === 1) throw new TypeError('fetch failed');
        return sse(framesAfter(undefined));
      },
    });
    expect(text).toBe('one two three');
  });

  it('honours Retry-After on 429 and 503', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const done = collect({
      open: async () => (++calls === 1 ? new Response('busy', { status: 429, headers: { 'Retry-After': '2' } }) : sse(framesAfter(undefined))),
    });
    await vi.advanceTimersByTimeAsync(1999);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(2);
    expect((await done).text).toBe('one two three');
  });

  it('does not retry other 4xx statuses and reports the server message', async () => {
    let calls = 0;
    await expect(
      collect({
        open: async () => {
          calls++;
          return Response.json({ error: { message: 'Invalid API key' } }, { status: 401 });
        },
      }),
    ).rejects.toMatchObject({ code: 'http/status', status: 401, message: 'The server answered 401: Invalid API key' });
    expect(calls).toBe(1);
  });

  it('retries a 500 and succeeds', async () => {
    let calls = 0;
    const { text } = await collect({
      open: async () => (++calls === 1 ? new Response('oops', { status: 500 }) : sse(framesAfter(undefined))),
    });
    expect(text).toBe('one two three');
  });

  it('gives up after maxAttempts with the last failure, keeping what arrived', async () => {
    const parts: StreamPart[] = [];
    const stream = streamWithReconnect({
      format: 'ui-message-stream',
      signal: new AbortController().signal,
      url: '/api/chat',
      initialDelayMs: 1,
      maxAttempts: 2,
      open: async (attempt) => sse(attempt.lastEventId === undefined ? framesAfter(undefined, 3) : ''),
    });
    await expect(
      (async () => {
        for await (const part of stream) parts.push(part);
      })(),
    ).rejects.toMatchObject({ code: 'stream/incomplete', message: expect.stringContaining('Gave up after 2') });
    expect(parts.some((part) => part.type === 'text-delta')).toBe(true);
  });

  it('treats a connection silent past the idle timeout as dropped, and keepalives as life', async () => {
    vi.useFakeTimers();
    const encoder = new TextEncoder();
    let calls = 0;
    let first: ReadableStreamDefaultController<Uint8Array> | undefined;
    const done = collect({
      idleTimeoutMs: 1000,
      open: async (attempt) => {
        if (++calls > 1) return sse(framesAfter(attempt.lastEventId));
        return sse(
          new ReadableStream({
            start(controller) {
              first = controller;
              controller.enqueue(encoder.encode(framesAfter(undefined, 3)));
            },
          }),
        );
      },
    });
    await vi.advanceTimersByTimeAsync(900);
    first?.enqueue(encoder.encode(': keepalive\n\n'));
    await vi.advanceTimersByTimeAsync(900);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(200);
    await vi.advanceTimersByTimeAsync(1000);
    const { text, changes } = await done;
    expect(calls).toBe(2);
    expect(text).toBe('one two three');
    expect(changes).toContain('reconnecting:1');
  });

  it('rejects a non-SSE content type with a clear error', async () => {
    await expect(collect({ open: async () => new Response('<html>', { headers: { 'Content-Type': 'text/html' } }) })).rejects.toMatchObject({
      code: 'http/content-type',
      message: expect.stringContaining('text/html'),
    });
  });

  it('takes an application/json reply as a whole non-streamed answer', async () => {
    const { text, parts } = await collect({
      open: async () => Response.json({ id: 'm1', role: 'assistant', parts: [{ type: 'text', text: 'all at once' }] }),
    });
    expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
    expect(text).toBe('all at once');
  });

  it('asks for a JSON reply after syncFallbackAfter failed streaming attempts', async () => {
    const attempts: StreamAttempt[] = [];
    const { parts } = await collect({
      syncFallbackAfter: 1,
      open: async (attempt) => {
        attempts.push(attempt);
        return attempt.sync ? Response.json({ text: 'fallback' }) : sse('');
      },
    });
    expect(attempts.map((attempt) => attempt.sync)).toEqual([false, true]);
    expect(parts.some((part) => part.type === 'text-delta' && part.delta === 'fallback')).toBe(true);
  });

  it('ends at once when the caller aborts, without retrying', async () => {
    const controller = new AbortController();
    let calls = 0;
    const stream = streamWithReconnect({
      format: 'ui-message-stream',
      signal: controller.signal,
      url: '/api/chat',
      open: async () => {
        calls++;
        return sse(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode(framesAfter(undefined, 3))) }));
      },
    });
    const seen: StreamPart[] = [];
    await expect(
      (async () => {
        for await (const part of stream) {
          seen.push(part);
          if (part.type === 'text-delta') controller.abort(new Error('stopped'));
        }
      })(),
    ).rejects.toThrow('stopped');
    expect(calls).toBe(1);
  });

  it('stops after a server error event instead of reconnecting', async () => {
    let calls = 0;
    const { parts } = await collect({
      open: async () => {
        calls++;
        return sse(frame(0, { type: 'error', errorText: 'model overloaded' }));
      },
    });
    expect(calls).toBe(1);
    expect(parts).toEqual([{ type: 'error', errorText: 'model overloaded' }]);
  });
});
