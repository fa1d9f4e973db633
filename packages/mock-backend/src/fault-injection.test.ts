import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockHandler } from './mock-handler.ts';
import { startMockServer, type MockServer } from './mock-server.ts';
import { createNodeMiddleware } from './node-middleware.ts';
import { mockReplyText } from './reply-text.ts';
import { chunksOf, postChat, readSSE, replyTextOf, resumeChat } from './sse-client.test-helper.ts';

const PROMPT = 'Tell me about tides';

/** Events of the full reply, to check that a faulted one still carries all of it. */
let fullEventCount: number;
let server: MockServer;

beforeAll(async () => {
  server = await startMockServer({ port: 0, ttftMs: 0, tokensPerSecond: Infinity });
  fullEventCount = (await readSSE(await postChat(server.url, PROMPT))).events.length;
});

afterAll(async () => {
  await server.close();
});

describe('fault injection on the real server', () => {
  it('drop-after-events=N: the client gets N events, then a network error instead of the finish', async () => {
    const reading = await readSSE(await postChat(server.url, PROMPT, { chatId: 'drop-events', query: '?fault=drop-after-events=5' }));
    expect(reading.events.map((event) => event.id)).toEqual(['0', '1', '2', '3', '4']);
    expect(reading.error).toBeInstanceOf(TypeError);
    expect(reading.raw).not.toContain('"finish"');
  });

  it('drop-after-events=0: the headers arrive, then the connection is cut before any event', async () => {
    const response = await postChat(server.url, PROMPT, { chatId: 'drop-zero', query: '?fault=drop-after-events=0' });
    expect(response.status).toBe(200);
    const reading = await readSSE(response);
    expect(reading.raw).toBe('');
    expect(reading.error).toBeDefined();
  });

  it('drop-after-bytes=N: the client gets exactly N bytes, then a network error', async () => {
    const reading = await readSSE(await postChat(server.url, PROMPT, { chatId: 'drop-bytes', query: '?fault=drop-after-bytes=100' }));
    expect(new TextEncoder().encode(reading.raw).byteLength).toBe(100);
    expect(reading.error).toBeDefined();
  });

  it('stall=MS: halfway through, no bytes at all (not even keepalives) for MS, then the rest of the reply', async () => {
    const sent = performance.now();
    const reading = await readSSE(
      await postChat(server.url, PROMPT, { chatId: 'stall', headers: { 'x-streamkit-fault': 'stall=500,keepalive=50' } }),
    );
    const midEvent = reading.events[Math.floor(fullEventCount / 2)]!;
    const beforeMid = reading.events[Math.floor(fullEventCount / 2) - 1]!;
    expect(midEvent.at - sent).toBeGreaterThanOrEqual(495);
    // The client may read the event before the stall a little late, so the gap it sees can be shorter.
    expect(midEvent.at - beforeMid.at).toBeGreaterThan(350);
    expect(reading.comments).toEqual([]);
    expect(reading.error).toBeUndefined();
    expect(reading.events).toHaveLength(fullEventCount);
    expect(replyTextOf(reading.events)).toBe(mockReplyText(PROMPT));
  });

  it('keepalive-only=MS: halfway through, only keepalive comments flow for MS, then the rest of the reply', async () => {
    const start = performance.now();
    const reading = await readSSE(await postChat(server.url, PROMPT, { query: '?fault=keepalive-only=500,keepalive=100' }));
    expect(performance.now() - start).toBeGreaterThanOrEqual(480);
    expect(reading.comments.length).toBeGreaterThanOrEqual(3);
    expect(reading.comments.every((comment) => comment.text === 'keepalive')).toBe(true);
    const firstComment = reading.comments[0]!.at;
    const lastComment = reading.comments.at(-1)!.at;
    expect(reading.events.filter((event) => event.at > firstComment && event.at < lastComment)).toEqual([]);
    expect(replyTextOf(reading.events)).toBe(mockReplyText(PROMPT));
  });

  it('status=429,retry-after=S: answers 429 with Retry-After and a JSON error', async () => {
    const response = await postChat(server.url, PROMPT, { query: '?fault=status=429,retry-after=2' });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      error: {
        code: 'fault/injected',
        message: 'The mock backend answered 429 because the request asked for it (fault status=429). Retry after 2 s.',
      },
    });
  });

  it.each([503, 500])('status=%i: answers that status with a JSON error body', async (status) => {
    const response = await postChat(server.url, PROMPT, { query: `?fault=status=${status}` });
    expect(response.status).toBe(status);
    expect(response.headers.get('retry-after')).toBeNull();
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('fault/injected');
  });

  it('malformed: one event without an id whose data is invalid JSON, in the middle; the reply is otherwise whole', async () => {
    const reading = await readSSE(await postChat(server.url, PROMPT, { query: '?fault=malformed' }));
    const bad = reading.events.filter((event) => {
      try {
        if (event.data !== '[DONE]') JSON.parse(event.data);
        return false;
      } catch {
        return true;
      }
    });
    expect(bad).toHaveLength(1);
    expect(bad[0]!.id).toBeUndefined();
    const badIndex = reading.events.indexOf(bad[0]!);
    expect(badIndex).toBe(Math.floor(fullEventCount / 2));
    const good = reading.events.filter((event) => event !== bad[0]);
    expect(good.map((event) => event.id)).toEqual(Array.from({ length: fullEventCount }, (_, id) => String(id)));
    expect(replyTextOf(good)).toBe(mockReplyText(PROMPT));
  });

  it('buffered: the headers come at once, the body only when the whole reply is ready, in one chunk', async () => {
    const slow = await startMockServer({ port: 0, ttftMs: 0, tokensPerSecond: 200 });
    try {
      const sent = performance.now();
      const response = await postChat(slow.url, PROMPT, { query: '?fault=buffered' });
      const headersAt = performance.now();
      const reading = await readSSE(response);
      expect(headersAt - sent).toBeLessThan(150);
      expect(reading.chunks).toHaveLength(1);
      // The reply has over 40 tokens, at 200 per second.
      expect(reading.chunks[0]!.at - headersAt).toBeGreaterThan(180);
      expect(chunksOf(reading.events).at(-1)).toEqual({ type: 'finish', finishReason: 'stop' });
    } finally {
      await slow.close();
    }
  });

  it('slow-first-byte=MS: the response itself is held back for MS', async () => {
    const sent = performance.now();
    const response = await postChat(server.url, PROMPT, { query: '?fault=slow-first-byte=300' });
    expect(performance.now() - sent).toBeGreaterThanOrEqual(290);
    expect(replyTextOf((await readSSE(response)).events)).toBe(mockReplyText(PROMPT));
  });

  it('combines faults from the query and the header', async () => {
    const dropAfter = Math.floor(fullEventCount / 2) + 2;
    const reading = await readSSE(
      await postChat(server.url, PROMPT, {
        chatId: 'both',
        query: '?fault=malformed',
        headers: { 'x-streamkit-fault': `drop-after-events=${dropAfter}` },
      }),
    );
    expect(reading.events.filter((event) => event.id !== undefined)).toHaveLength(dropAfter);
    expect(reading.events).toHaveLength(dropAfter + 1);
    expect(reading.error).toBeDefined();
  });

  it('answers 400 listing the grammar for an unknown fault', async () => {
    const response = await postChat(server.url, PROMPT, { query: '?fault=explode' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('request/invalid-fault');
    expect(body.error.message).toMatch(/^Unknown fault "explode"\. Faults .*drop-after-events=N, .*slow-first-byte=MS\.$/);
  });

  it('never applies faults to a resume, so the reconnect gets a clean stream', async () => {
    await readSSE(await postChat(server.url, PROMPT, { chatId: 'clean-resume', query: '?fault=drop-after-events=3' }));
    const response = await fetch(`${server.url}/api/chat/clean-resume/stream?fault=status=500`, {
      headers: { 'Last-Event-ID': '2', 'x-streamkit-fault': 'drop-after-events=1,malformed' },
    });
    expect(response.status).toBe(200);
    const reading = await readSSE(response);
    expect(reading.error).toBeUndefined();
    expect(reading.events[0]!.id).toBe('3');
    expect(reading.events.at(-1)!.data).toBe('[DONE]');
  });
});

describe('fault injection through createNodeMiddleware with next (the Vite path)', () => {
  let httpServer: Server;
  let base: string;

  beforeAll(async () => {
    const middleware = createNodeMiddleware(createMockHandler({ ttftMs: 0, tokensPerSecond: Infinity }));
    httpServer = createServer((req, res) => {
      void middleware(req, res, () => {
        res.statusCode = 418;
        res.end();
      });
    });
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    httpServer.closeAllConnections();
    await new Promise((resolve) => httpServer.close(resolve));
  });

  it('cuts the connection after N events, and the resume continues from there', async () => {
    const dropped = await readSSE(await postChat(base, PROMPT, { chatId: 'vite', query: '?fault=drop-after-events=7' }));
    expect(dropped.events).toHaveLength(7);
    expect(dropped.error).toBeDefined();
    const rest = await readSSE(await resumeChat(base, 'vite', dropped.events.at(-1)!.id));
    expect(replyTextOf([...dropped.events, ...rest.events])).toBe(mockReplyText(PROMPT));
  });
});
