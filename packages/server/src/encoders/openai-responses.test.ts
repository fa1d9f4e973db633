import type { StreamPart } from '@streamkit/core';
import { describe, expect, it } from 'vitest';
// Deep import until `openai-responses` is registered in core's createDecoder; then use createDecoder('openai-responses').
import { createOpenAIResponsesDecoder } from '@streamkit/core';
import { createOpenAIResponsesEncoder } from './openai-responses.ts';
import { comparable, decodeSSE, encodeToSSE, fold, inexpressible, sequences } from './openai-round-trip.test-helper.ts';

type Event = { type: string; sequence_number: number } & Record<string, any>;

function encodeAll(parts: StreamPart[]): Event[] {
  const encoder = createOpenAIResponsesEncoder({ model: 'gpt-test', createdAt: 1700000000 });
  const messages = [...parts.flatMap((part) => encoder.encode(part)), ...encoder.end()];
  return messages.map((message) => {
    const payload = JSON.parse(message.data) as Event;
    expect(message.event).toBe(payload.type);
    return payload;
  });
}

describe('openai-responses encoder', () => {
  it('writes the event sequence of a text reply, from response.created to response.completed', () => {
    expect(encodeAll(sequences.text!).map((event) => event.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
  });

  it('numbers events with sequence_number from 0', () => {
    expect(encodeAll(sequences.text!).map((event) => event.sequence_number)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('uses the message id as the response id and lists the finished items in response.completed', () => {
    const events = encodeAll(sequences.text!);
    expect(events[0]!.response).toMatchObject({ id: 'msg-text', object: 'response', status: 'in_progress', model: 'gpt-test', created_at: 1700000000, output: [] });
    expect(events.at(-1)!.response).toMatchObject({
      id: 'msg-text',
      status: 'completed',
      output: [{ type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Hello, wörld 👋\nsecond line "quoted"', annotations: [] }] }],
    });
  });

  it('writes reasoning as a reasoning item with one summary part', () => {
    const events = encodeAll(sequences['reasoning then text']!).filter((event) => event.type.includes('reasoning'));
    expect(events.map((event) => event.type)).toEqual([
      'response.reasoning_summary_part.added',
      'response.reasoning_summary_text.delta',
      'response.reasoning_summary_text.delta',
      'response.reasoning_summary_text.done',
      'response.reasoning_summary_part.done',
    ]);
    expect(events[3]).toMatchObject({ summary_index: 0, text: 'The user wants a number.' });
  });

  it('writes each tool call as a function_call item whose call_id is the tool call id', () => {
    const events = encodeAll(sequences['parallel tool calls']!);
    const items = events.filter((event) => event.type === 'response.output_item.done').map((event) => event.item);
    expect(items.slice(1)).toEqual([
      { id: expect.stringMatching(/^fc_/), type: 'function_call', status: 'completed', call_id: 'call_a', name: 'weather', arguments: '{"city":"Oslo"}' },
      { id: expect.stringMatching(/^fc_/), type: 'function_call', status: 'completed', call_id: 'call_b', name: 'time', arguments: '{"zone":"CET"}' },
      { id: expect.stringMatching(/^fc_/), type: 'function_call', status: 'completed', call_id: 'call_c', name: 'now', arguments: '{}' },
    ]);
  });

  it.each([
    ['length', 'response.incomplete', { incomplete_details: { reason: 'max_output_tokens' } }],
    ['content-filter', 'response.incomplete', { incomplete_details: { reason: 'content_filter' } }],
    ['stop', 'response.completed', { status: 'completed' }],
    ['tool-calls', 'response.completed', { status: 'completed' }],
  ] as const)('ends a %s finish with %s', (reason, type, response) => {
    const last = encodeAll([{ type: 'start' }, { type: 'finish', reason }]).at(-1)!;
    expect(last.type).toBe(type);
    expect(last.response).toMatchObject(response);
  });

  it('ends an error finish with response.failed carrying the last error message', () => {
    const events = encodeAll(sequences.error!);
    expect(events.find((event) => event.type === 'error')).toMatchObject({ type: 'error', code: null, message: 'The model is overloaded.', param: null });
    expect(events.at(-1)).toMatchObject({ type: 'response.failed', response: { status: 'failed', error: { code: 'server_error', message: 'The model is overloaded.' } } });
  });

  it('fails the response at end() when an error came but no finish', () => {
    const events = encodeAll([{ type: 'start' }, { type: 'error', errorText: 'Producer crashed' }]);
    expect(events.at(-1)).toMatchObject({ type: 'response.failed', response: { error: { message: 'Producer crashed' } } });
  });

  it('puts usage on the terminal response, with only the known counts', () => {
    const events = encodeAll([{ type: 'start' }, { type: 'usage', usage: { inputTokens: 3, outputTokens: 5, cachedInputTokens: 1 } }, { type: 'finish', reason: 'stop' }]);
    expect(events.at(-1)!.response.usage).toEqual({ input_tokens: 3, input_tokens_details: { cached_tokens: 1 }, output_tokens: 5 });
  });

  it('opens the response implicitly when content comes before start', () => {
    expect(encodeAll([{ type: 'text-delta', id: 't', delta: 'x' }]).slice(0, 2).map((event) => event.type)).toEqual(['response.created', 'response.in_progress']);
  });

  it('writes sources as annotations on the message, before or after its text', () => {
    const events = encodeAll([
      { type: 'source', sourceType: 'url', id: 's1', url: 'https://a.example', title: 'A' },
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'x' },
      { type: 'source', sourceType: 'document', id: 'file-1', filename: 'ai.pdf' },
      { type: 'text-end', id: 't' },
    ]);
    expect(events.filter((event) => event.type === 'response.output_text.annotation.added').map((event) => [event.annotation_index, event.annotation])).toEqual([
      [0, { type: 'url_citation', url: 'https://a.example', title: 'A', start_index: 0, end_index: 0 }],
      [1, { type: 'file_citation', file_id: 'file-1', filename: 'ai.pdf', index: 0 }],
    ]);
    expect(events.find((event) => event.type === 'response.output_item.done')!.item.content[0].annotations).toHaveLength(2);
  });

  it('drops provider-executed tool calls and parts the format cannot express', () => {
    const parts: StreamPart[] = [
      { type: 'start' },
      { type: 'tool-input-start', toolCallId: 'ws', toolName: 'web_search', providerExecuted: true },
      { type: 'tool-input-available', toolCallId: 'ws', toolName: 'web_search', input: {}, providerExecuted: true },
      ...inexpressible,
    ];
    expect(encodeAll(parts).map((event) => event.type)).toEqual(['response.created', 'response.in_progress']);
  });

  it('writes nothing after the response ended', () => {
    const encoder = createOpenAIResponsesEncoder();
    encoder.encode({ type: 'finish', reason: 'stop' });
    expect(encoder.encode({ type: 'text-delta', id: 't', delta: 'late' })).toEqual([]);
    expect(encoder.end()).toEqual([]);
  });
});

describe('openai-responses round trip (encode → SSE → parse → decode → fold)', () => {
  it.each(Object.entries(sequences))('%s gives the same message', (_name, parts) => {
    const decoded = decodeSSE(encodeToSSE(createOpenAIResponsesEncoder(), parts), createOpenAIResponsesDecoder());
    expect(comparable(fold(decoded))).toEqual(comparable(fold(parts)));
    expect(decoded.find((part) => part.type === 'start')).toEqual({ type: 'start', messageId: parts[0]?.type === 'start' ? parts[0].messageId : undefined });
    expect(decoded.filter((part) => part.type === 'error')).toEqual(parts.filter((part) => part.type === 'error'));
    expect(decoded.at(-1)).toEqual(parts.at(-1));
  });

  it('keeps sources', () => {
    const parts: StreamPart[] = [
      { type: 'text-delta', id: 't', delta: 'See [1].' },
      { type: 'source', sourceType: 'url', id: 'https://a.example', url: 'https://a.example', title: 'A' },
      { type: 'finish', reason: 'stop' },
    ];
    const decoded = decodeSSE(encodeToSSE(createOpenAIResponsesEncoder(), parts), createOpenAIResponsesDecoder());
    expect(decoded.filter((part) => part.type === 'source')).toEqual([parts[1]]);
  });
});
