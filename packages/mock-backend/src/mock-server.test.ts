import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockHandler } from './mock-handler.ts';
import type { MockStreamEndInfo } from './mock-reply.ts';
import { startMockServer, type MockServer } from './mock-server.ts';
import { createNodeMiddleware } from './node-middleware.ts';
import { mockReplyText } from './reply-text.ts';

/** Reads our own SSE: the `data:` lines of each block, then the deltas of the text-delta chunks. */
function replyTextOf(sse: string): string {
  return sse
    .split('\n\n')
    .flatMap((block) => block.split('\n').filter((line) => line.startsWith('data: ')))
    .map((line) => line.slice('data: '.length))
    .filter((data) => data !== '[DONE]')
    .map((data) => JSON.parse(data) as { type: string; delta?: string })
    .filter((chunk) => chunk.type === 'text-delta')
    .map((chunk) => chunk.delta)
    .join('');
}

function chatBody(prompt: string): string {
  return JSON.stringify({
    id: 'chat-1',
    messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: prompt }], metadata: {} }],
  });
}

function post(url: string, body: string, signal?: AbortSignal): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal });
}

describe('startMockServer', () => {
  let server: MockServer;

  beforeAll(async () => {
    server = await startMockServer({ port: 0, ttftMs: 0, tokensPerSecond: Infinity });
  });

  afterAll(async () => {
    await server.close();
  });

  it('listens on 127.0.0.1 on a free port when given port 0', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('streams the scripted reply over HTTP as server-sent events', async () => {
    const response = await post(`${server.url}/api/chat`, chatBody('Tell me about black holes'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    const sse = await response.text();
    expect(sse.startsWith('id: 0\ndata: {"type":"start"')).toBe(true);
    expect(replyTextOf(sse)).toBe(mockReplyText('Tell me about black holes'));
  });

  it('gives the same prompt the same reply twice', async () => {
    const first = await (await post(`${server.url}/api/chat`, chatBody('Why do cats purr?'))).text();
    const second = await (await post(`${server.url}/api/chat`, chatBody('Why do cats purr?'))).text();
    expect(second).toBe(first);
    expect(replyTextOf(first)).toBe(mockReplyText('Why do cats purr?'));
  });

  it('answers 400 with a JSON error for a body that is not JSON', async () => {
    const response = await post(`${server.url}/api/chat`, 'not json');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      error: { code: 'request/invalid-json', message: 'The request body is not valid JSON.' },
    });
  });

  it('answers 400 with a JSON error for a body without messages', async () => {
    const response = await post(`${server.url}/api/chat`, '{"id":"chat-1"}');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('request/invalid-messages');
  });

  it('answers 404 with a JSON error for an unknown path', async () => {
    const response = await fetch(`${server.url}/nowhere`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('request/not-found');
  });

  it('answers 405 with a JSON error for GET on the chat route', async () => {
    const response = await fetch(`${server.url}/api/chat`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('request/method-not-allowed');
  });
});

describe('startMockServer when the client goes away', () => {
  let server: MockServer | undefined;

  afterEach(async () => {
    await server?.close();
  });

  it('cancels a reply that is not resumable as soon as the client aborts mid-stream', async () => {
    let reportEnd: (info: MockStreamEndInfo & { at: number }) => void = () => {};
    const ended = new Promise<MockStreamEndInfo & { at: number }>((resolve) => (reportEnd = resolve));
    // One token per second: a producer that only noticed at its next token would take up to 1 s.
    server = await startMockServer({
      port: 0,
      ttftMs: 0,
      tokensPerSecond: 1,
      resumable: false,
      onStreamEnd: (info) => reportEnd({ ...info, at: performance.now() }),
    });
    const abort = new AbortController();
    const response = await post(`${server.url}/api/chat`, chatBody('Tell me about rivers'), abort.signal);
    const reader = response.body!.getReader();
    let received = '';
    while (!received.includes('"text-delta"')) received += new TextDecoder().decode((await reader.read()).value);

    const abortedAt = performance.now();
    abort.abort();
    const end = await ended;
    expect(end.reason).toBe('cancelled');
    expect(end.at - abortedAt).toBeLessThan(500);
  });

  it('ends open streams and cancels their replies on close()', async () => {
    let reportEnd: (info: MockStreamEndInfo) => void = () => {};
    const ended = new Promise<MockStreamEndInfo>((resolve) => (reportEnd = resolve));
    server = await startMockServer({ port: 0, ttftMs: 60_000, onStreamEnd: reportEnd });
    const response = await post(`${server.url}/api/chat`, chatBody('Hi'));
    const reader = response.body!.getReader();
    await reader.read();
    await server.close();
    expect(await ended).toEqual({ reason: 'cancelled' });
    await expect(reader.read()).rejects.toThrow();
  });
});

describe('createNodeMiddleware', () => {
  let httpServer: Server;
  let base: string;

  beforeAll(async () => {
    const middleware = createNodeMiddleware(createMockHandler({ ttftMs: 0, tokensPerSecond: Infinity }));
    httpServer = createServer((req, res) => {
      void middleware(req, res, async (error) => {
        if (error) throw error;
        // Echo the body so the test sees that the middleware left it unread.
        let body = '';
        for await (const chunk of req) body += chunk;
        res.setHeader('content-type', 'text/plain');
        res.end(`next got ${req.method} ${req.url} ${body}`);
      });
    });
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    httpServer.closeAllConnections();
    await new Promise((resolve) => httpServer.close(resolve));
  });

  it('falls through to next for a path the handler does not know', async () => {
    const response = await fetch(`${base}/src/main.tsx`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('next got GET /src/main.tsx ');
  });

  it('leaves the request body unread for next', async () => {
    const response = await fetch(`${base}/api/upload`, { method: 'POST', body: 'payload' });
    expect(await response.text()).toBe('next got POST /api/upload payload');
  });

  it('serves the handler’s responses for its own routes', async () => {
    const response = await post(`${base}/api/chat`, chatBody('Hello there'));
    expect(replyTextOf(await response.text())).toBe(mockReplyText('Hello there'));
  });

  it('writes the handler’s 404 itself when there is no next', async () => {
    const middleware = createNodeMiddleware(createMockHandler());
    const alone = createServer((req, res) => void middleware(req, res));
    await new Promise<void>((resolve) => alone.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(alone.address() as AddressInfo).port}/missing`);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('request/not-found');
    } finally {
      await new Promise((resolve) => alone.close(resolve));
    }
  });

  it('sends every chunk as soon as the handler produces it', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const middleware = createNodeMiddleware(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            async start(controller) {
              controller.enqueue(new TextEncoder().encode('first'));
              await gate;
              controller.enqueue(new TextEncoder().encode('second'));
              controller.close();
            },
          }),
        ),
    );
    const streaming = createServer((req, res) => void middleware(req, res));
    await new Promise<void>((resolve) => streaming.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(streaming.address() as AddressInfo).port}/`);
      const reader = response.body!.getReader();
      expect(new TextDecoder().decode((await reader.read()).value)).toBe('first');
      release();
      expect(new TextDecoder().decode((await reader.read()).value)).toBe('second');
    } finally {
      streaming.closeAllConnections();
      await new Promise((resolve) => streaming.close(resolve));
    }
  });
});
