import { applyStreamPart, createAssistantMessage, createSSEParser } from '@streamkit/core';
import type { SSEEvent, StreamPart, UIMessage } from '@streamkit/core';
import { describe, expect, it } from 'vitest';
// Until the lead registers 'anthropic' in createDecoder, the decoder is imported from its file.
import { createAnthropicDecoder } from '@streamkit/core';
import { formatSSEFrame } from '../sse-frame.ts';
import { createAnthropicEncoder } from './anthropic.ts';

/** Encodes the parts and frames them as the SSE text a client would receive. */
function encodeToSSE(parts: StreamPart[]): string {
  const encoder = createAnthropicEncoder();
  const messages = [...parts.flatMap((part) => encoder.encode(part)), ...encoder.end()];
  return messages.map((message, index) => formatSSEFrame(message, index)).join('');
}

function parseSSE(text: string): SSEEvent[] {
  const events: SSEEvent[] = [];
  const parser = createSSEParser({ onEvent: (event) => events.push(event) });
  parser.feed(text);
  parser.end();
  return events;
}

/** The payloads written, as `[event name, JSON]` pairs. */
function encodeToEvents(parts: StreamPart[]): Array<[string, Record<string, unknown>]> {
  return parseSSE(encodeToSSE(parts)).map((event) => [event.event, JSON.parse(event.data) as Record<string, unknown>]);
}

function decode(text: string): StreamPart[] {
  const decoder = createAnthropicDecoder();
  return [...parseSSE(text).flatMap((event) => decoder.decode(event)), ...decoder.end()];
}

/**
 * What a reader sees: text, reasoning, tool calls and sources, without part ids (each side names its own),
 * steps, or a tool call's raw `inputText` (the encoder streams an input that arrived whole as one fragment).
 */
function view(message: UIMessage) {
  return message.parts.flatMap((part): unknown[] => {
    switch (part.type) {
      case 'text':
      case 'reasoning': {
        const { id: _id, ...rest } = part;
        return [rest];
      }
      case 'tool-call': {
        const { inputText: _inputText, ...rest } = part;
        return [rest];
      }
      case 'step-start':
        return [];
      default:
        return [part];
    }
  });
}

const fold = (parts: StreamPart[]) => parts.reduce(applyStreamPart, createAssistantMessage('m'));

/** Compares the messages as the chat store leaves them: it settles the draft when the stream ends. */
function expectRoundTrip(parts: StreamPart[]): StreamPart[] {
  const decoded = decode(encodeToSSE(parts));
  const settle = (message: UIMessage) => applyStreamPart(message, { type: 'finish', reason: 'stop' });
  expect(view(settle(fold(decoded)))).toEqual(view(settle(fold(parts))));
  return decoded;
}

