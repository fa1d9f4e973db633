import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StreamkitError } from '../errors.ts';
import type { ToolCallPart, UIMessage } from '../message/types.ts';
import type { StreamPart } from '../stream-part.ts';
import { syncScheduler } from '../store/notifier.ts';
import type { ChatTransport } from '../transport/types.ts';
import { createChatStore } from './chat-store.ts';

// The modules the chat store loads on demand, held back (or broken) so that the tests decide when
// they arrive. Nothing else in this file imports them.
const gates = vi.hoisted(() => {
  const gate = () => {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { opened, open };
  };
  return { parser: gate(), anthropic: gate(), gate };
});

vi.mock('../partial-json/partial-json-parser.ts', async (importOriginal) => {
  await gates.parser.opened;
  return importOriginal();
});
vi.mock('../decoders/anthropic.ts', async (importOriginal) => {
  await gates.anthropic.opened;
  return importOriginal();
});
vi.mock('../decoders/openai-chat.ts', () => {
  throw new Error('Failed to fetch dynamically imported module: /assets/openai-chat-x1.js');
});

const toolCallOf = (messages: UIMessage[]) =>
  messages.at(-1)?.parts.find((part): part is ToolCallPart => part.type === 'tool-call');

/** A transport whose reply the test writes part by part. */
function manualTransport() {
  const queue: StreamPart[] = [];
  let wake: (() => void) | undefined;
  let ended = false;
  const transport: ChatTransport = {
    async sendMessages() {
      return (async function* () {
        for (;;) {
          if (queue.length > 0) yield queue.shift()!;
          else if (ended) return;
          else await new Promise<void>((resolve) => (wake = resolve));
        }
      })();
    },
  };
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    transport,
    async write(...parts: StreamPart[]) {
      queue.push(...parts);
      wake?.();
      await flush();
    },
    async end() {
      ended = true;
      wake?.();
      await flush();
    },
  };
}

const anthropicText = [
  'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_1","role":"assistant","content":[],"usage":{"input_tokens":1,"output_tokens":1}}}\n\n',
  'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n',
  'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi there"}}\n\n',
  'event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\n',
  'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":2}}\n\n',
  'event: message_stop\ndata: {"type":"message_stop"}\n\n',
].join('');

const fetchReplying = (body: string) =>
  vi.fn(async () => new Response(body, { headers: { 'Content-Type': 'text/event-stream' } })) as unknown as typeof fetch & ReturnType<typeof vi.fn>;

afterEach(() => {
  vi.useRealTimers();
});

describe('createChatStore loading a decoder on demand', () => {
  it('releases the open connection of a resumed reply stopped while its decoder loads', async () => {
    const cancel = vi.fn();
    const body = new ReadableStream<Uint8Array>({ cancel });
    const fetch = vi.fn(async () => new Response(body, { headers: { 'Content-Type': 'text/event-stream' } })) as unknown as typeof globalThis.fetch;
    const store = createChatStore({ format: 'anthropic', fetch, scheduler: syncScheduler });
    const resuming = store.resume();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fetch).toHaveBeenCalledOnce();

    store.stop();
    await resuming;
    expect(cancel).toHaveBeenCalled();
    expect(store.getSnapshot()).toMatchObject({ status: 'ready', error: undefined });
  });

  it('ends a stream stopped while its decoder loads at once, without an error, and streams the next request', async () => {
    const fetch = fetchReplying(anthropicText);
    const onError = vi.fn();
    const store = createChatStore({ format: 'anthropic', fetch, scheduler: syncScheduler, onError });
    const first = store.send('Hello');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getSnapshot().status).toBe('submitted');

    store.stop();
    await first;
    expect(store.getSnapshot()).toMatchObject({ status: 'ready', error: undefined });
    expect(fetch).not.toHaveBeenCalled();

    gates.anthropic.open();
    await store.send('Hello again');
    expect(onError).not.toHaveBeenCalled();
    const reply = store.getSnapshot().messages.at(-1);
    expect(reply?.parts.filter((part) => part.type === 'text')).toEqual([{ type: 'text', id: expect.any(String), text: 'Hi there', state: 'done' }]);
  });

  it('reports a decoder that fails to load as a typed module/load-failed error, not an unhandled rejection', async () => {
    const onError = vi.fn();
    const store = createChatStore({ format: 'openai-chat', fetch: fetchReplying('data: [DONE]\n\n'), scheduler: syncScheduler, onError });
    await store.send('Hello');
    const { status, error } = store.getSnapshot();
    expect(status).toBe('error');
    expect(error).toMatchObject({ code: 'module/load-failed', message: expect.stringContaining('"openai-chat" decoder') });
    expect(onError).toHaveBeenCalledWith(error);
  });
});

