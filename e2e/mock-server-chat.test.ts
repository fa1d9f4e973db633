import { createChatStore } from '@streamkit/core';
import { mockReplyText } from '@streamkit/mock-backend';
import { startMockServer } from '@streamkit/mock-backend/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let server: Awaited<ReturnType<typeof startMockServer>>;

beforeAll(async () => {
  server = await startMockServer({ port: 0, ttftMs: 5, tokensPerSecond: 2000 });
});

afterAll(async () => {
  await server?.close();
});

const textOf = (store: ReturnType<typeof createChatStore>) =>
  store
    .getSnapshot()
    .messages.findLast((message) => message.role === 'assistant')
    ?.parts.map((part) => (part.type === 'text' ? part.text : ''))
    .join('');

describe('createChatStore against the real mock server on loopback', () => {
  it('streams the scripted reply in full', async () => {
    const store = createChatStore({ api: `${server.url}/api/chat` });
    const statuses: string[] = [];
    store.subscribe(() => statuses.push(store.getSnapshot().status));

    await store.send('Tell me about streaming');

    const snapshot = store.getSnapshot();
    expect(snapshot.status).toBe('ready');
    expect(snapshot.error).toBeUndefined();
    expect(snapshot.messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    expect(textOf(store)).toBe(mockReplyText('Tell me about streaming'));
    expect(statuses).toContain('streaming');
    expect(statuses.at(-1)).toBe('ready');
    expect(snapshot.metrics.ttftMs).toBeGreaterThan(0);
  });

  it('keeps a multi-turn conversation and answers the same prompt the same way', async () => {
    const store = createChatStore({ api: `${server.url}/api/chat` });
    await store.send('First question');
    await store.send('Tell me about streaming');
    expect(store.getSnapshot().messages).toHaveLength(4);
    expect(textOf(store)).toBe(mockReplyText('Tell me about streaming'));
  });

  it('turns an HTTP error into a typed error carrying the status and the server message', async () => {
    const store = createChatStore({ api: `${server.url}/api/unknown` });
    await store.send('hello');
    const { status, error } = store.getSnapshot();
    expect(status).toBe('error');
    expect(error).toMatchObject({ code: 'http/status', status: 404 });
    expect(error?.message).toMatch(/^The server answered 404: ./);
  });

  it('stops mid-stream, keeps the partial text and settles it', async () => {
    const slow = await startMockServer({ port: 0, ttftMs: 0, tokensPerSecond: 50 });
    try {
      const store = createChatStore({ api: `${slow.url}/api/chat` });
      const done = store.send('Tell me about streaming');
      await new Promise<void>((resolve) => {
        const unsubscribe = store.subscribe(() => {
          if ((textOf(store) ?? '').length > 10) {
            unsubscribe();
            resolve();
          }
        });
      });
      store.stop();
      await done;
      const kept = textOf(store) ?? '';
      expect(kept.length).toBeGreaterThan(10);
      expect(mockReplyText('Tell me about streaming')).toContain(kept);
      expect(store.getSnapshot().status).toBe('ready');
      expect(store.getSnapshot().messages.at(-1)?.parts.every((part) => part.type !== 'text' || part.state === 'done')).toBe(true);
    } finally {
      await slow.close();
    }
  });

  it('resume() reattaches to a reply still being generated, as after a page reload', async () => {
    const slow = await startMockServer({ port: 0, ttftMs: 0, tokensPerSecond: 200 });
    try {
      // The page that asked goes away mid-reply; the server keeps generating into its store.
      const controller = new AbortController();
      const body = JSON.stringify({ id: 'reloaded-chat', messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Tell me about streaming' }], metadata: {} }] });
      const first = await fetch(`${slow.url}/api/chat`, { method: 'POST', body, headers: { 'Content-Type': 'application/json' }, signal: controller.signal });
      await first.body!.getReader().read();
      controller.abort();

      const store = createChatStore({ api: `${slow.url}/api/chat`, id: 'reloaded-chat' });
      await store.resume();
      expect(store.getSnapshot().status).toBe('ready');
      expect(textOf(store)).toBe(mockReplyText('Tell me about streaming'));
    } finally {
      await slow.close();
    }
  });

  it('resume() does nothing when there is no reply to reattach to (204)', async () => {
    const store = createChatStore({ api: `${server.url}/api/chat`, id: 'nothing-here' });
    await store.resume();
    expect(store.getSnapshot()).toMatchObject({ status: 'ready', error: undefined, messages: [] });
  });

  it('turns an unreachable server into a network error', async () => {
    const store = createChatStore({ api: 'http://127.0.0.1:9/api/chat' });
    await store.send('hello');
    expect(store.getSnapshot()).toMatchObject({ status: 'error', error: { code: 'network/failed' } });
  });
});