describe('anthropic encoder: wire shape', () => {
  it('writes a text reply as message_start, one content block, message_delta and message_stop', () => {
    const events = encodeToEvents([
      { type: 'start', messageId: 'msg_1' },
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'Hi' },
      { type: 'text-end', id: 't' },
      { type: 'finish', reason: 'stop', usage: { inputTokens: 5, outputTokens: 2 } },
    ]);
    expect(events).toEqual([
      [
        'message_start',
        {
          type: 'message_start',
          message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'streamkit', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 0, output_tokens: 0 } },
        },
      ],
      ['content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }],
      ['content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hi' } }],
      ['content_block_stop', { type: 'content_block_stop', index: 0 }],
      ['message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { input_tokens: 5, output_tokens: 2 } }],
      ['message_stop', { type: 'message_stop' }],
    ]);
  });

  it('names the model given in the options', () => {
    const [message] = createAnthropicEncoder({ model: 'claude-mock' }).encode({ type: 'start' });
    expect(JSON.parse(message!.data).message.model).toBe('claude-mock');
  });

  it('opens the message itself when content arrives without a start part, with a generated id', () => {
    const [[name, payload]] = encodeToEvents([{ type: 'text-delta', id: 't', delta: 'x' }]) as [[string, { message: { id: string } }]];
    expect(name).toBe('message_start');
    expect(payload.message.id).toMatch(/^msg_/);
  });

  it('numbers content blocks in the order they start, across steps', () => {
    const events = encodeToEvents([
      { type: 'start' },
      { type: 'step-start' },
      { type: 'reasoning-start', id: 'r' },
      { type: 'reasoning-delta', id: 'r', delta: 'Hmm' },
      { type: 'reasoning-end', id: 'r' },
      { type: 'tool-input-start', toolCallId: 'c', toolName: 'f' },
      { type: 'tool-input-available', toolCallId: 'c', toolName: 'f', input: {} },
      { type: 'step-finish' },
      { type: 'step-start' },
      { type: 'text-start', id: 't' },
      { type: 'text-end', id: 't' },
      { type: 'finish', reason: 'stop' },
    ]);
    expect(events.filter(([name]) => name === 'content_block_start').map(([, payload]) => payload.index)).toEqual([0, 1, 2]);
    expect(events.filter(([name]) => name === 'message_start')).toHaveLength(1);
  });

  it.each([
    ['stop', 'end_turn'],
    ['length', 'max_tokens'],
    ['tool-calls', 'tool_use'],
    ['content-filter', 'refusal'],
    ['other', 'end_turn'],
    ['unknown', 'end_turn'],
    ['error', 'end_turn'],
  ] as const)('maps finish reason %s to stop_reason %s', (reason, stopReason) => {
    const delta = encodeToEvents([{ type: 'finish', reason }]).find(([name]) => name === 'message_delta');
    expect(delta?.[1]).toMatchObject({ delta: { stop_reason: stopReason } });
  });

  it('writes reasoning as a thinking block and redacted reasoning as a redacted_thinking block', () => {
    const starts = encodeToEvents([
      { type: 'reasoning-start', id: 'a' },
      { type: 'reasoning-delta', id: 'a', delta: 'Think' },
      { type: 'reasoning-end', id: 'a' },
      { type: 'reasoning-start', id: 'b' },
      { type: 'reasoning-end', id: 'b', redacted: true },
    ]).filter(([name]) => name === 'content_block_start');
    expect(starts.map(([, payload]) => payload.content_block)).toEqual([
      { type: 'thinking', thinking: '', signature: '' },
      { type: 'redacted_thinking', data: '' },
    ]);
  });

  it('writes a provider-executed call as server_tool_use followed by its result block', () => {
    const blocks = encodeToEvents([
      { type: 'tool-input-start', toolCallId: 's1', toolName: 'web_search', providerExecuted: true },
      { type: 'tool-input-available', toolCallId: 's1', toolName: 'web_search', input: { query: 'q' }, providerExecuted: true },
      { type: 'tool-output-available', toolCallId: 's1', output: [{ type: 'web_search_result', url: 'https://a.example' }] },
    ]).filter(([name]) => name === 'content_block_start');
    expect(blocks.map(([, payload]) => payload.content_block)).toEqual([
      { type: 'server_tool_use', id: 's1', name: 'web_search', input: {} },
      { type: 'web_search_tool_result', tool_use_id: 's1', content: [{ type: 'web_search_result', url: 'https://a.example' }] },
    ]);
  });

  it('writes an error part as an error event', () => {
    expect(encodeToEvents([{ type: 'error', errorText: 'Overloaded' }])).toEqual([
      ['error', { type: 'error', error: { type: 'api_error', message: 'Overloaded' } }],
    ]);
  });

  it('drops parts the format cannot carry', () => {
    const encoder = createAnthropicEncoder();
    const dropped: StreamPart[] = [
      { type: 'data', name: 'weather', data: { c: 3 } },
      { type: 'tool-approval-request', toolCallId: 'c', approvalId: 'a' },
      { type: 'tool-output-denied', toolCallId: 'c' },
      { type: 'metadata', metadata: { a: 1 } },
      { type: 'file', url: 'https://a.example/f.png', mediaType: 'image/png' },
      { type: 'step-start' },
      { type: 'step-finish' },
      { type: 'abort' },
      { type: 'source', sourceType: 'url', id: 's', url: 'https://a.example' },
    ];
    expect(dropped.flatMap((part) => encoder.encode(part))).toEqual([]);
  });

  it('drops the output of a client-side tool, which the client sends in its next request', () => {
    const events = encodeToEvents([
      { type: 'tool-input-available', toolCallId: 'c', toolName: 'weather', input: {} },
      { type: 'tool-output-available', toolCallId: 'c', output: { temp: 4 } },
    ]);
    expect(events.filter(([name]) => name === 'content_block_start')).toHaveLength(1);
  });

  it('writes nothing at the end, so a stream without a finish part has no message_stop', () => {
    const encoder = createAnthropicEncoder();
    encoder.encode({ type: 'text-delta', id: 't', delta: 'cut' });
    expect(encoder.end()).toEqual([]);
  });

  it('sends no extra response headers', () => {
    expect(createAnthropicEncoder().headers).toEqual({});
  });
});

