import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MockStreamEndInfo } from './mock-reply.ts';
import { startMockServer, type MockServer, type MockServerOptions } from './mock-server.ts';
import { mockReplyText } from './reply-text.ts';
import { chunksOf, postChat, readSSE, replyTextOf, resumeChat, type ReceivedEvent } from './sse-client.test-helper.ts';

const PROMPT = 'Tell me about tides';

let server: MockServer | undefined;
let ends: (MockStreamEndInfo & { at: number })[] = [];

async function start(options: Partial<MockServerOptions> = {}): Promise<MockServer> {
  ends = [];
  server = await startMockServer({
    port: 0,
    ttftMs: 0,
    tokensPerSecond: Infinity,
    onStreamEnd: (info) => ends.push({ ...info, at: performance.now() }),
    ...options,
  });
  return server;
}

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function ids(events: ReceivedEvent[]): number[] {
  return events.map((event) => Number(event.id));
}

/** Reads a response until it has `count` events, then aborts the request. */
async function readEventsThenAbort(response: Response, abort: AbortController, count: number): Promise<ReceivedEvent[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let raw = '';
  while ((raw.match(/\n\n/g) ?? []).length < count) raw += decoder.decode((await reader.read()).value);
  abort.abort();
  const blocks = raw.split('\n\n').slice(0, count);
  return blocks.map((block) => ({
    id: /^id: (.*)$/m.exec(block)?.[1],
    data: /^data: (.*)$/m.exec(block)?.[1] ?? '',
    at: performance.now(),
  }));
}

describe('resuming a reply after the connection dropped', () => {
  let total: number;

  beforeAll(async () => {
    const reference = await startMockServer({ port: 0, ttftMs: 0, tokensPerSecond: Infinity });
    total = (await readSSE(await postChat(reference.url, PROMPT))).events.length;
    await reference.close();
  });

  it.each([1, 4, 'half', 'all but one'] as const)(
    'returns exactly the missing events after a drop after %s event(s)',
    async (at) => {
      const { url } = await start();
      const dropAfter = at === 'half' ? Math.floor(total / 2) : at === 'all but one' ? total - 1 : at;
      const first = await readSSE(await postChat(url, PROMPT, { chatId: 'c1', query: `?fault=drop-after-events=${dropAfter}` }));
      expect(first.error).toBeDefined();
      const rest = await readSSE(await resumeChat(url, 'c1', first.events.at(-1)!.id));
      expect(rest.error).toBeUndefined();
      expect(ids([...first.events, ...rest.events])).toEqual(Array.from({ length: total }, (_, id) => id));
      expect(replyTextOf([...first.events, ...rest.events])).toBe(mockReplyText(PROMPT));
      expect(rest.events.at(-1)!.data).toBe('[DONE]');
    },
  );

  it('resumes from the last complete event after a drop in the middle of one', async () => {
    const { url } = await start();
    const first = await readSSE(await postChat(url, PROMPT, { chatId: 'c1', query: '?fault=drop-after-bytes=250' }));
    expect(first.raw.endsWith('\n\n')).toBe(false);
    const rest = await readSSE(await resumeChat(url, 'c1', first.events.at(-1)!.id));
    expect(ids([...first.events, ...rest.events])).toEqual(Array.from({ length: total }, (_, id) => id));
    expect(replyTextOf([...first.events, ...rest.events])).toBe(mockReplyText(PROMPT));
  });

  it('follows the live reply when it reconnects while the reply is still being generated', async () => {
    const { url } = await start({ tokensPerSecond: 100 });
    const first = await readSSE(await postChat(url, PROMPT, { chatId: 'c1', query: '?fault=drop-after-events=4' }));
    const resumed = await resumeChat(url, 'c1', first.events.at(-1)!.id);
    expect(ends).toEqual([]);
    const rest = await readSSE(resumed);
    expect(ends.map((end) => end.reason)).toEqual(['finished']);
    expect(replyTextOf([...first.events, ...rest.events])).toBe(mockReplyText(PROMPT));
    expect(chunksOf(rest.events).at(-1)).toEqual({ type: 'finish', finishReason: 'stop' });
  });

  it('replays the whole reply when the resume has no Last-Event-ID', async () => {
    const { url } = await start();
    const clean = await readSSE(await postChat(url, PROMPT, { chatId: 'c1' }));
    const replay = await readSSE(await resumeChat(url, 'c1'));
    expect(replay.raw).toBe(clean.raw);
  });

  it('answers the resume in the reply’s format, with the SSE headers', async () => {
    const { url } = await start();
    await readSSE(await postChat(url, PROMPT, { chatId: 'c1', query: '?format=ui-message-stream' }));
    const response = await resumeChat(url, 'c1', '0');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    await response.body?.cancel();
  });

  it('answers 204 when there is nothing to resume', async () => {
    const { url } = await start();
    const unknown = await resumeChat(url, 'never-seen');
    expect(unknown.status).toBe(204);
    expect(await unknown.text()).toBe('');
    const clean = await readSSE(await postChat(url, PROMPT, { chatId: 'c1' }));
    expect((await resumeChat(url, 'c1', clean.events.at(-1)!.id)).status).toBe(204);
  });
});

