import type { StreamPart } from '@streamkit/core';
import { describe, expect, it } from 'vitest';
// Deep import until `openai-chat` is registered in core's createDecoder; then use createDecoder('openai-chat').
import { createOpenAIChatDecoder } from '@streamkit/core';
import { createOpenAIChatEncoder } from './openai-chat.ts';
import { comparable, decodeSSE, encodeToSSE, fold, inexpressible, sequences } from './openai-round-trip.test-helper.ts';

const encodeAll = (parts: StreamPart[]) => {
  const encoder = createOpenAIChatEncoder({ model: 'gpt-test', created: 1700000000 });
  return [...parts.flatMap((part) => encoder.encode(part)), ...encoder.end()];
};
const payloads = (parts: StreamPart[]) => encodeAll(parts).map((message) => (message.data === '[DONE]' ? message.data : JSON.parse(message.data)));

describe('openai-chat encoder', () => {
  it('writes chat.completion.chunk objects with the message id, a role first and [DONE] last', () => {
    expect(payloads(sequences.text!.slice(0, 3))).toEqual([
      { id: 'msg-text', object: 'chat.completion.chunk', created: 1700000000, model: 'gpt-test', choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] },
      { id: 'msg-text', object: 'chat.completion.chunk', created: 1700000000, model: 'gpt-test', choices: [{ index: 0, delta: { content: 'Hello, ' }, finish_reason: null }] },
      '[DONE]',
    ]);
  });

  it('writes data-only events', () => {
    expect(encodeAll(sequences.text!).every((message) => message.event === undefined)).toBe(true);
  });

  it('sends reasoning as delta.reasoning_content', () => {
    expect(payloads([{ type: 'reasoning-delta', id: 'r', delta: 'Hmm' }])[0].choices[0].delta).toEqual({ role: 'assistant', reasoning_content: 'Hmm' });
  });

  it('numbers tool calls by the order they start and sends id and name in the first fragment', () => {
    const chunks = payloads(sequences['parallel tool calls']!).filter((chunk) => chunk !== '[DONE]' && chunk.choices[0]?.delta.tool_calls);
    expect(chunks.map((chunk) => chunk.choices[0].delta.tool_calls[0])).toEqual([
      { index: 0, id: 'call_a', type: 'function', function: { name: 'weather', arguments: '' } },
      { index: 0, function: { arguments: '{"city":' } },
      { index: 0, function: { arguments: '"Oslo"}' } },
      { index: 1, id: 'call_b', type: 'function', function: { name: 'time', arguments: '' } },
      { index: 1, function: { arguments: '{"zone":"CET"}' } },
      { index: 2, id: 'call_c', type: 'function', function: { name: 'now', arguments: '{}' } },
    ]);
  });

  it.each([
    ['stop', 'stop'],
    ['length', 'length'],
    ['tool-calls', 'tool_calls'],
    ['content-filter', 'content_filter'],
    ['error', 'stop'],
    ['other', 'stop'],
    ['unknown', 'stop'],
  ] as const)('maps finish reason %s to finish_reason %s', (reason, expected) => {
    expect(payloads([{ type: 'finish', reason }])[0].choices[0].finish_reason).toBe(expected);
  });

  it('sends usage in a last chunk with empty choices before [DONE], with only the known counts', () => {
    const chunks = payloads([{ type: 'finish', reason: 'stop', usage: { inputTokens: 3, outputTokens: 5, reasoningTokens: 2 } }]);
    expect(chunks.slice(-2)).toEqual([
      { id: expect.any(String), object: 'chat.completion.chunk', created: 1700000000, model: 'gpt-test', choices: [], usage: { prompt_tokens: 3, completion_tokens: 5, completion_tokens_details: { reasoning_tokens: 2 } } },
      '[DONE]',
    ]);
  });

  it('sends url sources as a citations array', () => {
    const chunks = payloads([
      { type: 'source', sourceType: 'url', id: 's1', url: 'https://a.example' },
      { type: 'source', sourceType: 'url', id: 's2', url: 'https://b.example' },
    ]);
    expect(chunks[1].citations).toEqual(['https://a.example', 'https://b.example']);
  });

  it('sends an error part as an error object', () => {
    expect(payloads([{ type: 'error', errorText: 'Overloaded' }])[0]).toEqual({ error: { message: 'Overloaded', type: 'server_error', param: null, code: null } });
  });

  it('drops provider-executed tool calls, which a Chat Completions client would try to run', () => {
    const parts: StreamPart[] = [
      { type: 'tool-input-start', toolCallId: 'ws', toolName: 'web_search', providerExecuted: true },
      { type: 'tool-input-delta', toolCallId: 'ws', delta: '{}' },
      { type: 'tool-input-available', toolCallId: 'ws', toolName: 'web_search', input: {}, providerExecuted: true },
    ];
    expect(payloads(parts)).toEqual(['[DONE]']);
  });

  it('drops parts the format cannot express', () => {
    expect(payloads(inexpressible)).toEqual(['[DONE]']);
  });
});

describe('openai-chat round trip (encode → SSE → parse → decode → fold)', () => {
  it.each(Object.entries(sequences))('%s gives the same message', (_name, parts) => {
    const decoded = decodeSSE(encodeToSSE(createOpenAIChatEncoder(), parts), createOpenAIChatDecoder());
    expect(comparable(fold(decoded))).toEqual(comparable(fold(parts)));
    expect(decoded.find((part) => part.type === 'start')).toEqual({ type: 'start', messageId: parts[0]?.type === 'start' ? parts[0].messageId : undefined });
    expect(decoded.filter((part) => part.type === 'error')).toEqual(parts.filter((part) => part.type === 'error'));
  });

  it('keeps the finish reason and usage', () => {
    const decoded = decodeSSE(encodeToSSE(createOpenAIChatEncoder(), sequences.usage!), createOpenAIChatDecoder());
    expect(decoded.at(-1)).toEqual(sequences.usage!.at(-1));
  });

  it('keeps tool calls whose input is only known at the end', () => {
    const parts: StreamPart[] = [{ type: 'tool-input-available', toolCallId: 'c', toolName: 'f', input: { a: [1, 2] } }, { type: 'finish', reason: 'tool-calls' }];
    const decoded = decodeSSE(encodeToSSE(createOpenAIChatEncoder(), parts), createOpenAIChatDecoder());
    expect(decoded).toContainEqual(parts[0]);
    expect(decoded.at(-1)).toEqual({ type: 'finish', reason: 'tool-calls' });
  });
});