describe('anthropic encoder → SSE → anthropic decoder round trip', () => {
  it('keeps a text reply', () => {
    expectRoundTrip([
      { type: 'start', messageId: 'msg_1' },
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'Hello, ' },
      { type: 'text-delta', id: 't', delta: 'world\nwith a newline.' },
      { type: 'text-end', id: 't' },
      { type: 'finish', reason: 'stop' },
    ]);
  });

  it('keeps the message id', () => {
    expect(fold(decode(encodeToSSE([{ type: 'start', messageId: 'msg_keep' }, { type: 'finish', reason: 'stop' }]))).id).toBe('msg_keep');
  });

  it('keeps thinking followed by text', () => {
    expectRoundTrip([
      { type: 'start' },
      { type: 'reasoning-start', id: 'r' },
      { type: 'reasoning-delta', id: 'r', delta: 'First, ' },
      { type: 'reasoning-delta', id: 'r', delta: 'the weather.' },
      { type: 'reasoning-end', id: 'r' },
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'Sunny.' },
      { type: 'text-end', id: 't' },
      { type: 'finish', reason: 'stop' },
    ]);
  });

  it('keeps redacted thinking', () => {
    const decoded = expectRoundTrip([
      { type: 'reasoning-start', id: 'r' },
      { type: 'reasoning-end', id: 'r', redacted: true },
      { type: 'text-delta', id: 't', delta: 'Done.' },
      { type: 'text-end', id: 't' },
      { type: 'finish', reason: 'stop' },
    ]);
    expect(fold(decoded).parts).toContainEqual(expect.objectContaining({ type: 'reasoning', redacted: true }));
  });

  it('keeps parallel tool calls whose input fragments interleave', () => {
    const decoded = expectRoundTrip([
      { type: 'start' },
      { type: 'tool-input-start', toolCallId: 'a', toolName: 'weather' },
      { type: 'tool-input-start', toolCallId: 'b', toolName: 'time' },
      { type: 'tool-input-delta', toolCallId: 'a', delta: '{"city":' },
      { type: 'tool-input-delta', toolCallId: 'b', delta: '{"zone":"UTC"}' },
      { type: 'tool-input-delta', toolCallId: 'a', delta: '"Oslo"}' },
      { type: 'tool-input-available', toolCallId: 'b', toolName: 'time', input: { zone: 'UTC' } },
      { type: 'tool-input-available', toolCallId: 'a', toolName: 'weather', input: { city: 'Oslo' } },
      { type: 'finish', reason: 'tool-calls' },
    ]);
    expect(decoded.at(-1)).toMatchObject({ type: 'finish', reason: 'tool-calls' });
  });

  it('keeps a tool call whose input arrives whole, without deltas', () => {
    expectRoundTrip([
      { type: 'tool-input-available', toolCallId: 'a', toolName: 'weather', input: { city: 'Lima', days: [1, 2] } },
      { type: 'finish', reason: 'tool-calls' },
    ]);
  });

  it('keeps a tool input that did not parse as an input error with its raw text', () => {
    const decoded = decode(
      encodeToSSE([
        { type: 'tool-input-start', toolCallId: 'a', toolName: 'make_file' },
        { type: 'tool-input-delta', toolCallId: 'a', delta: '{"filename": "tax' },
        { type: 'tool-input-error', toolCallId: 'a', toolName: 'make_file', input: '{"filename": "tax', errorText: 'cut off' },
        { type: 'finish', reason: 'length' },
      ]),
    );
    // The error text is the decoder's own: the wire carries only the raw input.
    expect(fold(decoded).parts).toContainEqual(
      expect.objectContaining({ type: 'tool-call', toolCallId: 'a', toolName: 'make_file', state: 'output-error', input: '{"filename": "tax' }),
    );
  });

  it('keeps a provider-executed tool with its output, and a cited URL source on the text', () => {
    expectRoundTrip([
      { type: 'tool-input-start', toolCallId: 's1', toolName: 'web_search', providerExecuted: true },
      { type: 'tool-input-delta', toolCallId: 's1', delta: '{"query":"eclipse"}' },
      { type: 'tool-input-available', toolCallId: 's1', toolName: 'web_search', input: { query: 'eclipse' }, providerExecuted: true },
      { type: 'tool-output-available', toolCallId: 's1', output: [{ type: 'web_search_result', url: 'https://a.example', title: 'A' }] },
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'Use glasses.' },
      { type: 'source', sourceType: 'url', id: 'https://a.example', url: 'https://a.example', title: 'A' },
      { type: 'text-end', id: 't' },
      { type: 'finish', reason: 'stop' },
    ]);
  });

  it('keeps a provider-executed tool that failed', () => {
    expectRoundTrip([
      { type: 'tool-input-available', toolCallId: 's1', toolName: 'code_execution', input: { code: '1/0' }, providerExecuted: true },
      { type: 'tool-output-error', toolCallId: 's1', errorText: 'Container unavailable' },
      { type: 'finish', reason: 'stop' },
    ]);
  });

  it('keeps the text before an error and passes the error on', () => {
    const decoded = expectRoundTrip([
      { type: 'start' },
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'Partial' },
      { type: 'error', errorText: 'Overloaded' },
    ]);
    expect(decoded).toContainEqual({ type: 'error', errorText: 'Overloaded' });
    expect(decoded.some((part) => part.type === 'finish')).toBe(false);
  });

  it('keeps usage, whether sent as a usage part or on the finish part', () => {
    const decoded = decode(
      encodeToSSE([
        { type: 'start' },
        { type: 'usage', usage: { inputTokens: 120, cachedInputTokens: 100 } },
        { type: 'text-delta', id: 't', delta: 'ok' },
        { type: 'finish', reason: 'stop', usage: { outputTokens: 30, reasoningTokens: 12 } },
      ]),
    );
    expect(decoded.at(-1)).toEqual({
      type: 'finish',
      reason: 'stop',
      usage: { inputTokens: 120, outputTokens: 30, reasoningTokens: 12, cachedInputTokens: 100, totalTokens: 150 },
    });
  });

  it('starts a second message after a finish, which the decoder reads as a second step', () => {
    const decoded = expectRoundTrip([
      { type: 'text-delta', id: 't1', delta: 'One.' },
      { type: 'finish', reason: 'tool-calls' },
      { type: 'text-delta', id: 't2', delta: 'Two.' },
      { type: 'finish', reason: 'stop' },
    ]);
    expect(decoded.filter((part) => part.type === 'finish')).toHaveLength(2);
  });
});
