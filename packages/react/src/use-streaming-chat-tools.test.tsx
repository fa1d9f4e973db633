import { syncScheduler, type ChatRequest, type ChatTransport, type StreamPart, type ToolCallPart } from '@streamkit/core';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useStreamingChat } from './use-streaming-chat.ts';

/** A model that calls `toolName` until it has seen `stopAfter` tool outcomes, then answers in text. */
function scriptedModel(toolName: string, stopAfter = Infinity) {
  const requests: ChatRequest[] = [];
  const transport: ChatTransport = {
    async sendMessages(request) {
      requests.push(request);
      const outcomes = request.messages.flatMap((message) => message.parts).filter((part) => part.type === 'tool-call' && part.state !== 'input-available');
      const id = `call-${requests.length}`;
      const parts: StreamPart[] =
        outcomes.length >= stopAfter
          ? [{ type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: 'Done.' }, { type: 'text-end', id: 't' }, { type: 'finish', reason: 'stop' }]
          : [
              { type: 'tool-input-start', toolCallId: id, toolName },
              { type: 'tool-input-available', toolCallId: id, toolName, input: { n: requests.length } },
              { type: 'finish', reason: 'tool-calls' },
            ];
      return (async function* () {
        yield* parts;
      })();
    },
  };
  return { transport, requests };
}

const lastToolCall = (request: ChatRequest | undefined) =>
  request?.messages.at(-1)?.parts.filter((part): part is ToolCallPart => part.type === 'tool-call').at(-1);

describe('useStreamingChat tools', () => {
  it('stops the automatic tool loop at maxSteps', async () => {
    const model = scriptedModel('tick');
    const { result } = renderHook(() => useStreamingChat({ transport: model.transport, scheduler: syncScheduler, maxSteps: 2, tools: { tick: { execute: () => 'ok' } } }));
    await act(() => result.current.send('go'));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(model.requests).toHaveLength(2);
  });

  it('sends an approval and the result to the model, and a denial without running the tool', async () => {
    const approved = scriptedModel('pay', 1);
    let payments = 0;
    const tools = { pay: { needsApproval: true, execute: () => ++payments } };
    const first = renderHook(() => useStreamingChat({ transport: approved.transport, scheduler: syncScheduler, tools }));
    await act(() => first.result.current.send('pay'));
    const waiting = first.result.current.messages.at(-1)?.parts.find((part): part is ToolCallPart => part.type === 'tool-call');
    expect(waiting?.state).toBe('awaiting-approval');
    act(() => first.result.current.respondToToolApproval(waiting!.toolCallId, true));
    await waitFor(() => expect(approved.requests).toHaveLength(2));
    expect(lastToolCall(approved.requests[1])).toMatchObject({ state: 'output-available', output: 1, approved: true });

    const denied = scriptedModel('pay', 1);
    const second = renderHook(() => useStreamingChat({ transport: denied.transport, scheduler: syncScheduler, tools }));
    await act(() => second.result.current.send('pay'));
    const pending = second.result.current.messages.at(-1)?.parts.find((part): part is ToolCallPart => part.type === 'tool-call');
    act(() => second.result.current.respondToToolApproval(pending!.toolCallId, false));
    await waitFor(() => expect(denied.requests).toHaveLength(2));
    expect(lastToolCall(denied.requests[1])).toMatchObject({ state: 'denied', approved: false });
    expect(payments).toBe(1);
  });

  it('turns a throwing tool into an output-error part', async () => {
    const model = scriptedModel('boom', 1);
    const tools = {
      boom: {
        execute: () => {
          throw new Error('kaput');
        },
      },
    };
    const { result } = renderHook(() => useStreamingChat({ transport: model.transport, scheduler: syncScheduler, tools }));
    await act(() => result.current.send('go'));
    await waitFor(() => expect(model.requests).toHaveLength(2));
    expect(lastToolCall(model.requests[1])).toMatchObject({ state: 'output-error', errorText: 'kaput' });
  });

  it('collects the render functions of tools as toolRenderers', () => {
    const render = () => null;
    const { result } = renderHook(() => useStreamingChat({ tools: { weather: { execute: () => 1, render }, plain: { execute: () => 2 } } }));
    expect(result.current.toolRenderers).toEqual({ weather: render });
  });
});
