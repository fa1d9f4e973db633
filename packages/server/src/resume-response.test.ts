import { describe, expect, it } from 'vitest';
import { createResumableStreamStore } from './resumable-stream-store.ts';
import { createResumeResponse } from './resume-response.ts';

const frame = (id: number) => `id: ${id}\ndata: e${id}\n\n`;

function resumeRequest(lastEventId?: string, signal?: AbortSignal): Request {
  const headers: Record<string, string> = lastEventId === undefined ? {} : { 'Last-Event-ID': lastEventId };
  return new Request('http://localhost/api/chat/chat-1/stream', { headers, signal });
}

function storeWithFrames(count: number, finish = true) {
  const store = createResumableStreamStore();
  const writer = store.start('chat-1', { headers: { 'x-vercel-ai-ui-message-stream': 'v1' } });
  for (let id = 0; id < count; id++) writer.append(id, frame(id));
  if (finish) writer.finish();
  return { store, writer };
}

describe('createResumeResponse', () => {
  it('answers the events after Last-Event-ID with the SSE and format headers', async () => {
    const { store } = storeWithFrames(3);
    const response = await createResumeResponse(resumeRequest('0'), { store, key: 'chat-1' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    expect(response.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    expect(await response.text()).toBe(frame(1) + frame(2));
  });

  it('replays from the start without Last-Event-ID', async () => {
    const { store } = storeWithFrames(2);
    expect(await (await createResumeResponse(resumeRequest(), { store, key: 'chat-1' })).text()).toBe(frame(0) + frame(1));
  });

  it('answers 204 No Content when there is nothing to resume', async () => {
    const { store } = storeWithFrames(2);
    const fullyRead = await createResumeResponse(resumeRequest('1'), { store, key: 'chat-1' });
    expect(fullyRead.status).toBe(204);
    expect(fullyRead.body).toBeNull();
    expect((await createResumeResponse(resumeRequest(), { store, key: 'other' })).status).toBe(204);
  });

  it('applies extra headers', async () => {
    const { store } = storeWithFrames(1);
    const response = await createResumeResponse(resumeRequest(), { store, key: 'chat-1', headers: { 'X-Trace': 't1' } });
    expect(response.headers.get('x-trace')).toBe('t1');
    await response.body?.cancel();
  });

  it('ends the body when the request aborts, leaving the stream live', async () => {
    const { store, writer } = storeWithFrames(1, false);
    const abort = new AbortController();
    const response = await createResumeResponse(resumeRequest(undefined, abort.signal), { store, key: 'chat-1' });
    const reader = response.body!.getReader();
    await reader.read();
    const end = reader.read();
    abort.abort();
    expect(await end).toEqual({ done: true, value: undefined });
    expect(writer.signal.aborted).toBe(false);
  });
});
