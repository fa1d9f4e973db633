import { beforeAll, describe, expect, it } from 'vitest';
import type { ToolCallPart, UIMessage } from '../message/types.ts';
import type { StreamPart } from '../stream-part.ts';
import { syncScheduler } from '../store/notifier.ts';
import type { ChatRequest, ChatTransport } from '../transport/types.ts';
import { createChatStore } from './chat-store.ts';
import { loadPartialJSONParser } from './tool-input-parsers.ts';

/** A model that calls `toolName` on every turn until it sees `stopAfter` results, then answers in text. */
function scriptedModel(toolName: string, input: unknown, stopAfter = Infinity) {
  const requests: ChatRequest[] = [];
  const transport: ChatTransport = {
    async sendMessages(request) {
      requests.push(request);
      const results = request.messages.flatMap((message) =>
        message.parts.filter((part): part is ToolCallPart => part.type === 'tool-call' && part.state !== 'input-available'),
      );
      const call = `call-${requests.length}`;
      const parts: StreamPart[] =
        results.length >= stopAfter
          ? [{ type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: 'All done.' }, { type: 'text-end', id: 't' }, { type: 'finish', reason: 'stop' }]
          : [
              { type: 'step-start' },
              { type: 'tool-input-start', toolCallId: call, toolName },
              { type: 'tool-input-delta', toolCallId: call, delta: JSON.stringify(input).slice(0, 11) },
              { type: 'tool-input-delta', toolCallId: call, delta: JSON.stringify(input).slice(11) },
              { type: 'tool-input-available', toolCallId: call, toolName, input },
              { type: 'finish', reason: 'tool-calls' },
            ];
      return (async function* () {
        yield* parts;
      })();
    },
  };
  return { transport, requests };
}

const toolCalls = (message: UIMessage | undefined) => message?.parts.filter((part): part is ToolCallPart => part.type === 'tool-call') ?? [];
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createChatStore with client-side tools', () => {
  // As in an app a moment after the store is created with tools; the loading itself is tested in
  // chat-store-lazy.test.ts.
  beforeAll(() => loadPartialJSONParser());

  it('runs a tool when its input is complete, sends the result back and continues until the model answers', async () => {
    const model = scriptedModel('weather', { city: 'Oslo' }, 1);
    const calls: unknown[] = [];
    const store = createChatStore({
      transport: model.transport,
      scheduler: syncScheduler,
      tools: { weather: { execute: (input: { city: string }) => (calls.push(input), { celsius: 4 }) } },
    });
    await store.send('Weather in Oslo?');
    await settle();

    expect(calls).toEqual([{ city: 'Oslo' }]);
    expect(model.requests).toHaveLength(2);
    const sentBack = toolCalls(model.requests[1]!.messages.at(-1));
    expect(sentBack[0]).toMatchObject({ state: 'output-available', output: { celsius: 4 } });
    const [assistant] = store.getSnapshot().messages.slice(-1);
    expect(assistant?.parts.at(-1)).toMatchObject({ type: 'text', text: 'All done.' });
    expect(store.getSnapshot().messages).toHaveLength(2);
  });

  it('shows the tool input filling in while its arguments stream', async () => {
    const model = scriptedModel('weather', { city: 'Oslo' }, 1);
    const seen: unknown[] = [];
    const store = createChatStore({ transport: model.transport, scheduler: syncScheduler, tools: { weather: { execute: () => ({}) } } });
    store.subscribe(() => {
      const call = toolCalls(store.getSnapshot().messages.at(-1))[0];
      if (call?.state === 'input-streaming') seen.push(call.input);
    });
    await store.send('Weather?');
    expect(seen).toContainEqual({ city: 'Os' });
  });

  it('stops the loop at maxSteps', async () => {
    const model = scriptedModel('counter', {});
    const store = createChatStore({ transport: model.transport, scheduler: syncScheduler, maxSteps: 3, tools: { counter: { execute: () => 1 } } });
    await store.send('Count forever');
    await settle();
    expect(model.requests).toHaveLength(3);
    expect(store.getSnapshot().status).toBe('ready');
  });

  it('turns a throwing tool into an output-error the model is told about', async () => {
    const model = scriptedModel('flaky', {}, 1);
    const store = createChatStore({
      transport: model.transport,
      scheduler: syncScheduler,
      tools: {
        flaky: {
          execute: () => {
            throw new Error('Service unavailable');
          },
        },
      },
    });
    await store.send('Try it');
    await settle();
    expect(toolCalls(model.requests[1]!.messages.at(-1))[0]).toMatchObject({ state: 'output-error', errorText: 'Service unavailable' });
  });

  it('reports an unknown tool as an error sent back to the model, never a crash', async () => {
    const model = scriptedModel('missing', {}, 1);
    const store = createChatStore({ transport: model.transport, scheduler: syncScheduler, tools: {} });
    await store.send('Use a tool you do not have');
    await settle();
    expect(toolCalls(model.requests[1]!.messages.at(-1))[0]).toMatchObject({ state: 'output-error', errorText: expect.stringContaining('Unknown tool "missing"') });
  });

  it('waits for approval, then runs the tool and continues', async () => {
    const model = scriptedModel('delete', { id: 7 }, 1);
    let ran = false;
    const store = createChatStore({
      transport: model.transport,
      scheduler: syncScheduler,
      tools: { delete: { needsApproval: true, execute: () => ((ran = true), 'deleted') } },
    });
    await store.send('Delete item 7');
    await settle();
    const waiting = toolCalls(store.getSnapshot().messages.at(-1))[0]!;
    expect(waiting.state).toBe('awaiting-approval');
    expect(ran).toBe(false);
    expect(model.requests).toHaveLength(1);

    store.respondToToolApproval(waiting.toolCallId, true);
    await settle();
    await settle();
    expect(ran).toBe(true);
    expect(model.requests).toHaveLength(2);
    expect(toolCalls(model.requests[1]!.messages.at(-1))[0]).toMatchObject({ state: 'output-available', output: 'deleted', approved: true });
  });

  it('sends a denial back to the model without running the tool', async () => {
    const model = scriptedModel('delete', { id: 7 }, 1);
    let ran = false;
    const store = createChatStore({
      transport: model.transport,
      scheduler: syncScheduler,
      tools: { delete: { needsApproval: () => true, execute: () => ((ran = true), 'deleted') } },
    });
    await store.send('Delete item 7');
    await settle();
    const waiting = toolCalls(store.getSnapshot().messages.at(-1))[0]!;
    store.respondToToolApproval(waiting.toolCallId, false);
    await settle();
    expect(ran).toBe(false);
    expect(toolCalls(model.requests[1]!.messages.at(-1))[0]).toMatchObject({ state: 'denied', approved: false });
    expect(store.getSnapshot().messages.at(-1)?.parts.at(-1)).toMatchObject({ type: 'text', text: 'All done.' });
  });

  it('records a result computed elsewhere with addToolResult', async () => {
    const model = scriptedModel('pickColor', {}, 1);
    const asked: string[] = [];
    const store = createChatStore({ transport: model.transport, scheduler: syncScheduler, onToolCall: ({ toolCall }) => asked.push(toolCall.toolCallId) });
    await store.send('Pick a color');
    expect(asked).toEqual(['call-1']);
    store.addToolResult({ toolCallId: 'call-1', output: 'teal' });
    await settle();
    expect(toolCalls(model.requests[1]!.messages.at(-1))[0]).toMatchObject({ state: 'output-available', output: 'teal' });
  });
});
