import { createChatStore, type ChatStoreOptions, type StreamkitError, type UIMessage } from '@streamkit/core';
import { mockReplyText } from '@streamkit/mock-backend';
import { startMockServer, type MockServer } from '@streamkit/mock-backend/node';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Every fault the mock can inject, end to end on loopback through createChatStore: in each the
 * final text equals the fault-free reply.
 */
const prompt = 'Tell me about resilient streaming';
const expected = mockReplyText(prompt);
const ends: string[] = [];
let server: MockServer;

beforeAll(async () => {
  server = await startMockServer({ port: 0, ttftMs: 0, tokensPerSecond: 1500, onStreamEnd: ({ reason }) => ends.push(reason) });
});

afterAll(async () => {
  await server?.close();
});

const textOf = (message: UIMessage | undefined) => message?.parts.map((part) => (part.type === 'text' ? part.text : '')).join('') ?? '';

/** A fault header sent with the first request only, as a proxy or a network fails once. */
function faultOnce(fault: string): () => Record<string, string> {
  let sent = false;
  return (): Record<string, string> => {
    if (sent) return {};
    sent = true;
    return { 'x-streamkit-fault': fault };
  };
}

async function chatWith(fault: string, options: Partial<ChatStoreOptions> = {}) {
  const errors: StreamkitError[] = [];
  const store = createChatStore({
    api: `${server.url}/api/chat`,
    headers: faultOnce(fault),
    reconnect: { initialDelayMs: 10, maxDelayMs: 200, ...options.reconnect },
    onError: (error) => errors.push(error),
    ...options,
  });
  await store.send(prompt);
  const snapshot = store.getSnapshot();
  return { snapshot, errors, text: textOf(snapshot.messages.at(-1)) };
}

describe('faults end to end through createChatStore', () => {
  it.each([1, 3, 8, 25])('resumes after the connection drops after %i events', async (events) => {
    const { snapshot, text } = await chatWith(`drop-after-events=${events}`);
    expect(snapshot.error).toBeUndefined();
    expect(text).toBe(expected);
    expect(snapshot.metrics.reconnects).toBeGreaterThanOrEqual(1);
  });

  it.each([40, 333])('resumes after the connection drops mid-event after %i bytes', async (bytes) => {
    const { snapshot, text } = await chatWith(`drop-after-bytes=${bytes}`);
    expect(snapshot.status).toBe('ready');
    expect(text).toBe(expected);
  });

  it('treats a stall longer than the idle timeout as a drop and resumes', async () => {
    const { snapshot, text } = await chatWith('stall=1500', { reconnect: { idleTimeoutMs: 400 } });
    expect(text).toBe(expected);
    expect(snapshot.metrics.reconnects).toBeGreaterThanOrEqual(1);
  });

  it('keeps a connection that carries only keepalives alive past the idle timeout', async () => {
    const { snapshot, text } = await chatWith('keepalive-only=1200,keepalive=100', { reconnect: { idleTimeoutMs: 400 } });
    expect(text).toBe(expected);
    expect(snapshot.metrics.reconnects).toBe(0);
  });

  it.each(['status=429,retry-after=1', 'status=503,retry-after=1'])('waits for Retry-After on %s, then succeeds', async (fault) => {
    const started = performance.now();
    const { text } = await chatWith(fault);
    expect(text).toBe(expected);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('retries a 500 and succeeds', async () => {
    const { text, snapshot } = await chatWith('status=500');
    expect(snapshot.status).toBe('ready');
    expect(text).toBe(expected);
  });

  it('does not retry a 400 and reports the server message', async () => {
    const { snapshot } = await chatWith('status=400');
    expect(snapshot.status).toBe('error');
    expect(snapshot.error).toMatchObject({ code: 'http/status', status: 400 });
    expect(snapshot.error?.message).toContain('fault status=400');
  });

  it('reports a malformed event, skips it, and still delivers the whole reply', async () => {
    const { snapshot, text, errors } = await chatWith('malformed');
    expect(snapshot.status).toBe('ready');
    expect(text).toBe(expected);
    expect(errors.map((error) => error.code)).toEqual(['decode/invalid-json']);
  });

  it('handles buffered delivery (everything at the end, as a buffering proxy does)', async () => {
    const { text } = await chatWith('buffered');
    expect(text).toBe(expected);
  });

  it('waits out a slow first byte and measures it in TTFT', async () => {
    const { text, snapshot } = await chatWith('slow-first-byte=600');
    expect(text).toBe(expected);
    expect(snapshot.metrics.ttftMs).toBeGreaterThanOrEqual(550);
  });

  it('gives up after maxAttempts with a typed error and keeps what arrived', async () => {
    let requests = 0;
    const store = createChatStore({
      api: `${server.url}/api/chat`,
      // The first response is cut mid-stream and the network is gone after that.
      fetch: (input, init) =>
        requests++ === 0 ? fetch(input, init).then((response) => cutAfter(response, 500)) : Promise.reject(new TypeError('fetch failed')),
      reconnect: { maxAttempts: 2, initialDelayMs: 5 },
    });
    await store.send(prompt);
    const { status, error, messages } = store.getSnapshot();
    expect(status).toBe('error');
    expect(error).toMatchObject({ code: 'network/failed', message: expect.stringContaining('Gave up after 2') });
    expect(requests).toBe(3);
    expect(expected.startsWith(textOf(messages.at(-1)))).toBe(true);
    expect(textOf(messages.at(-1)).length).toBeGreaterThan(0);
  });

  it('stop tells the server to cancel generation', async () => {
    const slow = await startMockServer({ port: 0, ttftMs: 0, tokensPerSecond: 20, onStreamEnd: ({ reason }) => ends.push(`slow:${reason}`) });
    try {
      const store = createChatStore({ api: `${slow.url}/api/chat` });
      const done = store.send(prompt);
      await expect.poll(() => textOf(store.getSnapshot().messages.at(-1)).length).toBeGreaterThan(0);
      store.stop();
      await done;
      await expect.poll(() => ends).toContain('slow:cancelled');
    } finally {
      await slow.close();
    }
  });

  it('a drop at any event index followed by resume gives the same final message', async () => {
    const clean = createChatStore({ api: `${server.url}/api/chat`, id: 'property-clean' });
    await clean.send(prompt);
    const reference = clean.getSnapshot().messages.at(-1)!;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 40 }), async (events) => {
        const { snapshot } = await chatWith(`drop-after-events=${events}`, { id: `property-${events}` });
        const message = snapshot.messages.at(-1)!;
        expect(message.parts).toEqual(reference.parts);
      }),
      { numRuns: 12 },
    );
  });
});

/** A response whose body ends (as a cut connection does) after `bytes` bytes. */
function cutAfter(response: Response, bytes: number): Response {
  if (!response.body) return response;
  const reader = response.body.getReader();
  let left = bytes;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done || left <= 0) {
        await reader.cancel().catch(() => {});
        controller.error(new TypeError('terminated'));
        return;
      }
      const piece = value.subarray(0, left);
      left -= piece.byteLength;
      controller.enqueue(piece);
    },
    cancel: () => reader.cancel(),
  });
  return new Response(body, { status: response.status, headers: response.headers });
}