describe('stopping and disconnecting', () => {
  it('cancels generation at once on DELETE, ends the open stream and leaves nothing to resume', async () => {
    const { url } = await start({ tokensPerSecond: 2 });
    const response = await postChat(url, PROMPT, { chatId: 'c1' });
    const reading = readSSE(response);
    const deletedAt = performance.now();
    const deleted = await fetch(`${url}/api/chat/c1/stream`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    await expect.poll(() => ends).toHaveLength(1);
    expect(ends[0]!.reason).toBe('cancelled');
    expect(ends[0]!.at - deletedAt).toBeLessThan(300);
    expect((await reading).raw).not.toContain('"finish"');
    expect((await resumeChat(url, 'c1')).status).toBe(204);
  });

  it('answers 204 to a DELETE for a chat with no reply', async () => {
    const { url } = await start();
    expect((await fetch(`${url}/api/chat/none/stream`, { method: 'DELETE' })).status).toBe(204);
  });

  it('keeps generating into the store when the client just disconnects, so a resume gets the rest', async () => {
    const { url } = await start({ tokensPerSecond: 200 });
    const abort = new AbortController();
    const first = await readEventsThenAbort(await postChat(url, PROMPT, { chatId: 'c1', signal: abort.signal }), abort, 5);
    await expect.poll(() => ends).toHaveLength(1);
    expect(ends[0]!.reason).toBe('finished');
    const rest = await readSSE(await resumeChat(url, 'c1', first.at(-1)!.id));
    expect(replyTextOf([...first, ...rest.events])).toBe(mockReplyText(PROMPT));
  });

  it('cancels the older reply when a newer one starts for the same chat', async () => {
    const { url } = await start({ tokensPerSecond: 2 });
    const older = readSSE(await postChat(url, PROMPT, { chatId: 'c1' }));
    const newer = await postChat(url, 'Something else', { chatId: 'c1' });
    await expect.poll(() => ends.map((end) => end.reason)).toEqual(['cancelled']);
    expect((await older).raw).not.toContain('"finish"');
    await newer.body?.cancel();
  });

  it('with resumable: false, cancels the reply when the client disconnects, and has nothing to resume', async () => {
    const { url } = await start({ tokensPerSecond: 1, resumable: false });
    const abort = new AbortController();
    const first = await readEventsThenAbort(await postChat(url, PROMPT, { chatId: 'c1', signal: abort.signal }), abort, 4);
    await expect.poll(() => ends).toHaveLength(1);
    expect(ends[0]!.reason).toBe('cancelled');
    expect(ends[0]!.at - first.at(-1)!.at).toBeLessThan(500);
    expect((await resumeChat(url, 'c1')).status).toBe(204);
  });

  it('treats a reply without a chat id as tied to its connection', async () => {
    const { url } = await start({ tokensPerSecond: 1 });
    const abort = new AbortController();
    await readEventsThenAbort(await postChat(url, PROMPT, { signal: abort.signal }), abort, 4);
    await expect.poll(() => ends.map((end) => end.reason)).toEqual(['cancelled']);
  });
});
