import { createResumableStreamStore } from '@streamkit/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMockHandler } from './mock-handler.ts';
import { mockReplyText } from './reply-text.ts';

interface Chunk {
  type: string;
  [key: string]: unknown;
}

/** Just enough SSE to read our own frames: `data:` lines of blocks separated by a blank line. */
function dataOf(text: string): string[] {
  return text
    .split('\n\n')
    .flatMap((block) => block.split('\n').filter((line) => line.startsWith('data: ')))
    .map((line) => line.slice('data: '.length));
}

function chunksOf(text: string): Chunk[] {
  return dataOf(text)
    .filter((data) => data !== '[DONE]')
    .map((data) => JSON.parse(data) as Chunk);
}

function textOf(chunks: Chunk[]): string {
  return chunks
    .filter((chunk) => chunk.type === 'text-delta')
    .map((chunk) => chunk.delta)
    .join('');
}

function userMessage(text: string, id = 'u1') {
  return { id, role: 'user', parts: [{ type: 'text', text }], metadata: {} };
}

function chatRequest(body: unknown, init: RequestInit & { path?: string } = {}): Request {
  return new Request(`http://localhost${init.path ?? '/api/chat'}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });
}

const fast = { ttftMs: 0, tokensPerSecond: Infinity };

afterEach(() => {
  vi.useRealTimers();
});

describe('createMockHandler', () => {
  it('streams the reply to the last user message as ui-message-stream chunks', async () => {
    const handler = createMockHandler(fast);
    const response = await handler(chatRequest({ id: 'chat-1', messages: [userMessage('Tell me about tides')] }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');

    const text = await response.text();
    const chunks = chunksOf(text);
    const types = chunks.map((chunk) => chunk.type);
    expect(types.slice(0, 3)).toEqual(['start', 'start-step', 'text-start']);
    expect(types.slice(-3)).toEqual(['text-end', 'finish-step', 'finish']);
    expect(types.slice(3, -3).every((type) => type === 'text-delta')).toBe(true);
    expect(chunks.at(-1)).toEqual({ type: 'finish', finishReason: 'stop' });
    expect(chunks[0]).toEqual({ type: 'start', messageId: expect.stringMatching(/^msg-[0-9a-f]{8}$/) });
    expect(dataOf(text).at(-1)).toBe('[DONE]');
    expect(textOf(chunks)).toBe(mockReplyText('Tell me about tides'));
  });

  it('sends the same frames, message id included, for the same request', async () => {
    const handler = createMockHandler(fast);
    const body = { id: 'chat-1', messages: [userMessage('Why is the sky blue?')] };
    const first = await (await handler(chatRequest(body))).text();
    const second = await (await handler(chatRequest(body))).text();
    expect(second).toBe(first);
  });

  it('gives the same question asked later in the chat a different message id', async () => {
    const handler = createMockHandler(fast);
    const first = chunksOf(await (await handler(chatRequest({ messages: [userMessage('Hi')] }))).text());
    const later = chunksOf(
      await (
        await handler(
          chatRequest({
            messages: [
              userMessage('Hi'),
              { id: 'a1', role: 'assistant', parts: [{ type: 'text', text: 'Hello.' }] },
              userMessage('Hi', 'u2'),
            ],
          }),
        )
      ).text(),
    );
    expect(textOf(later)).toBe(textOf(first));
    expect(later[0]?.messageId).not.toBe(first[0]?.messageId);
  });

  it('answers the last user message, ignoring earlier turns, and accepts messages without metadata', async () => {
    const handler = createMockHandler(fast);
    const response = await handler(
      chatRequest({
        id: 'chat-1',
        messages: [
          { id: 's', role: 'system', parts: [{ type: 'text', text: 'Be brief.' }] },
          { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Tell me about volcanoes' }] },
          { id: 'a1', role: 'assistant', parts: [{ type: 'text', text: 'Volcanoes are…' }] },
          { id: 'u2', role: 'user', parts: [{ type: 'text', text: 'And ' }, { type: 'step-start' }, { type: 'text', text: 'glaciers?' }] },
        ],
      }),
    );
    expect(textOf(chunksOf(await response.text()))).toBe(mockReplyText('And glaciers?'));
  });

  it('answers any path ending in /api/chat', async () => {
    const handler = createMockHandler(fast);
    const response = await handler(chatRequest({ messages: [userMessage('x')] }, { path: '/v1/api/chat/' }));
    expect(response.status).toBe(200);
    await response.body?.cancel();
  });

  it('answers under basePath instead of /api when one is given', async () => {
    const handler = createMockHandler({ ...fast, basePath: '/mock/' });
    const served = await handler(chatRequest({ messages: [userMessage('x')] }, { path: '/mock/chat' }));
    expect(served.status).toBe(200);
    await served.body?.cancel();
    expect((await handler(chatRequest({ messages: [] }))).status).toBe(404);
  });

  it('answers 400 invalid-json when the body is not JSON', async () => {
    const response = await createMockHandler()(chatRequest('{"messages": ['));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      error: { code: 'request/invalid-json', message: 'The request body is not valid JSON.' },
    });
  });

  it('answers 400 invalid-messages when messages is missing', async () => {
    const response = await createMockHandler()(chatRequest({ id: 'chat-1' }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('request/invalid-messages');
    expect(body.error.message).toMatch(/"messages" array/);
  });

  it('answers 400 naming the message that has no role or parts', async () => {
    const response = await createMockHandler()(
      chatRequest({ messages: [userMessage('Hi'), { id: 'x', role: 'robot', parts: [] }] }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'request/invalid-messages',
        message: 'messages[1] must be an object with a role ("user", "assistant" or "system") and a "parts" array.',
      },
    });
  });

  it('answers 405 with Allow: POST for another method on the chat route', async () => {
    const response = await createMockHandler()(new Request('http://localhost/api/chat'));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(await response.json()).toEqual({
      error: { code: 'request/method-not-allowed', message: 'GET is not allowed here; use POST.' },
    });
  });

  it('answers 404 with the JSON error shape for an unknown path', async () => {
    const response = await createMockHandler()(new Request('http://localhost/api/other', { method: 'POST' }));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      error: {
        code: 'request/not-found',
        message: 'Nothing at /api/other. The mock backend answers POST /api/chat and /api/object, and GET or DELETE /api/chat/{chatId}/stream and /api/object/{id}/stream.',
      },
    });
  });

  it('waits ttftMs for the first token, then 1000 / tokensPerSecond ms per token', async () => {
    vi.useFakeTimers();
    const handler = createMockHandler({ ttftMs: 350, tokensPerSecond: 40 });
    const response = await handler(chatRequest({ messages: [userMessage('Tell me about owls')] }));
    const reader = response.body!.getReader();
    let received = '';
    void (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        received += new TextDecoder().decode(value);
      }
    })();
    const deltas = () => chunksOf(received).filter((chunk) => chunk.type === 'text-delta').length;

    await vi.advanceTimersByTimeAsync(349);
    expect(chunksOf(received).map((chunk) => chunk.type)).toEqual(['start', 'start-step']);
    await vi.advanceTimersByTimeAsync(1);
    expect(deltas()).toBe(1);
    await vi.advanceTimersByTimeAsync(24);
    expect(deltas()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(deltas()).toBe(2);
    await reader.cancel();
  });

  it('reports finished to onStreamEnd once the reply was sent', async () => {
    const onStreamEnd = vi.fn();
    const response = await createMockHandler({ ...fast, onStreamEnd })(chatRequest({ messages: [userMessage('Hi')] }));
    await response.text();
    expect(onStreamEnd).toHaveBeenCalledExactlyOnceWith({ reason: 'finished' });
  });

  it('reports cancelled to onStreamEnd as soon as the request aborts, without waiting for the next token', async () => {
    vi.useFakeTimers();
    const onStreamEnd = vi.fn();
    const abort = new AbortController();
    const handler = createMockHandler({ ttftMs: 0, tokensPerSecond: 1, onStreamEnd });
    const response = await handler(chatRequest({ messages: [userMessage('Hi')] }, { signal: abort.signal }));
    const reader = response.body!.getReader();
    let received = '';
    while (!received.includes('text-delta')) received += new TextDecoder().decode((await reader.read()).value);
    abort.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(onStreamEnd).toHaveBeenCalledExactlyOnceWith({ reason: 'cancelled' });
    expect(await reader.read()).toEqual({ done: true, value: undefined });
  });

  it('throws options/invalid for impossible timing', () => {
    expect(() => createMockHandler({ tokensPerSecond: 0 })).toThrow(
      expect.objectContaining({ code: 'options/invalid', message: expect.stringMatching(/tokensPerSecond must be > 0/) }),
    );
    expect(() => createMockHandler({ ttftMs: -5 })).toThrow(/ttftMs must be a finite number ≥ 0 \(got -5\)/);
  });
});

describe('createMockHandler wire format', () => {
  const body = { id: 'chat-1', messages: [userMessage('Tell me about tides')] };

  it('writes ui-message-stream for ?format=ui-message-stream, one JSON chunk per frame', async () => {
    const response = await createMockHandler(fast)(chatRequest(body, { path: '/api/chat?format=ui-message-stream' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    const text = await response.text();
    expect(text).toMatch(/^id: 0\ndata: \{"type":"start","messageId":"msg-[0-9a-f]{8}"\}\n\n/);
    expect(textOf(chunksOf(text))).toBe(mockReplyText('Tell me about tides'));
  });

  it('reads the format from the x-streamkit-format header', async () => {
    const response = await createMockHandler(fast)(chatRequest(body, { headers: { 'x-streamkit-format': 'ui-message-stream' } }));
    expect(response.status).toBe(200);
    expect(chunksOf(await response.text())[0]?.type).toBe('start');
  });

  it('answers 400 listing the known formats for an unknown ?format=', async () => {
    const response = await createMockHandler(fast)(chatRequest(body, { path: '/api/chat?format=nope' }));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('request/invalid-format');
    expect(error.message).toMatch(/^Unknown stream format "nope"\. Use one of: .*'ui-message-stream'.*\. Choose it with \?format= or the x-streamkit-format header\.$/);
  });

  it('answers 400 for an unknown format in the header too, and lets the query win over the header', async () => {
    const handler = createMockHandler(fast);
    const bad = await handler(chatRequest(body, { headers: { 'x-streamkit-format': 'nope' } }));
    expect(bad.status).toBe(400);
    const queryWins = await handler(
      chatRequest(body, { path: '/api/chat?format=ui-message-stream', headers: { 'x-streamkit-format': 'nope' } }),
    );
    expect(queryWins.status).toBe(200);
    await queryWins.body?.cancel();
  });
});

describe('createMockHandler stream routes', () => {
  it('stores a reply with a chat id in the store it is given, under that id', async () => {
    const store = createResumableStreamStore();
    const handler = createMockHandler({ ...fast, resumable: store });
    const text = await (await handler(chatRequest({ id: 'chat 1/a', messages: [userMessage('Hi')] }))).text();
    const resumed = await handler(new Request('http://localhost/api/chat/chat%201%2Fa/stream'));
    expect(resumed.status).toBe(200);
    expect(await resumed.text()).toBe(text);
    expect(await store.resume('chat 1/a')).toBeDefined();
  });

  it('answers the stream routes under basePath', async () => {
    const handler = createMockHandler({ ...fast, basePath: '/mock' });
    await (await handler(chatRequest({ id: 'c', messages: [userMessage('Hi')] }, { path: '/mock/chat' }))).text();
    expect((await handler(new Request('http://localhost/mock/chat/c/stream'))).status).toBe(200);
    expect((await handler(new Request('http://localhost/api/chat/c/stream'))).status).toBe(404);
  });

  it('answers 405 with Allow: GET, DELETE for another method on the stream route', async () => {
    const response = await createMockHandler()(new Request('http://localhost/api/chat/c/stream', { method: 'PUT' }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, DELETE');
  });

  it('answers 204 on both stream routes when resumable is false', async () => {
    const handler = createMockHandler({ ...fast, resumable: false });
    await (await handler(chatRequest({ id: 'c', messages: [userMessage('Hi')] }))).text();
    expect((await handler(new Request('http://localhost/api/chat/c/stream'))).status).toBe(204);
    expect((await handler(new Request('http://localhost/api/chat/c/stream', { method: 'DELETE' }))).status).toBe(204);
  });
});
