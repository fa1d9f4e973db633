import { syncScheduler, type ChatTransport, type StreamPart } from '@streamkit/core';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useStreamingChat } from './use-streaming-chat.ts';

/** A transport whose reply the test pushes part by part. */
function controlledTransport() {
  const queue: StreamPart[] = [];
  let wake: (() => void) | undefined;
  let closed = false;
  const requests: Parameters<ChatTransport['sendMessages']>[0][] = [];
  const transport: ChatTransport = {
    async sendMessages(request) {
      requests.push(request);
      return (async function* () {
        while (true) {
          if (request.signal.aborted) throw request.signal.reason;
          const next = queue.shift();
          if (next) {
            yield next;
            continue;
          }
          if (closed) return;
          await new Promise<void>((resolve) => {
            wake = resolve;
            request.signal.addEventListener('abort', () => resolve(), { once: true });
          });
        }
      })();
    },
  };
  return {
    transport,
    requests,
    push(...parts: StreamPart[]) {
      queue.push(...parts);
      wake?.();
    },
    close() {
      closed = true;
      wake?.();
    },
  };
}

describe('useStreamingChat', () => {
  it('goes ready → submitted → streaming → ready and shows the reply', async () => {
    const server = controlledTransport();
    const { result } = renderHook(() => useStreamingChat({ transport: server.transport, scheduler: syncScheduler }));
    expect(result.current.status).toBe('ready');

    let done: Promise<void> | undefined;
    act(() => {
      done = result.current.send('Hello');
    });
    expect(result.current.status).toBe('submitted');
    expect(result.current.messages).toHaveLength(1);

    await act(async () => {
      server.push({ type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: 'Hi there' });
    });
    await waitFor(() => expect(result.current.status).toBe('streaming'));
    expect(result.current.messages[1]?.parts[0]).toMatchObject({ type: 'text', text: 'Hi there', state: 'streaming' });

    await act(async () => {
      server.push({ type: 'text-end', id: 't' }, { type: 'finish', reason: 'stop' });
      server.close();
      await done;
    });
    expect(result.current.status).toBe('ready');
    expect(result.current.messages[1]?.parts[0]).toMatchObject({ text: 'Hi there', state: 'done' });
  });

  it('sends the AI SDK request shape: chat id and the UI messages', async () => {
    const server = controlledTransport();
    const { result } = renderHook(() => useStreamingChat({ id: 'chat-1', transport: server.transport, scheduler: syncScheduler }));
    act(() => {
      void result.current.send('Hello');
    });
    expect(server.requests[0]).toMatchObject({
      chatId: 'chat-1',
      trigger: 'submit',
      messages: [{ role: 'user', parts: [{ type: 'text', text: 'Hello' }] }],
    });
  });

  it('stop keeps the partial reply and returns to ready', async () => {
    const server = controlledTransport();
    const { result } = renderHook(() => useStreamingChat({ transport: server.transport, scheduler: syncScheduler }));
    act(() => {
      void result.current.send('Hello');
    });
    await act(async () => {
      server.push({ type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: 'Part' });
    });
    await waitFor(() => expect(result.current.status).toBe('streaming'));
    act(() => result.current.stop());
    expect(result.current.status).toBe('ready');
    expect(result.current.messages[1]?.parts[0]).toMatchObject({ text: 'Part', state: 'done' });
  });

  it('keeps stable action identities across renders', () => {
    const server = controlledTransport();
    const { result, rerender } = renderHook(() => useStreamingChat({ transport: server.transport }));
    const { send, stop, regenerate } = result.current;
    rerender();
    expect(result.current.send).toBe(send);
    expect(result.current.stop).toBe(stop);
    expect(result.current.regenerate).toBe(regenerate);
  });

  it('renders once per frame, not once per token', async () => {
    const server = controlledTransport();
    let renders = 0;
    const { result } = renderHook(() => {
      renders++;
      return useStreamingChat({ transport: server.transport });
    });
    act(() => {
      void result.current.send('Hello');
    });
    const tokens: StreamPart[] = Array.from({ length: 200 }, (_, index) => ({ type: 'text-delta', id: 't', delta: `w${index} ` }));
    const before = renders;
    await act(async () => {
      server.push({ type: 'text-start', id: 't' }, ...tokens);
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    const text = result.current.messages[1]?.parts[0];
    expect(text).toMatchObject({ type: 'text' });
    expect(text?.type === 'text' && text.text.split(' ').length).toBe(201);
    expect(renders - before).toBeLessThan(10);
  });

  it('reports a server error part as an error status and keeps the text', async () => {
    const server = controlledTransport();
    const { result } = renderHook(() => useStreamingChat({ transport: server.transport, scheduler: syncScheduler }));
    let done: Promise<void> | undefined;
    act(() => {
      done = result.current.send('Hello');
    });
    await act(async () => {
      server.push({ type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: 'Some' }, { type: 'error', errorText: 'overloaded' });
      server.close();
      await done;
    });
    expect(result.current.status).toBe('error');
    expect(result.current.error).toMatchObject({ code: 'stream/server-error', message: 'overloaded' });
    expect(result.current.messages[1]?.parts[0]).toMatchObject({ text: 'Some' });
  });

  it('streams an anthropic reply over HTTP on the first request, its decoder loaded on demand', async () => {
    const sse = [
      { type: 'message_start', message: { id: 'msg_1', role: 'assistant', content: [], usage: { input_tokens: 1, output_tokens: 1 } } },
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Bonjour' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 2 } },
      { type: 'message_stop' },
    ]
      .map((event) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`)
      .join('');
    const fetch = (async () => new Response(sse, { headers: { 'Content-Type': 'text/event-stream' } })) as typeof globalThis.fetch;
    const { result } = renderHook(() => useStreamingChat({ format: 'anthropic', fetch, scheduler: syncScheduler }));
    await act(() => result.current.send('Hello'));
    expect(result.current).toMatchObject({ status: 'ready', error: undefined });
    expect(result.current.messages[1]?.parts).toContainEqual(expect.objectContaining({ type: 'text', text: 'Bonjour', state: 'done' }));
  });
});