describe('createChatStore parsing tool input before the parser has loaded', () => {
  it('shows the input that streamed before the parser loaded, then keeps parsing as more arrives', async () => {
    const model = manualTransport();
    // onToolCall: the app answers tool calls itself, so the call stays as the stream left it.
    const store = createChatStore({ transport: model.transport, scheduler: syncScheduler, onToolCall: () => {} });
    const sending = store.send('Weather?');

    await model.write(
      { type: 'tool-input-start', toolCallId: 'c1', toolName: 'weather' },
      { type: 'tool-input-delta', toolCallId: 'c1', delta: '{"city": "Os' },
    );
    expect(toolCallOf(store.getSnapshot().messages)).toMatchObject({ state: 'input-streaming', inputText: '{"city": "Os', input: undefined });

    gates.parser.open();
    await vi.waitFor(() => expect(toolCallOf(store.getSnapshot().messages)?.input).toEqual({ city: 'Os' }));

    await model.write({ type: 'tool-input-delta', toolCallId: 'c1', delta: 'lo", "days": [1' });
    expect(toolCallOf(store.getSnapshot().messages)?.input).toEqual({ city: 'Oslo', days: [] });

    await model.write(
      { type: 'tool-input-delta', toolCallId: 'c1', delta: ', 2]}' },
      { type: 'tool-input-available', toolCallId: 'c1', toolName: 'weather', input: { city: 'Oslo', days: [1, 2] } },
      { type: 'finish', reason: 'tool-calls' },
    );
    await model.end();
    await sending;
    expect(toolCallOf(store.getSnapshot().messages)).toMatchObject({ state: 'input-available', input: { city: 'Oslo', days: [1, 2] } });
  });
});

describe('createChatStore when the partial-JSON parser cannot load', () => {
  it('still gets the whole input from tool-input-available and reports the failure through onError', async () => {
    vi.resetModules();
    vi.doMock('../partial-json/partial-json-parser.ts', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    const { createChatStore: createFreshChatStore } = await import('./chat-store.ts');
    const errors: StreamkitError[] = [];
    const model = manualTransport();
    const store = createFreshChatStore({
      transport: model.transport,
      scheduler: syncScheduler,
      onToolCall: () => {},
      onError: (error) => errors.push(error),
    });
    const sending = store.send('Weather?');
    await model.write(
      { type: 'tool-input-start', toolCallId: 'c1', toolName: 'weather' },
      { type: 'tool-input-delta', toolCallId: 'c1', delta: '{"city": "Oslo"}' },
    );
    await vi.waitFor(() => expect(errors).toEqual([expect.objectContaining({ code: 'module/load-failed' })]));
    await model.write({ type: 'tool-input-available', toolCallId: 'c1', toolName: 'weather', input: { city: 'Oslo' } }, { type: 'finish', reason: 'stop' });
    await model.end();
    await sending;
    expect(store.getSnapshot().status).toBe('ready');
    expect(toolCallOf(store.getSnapshot().messages)).toMatchObject({ state: 'input-available', input: { city: 'Oslo' } });
    vi.doUnmock('../partial-json/partial-json-parser.ts');
  });
});
