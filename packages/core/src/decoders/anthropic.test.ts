import { describe, expect, it } from 'vitest';
import { applyStreamPart, createAssistantMessage } from '../message/apply-stream-part.ts';
import type { SSEEvent } from '../sse/types.ts';
import type { StreamPart } from '../stream-part.ts';
import { createAnthropicDecoder } from './anthropic.ts';

type Chunk = Record<string, unknown> & { type: string };

/** An SSE event as the Messages API sends it: `event:` equals the payload's `type`. */
const sse = (chunk: Chunk | string, id = ''): SSEEvent =>
  typeof chunk === 'string' ? { event: 'message', data: chunk, id } : { event: chunk.type, data: JSON.stringify(chunk), id };

/** Decodes the chunks, then ends the stream. */
function decodeAll(chunks: Chunk[]): StreamPart[] {
  const decoder = createAnthropicDecoder();
  return [...chunks.flatMap((chunk) => decoder.decode(sse(chunk))), ...decoder.end()];
}

const fold = (parts: StreamPart[]) => parts.reduce(applyStreamPart, createAssistantMessage('m'));

const messageStart = (id = 'msg_1', usage: Record<string, unknown> = { input_tokens: 10, output_tokens: 1 }, extra: Record<string, unknown> = {}): Chunk => ({
  type: 'message_start',
  message: { id, type: 'message', role: 'assistant', content: [], model: 'claude', stop_reason: null, usage, ...extra },
});
const blockStart = (index: number, block: Record<string, unknown>): Chunk => ({ type: 'content_block_start', index, content_block: block });
const delta = (index: number, body: Record<string, unknown>): Chunk => ({ type: 'content_block_delta', index, delta: body });
const textDelta = (index: number, text: string) => delta(index, { type: 'text_delta', text });
const jsonDelta = (index: number, partial_json: string) => delta(index, { type: 'input_json_delta', partial_json });
const blockStop = (index: number): Chunk => ({ type: 'content_block_stop', index });
const messageDelta = (stop_reason: string | null, usage: Record<string, unknown> = { output_tokens: 5 }): Chunk => ({
  type: 'message_delta',
  delta: { stop_reason, stop_sequence: null },
  usage,
});
const messageStop: Chunk = { type: 'message_stop' };

const toolBlock = (id: string, name: string, input: unknown = {}, type = 'tool_use') => ({ type, id, name, input });

describe('anthropic decoder: messages and text', () => {
  it('turns message_start into a start part with the message id, then a step', () => {
    expect(decodeAll([messageStart('msg_abc')])).toEqual([{ type: 'start', messageId: 'msg_abc' }, { type: 'step-start' }]);
  });

  it('decodes a text block into text-start, text-delta and text-end keyed by the block', () => {
    const parts = decodeAll([messageStart(), blockStart(0, { type: 'text', text: '' }), textDelta(0, 'Hel'), textDelta(0, 'lo'), blockStop(0)]);
    expect(parts.slice(2)).toEqual([
      { type: 'text-start', id: '0' },
      { type: 'text-delta', id: '0', delta: 'Hel' },
      { type: 'text-delta', id: '0', delta: 'lo' },
      { type: 'text-end', id: '0' },
    ]);
  });

  it('gives every text block its own text part', () => {
    const message = fold(
      decodeAll([messageStart(), blockStart(0, { type: 'text', text: '' }), textDelta(0, 'One.'), blockStop(0), blockStart(1, { type: 'text', text: '' }), textDelta(1, ' Two.'), blockStop(1)]),
    );
    expect(message.parts.filter((part) => part.type === 'text').map((part) => part.type === 'text' && part.text)).toEqual(['One.', ' Two.']);
  });

  it('keeps text that a content_block_start already carries', () => {
    const message = fold(decodeAll([messageStart(), blockStart(0, { type: 'text', text: 'Pre' }), textDelta(0, 'fix'), blockStop(0)]));
    expect(message.parts).toContainEqual({ type: 'text', id: '0', text: 'Prefix', state: 'done' });
  });

  it('opens a text block implicitly when a delta arrives without its content_block_start', () => {
    const message = fold(decodeAll([messageStart(), textDelta(3, 'orphan'), blockStop(3)]));
    expect(message.parts).toContainEqual({ type: 'text', id: '0', text: 'orphan', state: 'done' });
  });

  it('decodes blocks already present in message_start as complete blocks', () => {
    const start = messageStart('msg_1', { input_tokens: 0, output_tokens: 0 }, {
      content: [toolBlock('toolu_pre', 'rollDie', { player: 'p1' })],
      stop_reason: 'tool_use',
    });
    const parts = decodeAll([start, messageStop]);
    expect(parts).toContainEqual({ type: 'tool-input-available', toolCallId: 'toolu_pre', toolName: 'rollDie', input: { player: 'p1' } });
    expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'tool-calls', usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0 } });
  });
});

describe('anthropic decoder: thinking', () => {
  it('decodes thinking_delta into reasoning parts and ignores signature_delta', () => {
    const parts = decodeAll([
      messageStart(),
      blockStart(0, { type: 'thinking', thinking: '', signature: '' }),
      delta(0, { type: 'thinking_delta', thinking: 'Let me think.' }),
      delta(0, { type: 'signature_delta', signature: 'EqQBCgIYAhIM1gbcDa9GJwZA' }),
      blockStop(0),
    ]);
    expect(parts.slice(2)).toEqual([
      { type: 'reasoning-start', id: '0' },
      { type: 'reasoning-delta', id: '0', delta: 'Let me think.' },
      { type: 'reasoning-end', id: '0' },
    ]);
  });

  it('turns redacted_thinking into an empty reasoning part marked redacted', () => {
    const parts = decodeAll([messageStart(), blockStart(0, { type: 'redacted_thinking', data: 'EmwKAhgBEgy3va3pzix' }), blockStop(0)]);
    expect(parts.slice(2)).toEqual([
      { type: 'reasoning-start', id: '0' },
      { type: 'reasoning-end', id: '0', redacted: true },
    ]);
    expect(fold(parts).parts).toContainEqual({ type: 'reasoning', id: '0', text: '', state: 'done', redacted: true });
  });
});

describe('anthropic decoder: client tool calls', () => {
  it('streams tool_use input fragments and parses them at content_block_stop', () => {
    const parts = decodeAll([
      messageStart(),
      blockStart(1, toolBlock('toolu_1', 'get_weather')),
      jsonDelta(1, ''),
      jsonDelta(1, '{"location": "Pa'),
      jsonDelta(1, 'ris"}'),
      blockStop(1),
    ]);
    expect(parts.slice(2)).toEqual([
      { type: 'tool-input-start', toolCallId: 'toolu_1', toolName: 'get_weather' },
      { type: 'tool-input-delta', toolCallId: 'toolu_1', delta: '{"location": "Pa' },
      { type: 'tool-input-delta', toolCallId: 'toolu_1', delta: 'ris"}' },
      { type: 'tool-input-available', toolCallId: 'toolu_1', toolName: 'get_weather', input: { location: 'Paris' } },
    ]);
  });

  it('uses the start block input when no JSON fragment arrives (a tool without arguments)', () => {
    const parts = decodeAll([messageStart(), blockStart(0, toolBlock('toolu_1', 'updateIssueList', {})), jsonDelta(0, ''), blockStop(0)]);
    expect(parts).toContainEqual({ type: 'tool-input-available', toolCallId: 'toolu_1', toolName: 'updateIssueList', input: {} });
  });

  it('falls back to {} when the start block has no input either', () => {
    const parts = decodeAll([messageStart(), blockStart(0, { type: 'tool_use', id: 'toolu_1', name: 'now' }), blockStop(0)]);
    expect(parts).toContainEqual({ type: 'tool-input-available', toolCallId: 'toolu_1', toolName: 'now', input: {} });
  });

  it('turns input cut off mid-JSON by max_tokens into tool-input-error with the raw text, without throwing', () => {
    const parts = decodeAll([
      messageStart(),
      blockStart(0, toolBlock('toolu_1', 'make_file')),
      jsonDelta(0, '{"filename": "taxes.txt", "lines": ["Filing'),
      blockStop(0),
      messageDelta('max_tokens', { output_tokens: 124 }),
      messageStop,
    ]);
    const error = parts.find((part) => part.type === 'tool-input-error');
    expect(error).toMatchObject({ toolCallId: 'toolu_1', toolName: 'make_file', input: '{"filename": "taxes.txt", "lines": ["Filing' });
    expect(error?.type === 'tool-input-error' && error.errorText).toMatch(/not valid JSON/);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', reason: 'length' });
    expect(fold(parts).parts.find((part) => part.type === 'tool-call')).toMatchObject({ state: 'output-error' });
  });

  it('keeps several tool calls apart by block index', () => {
    const message = fold(
      decodeAll([
        messageStart(),
        blockStart(0, toolBlock('toolu_a', 'weather')),
        jsonDelta(0, '{"city":"Oslo"}'),
        blockStop(0),
        blockStart(1, toolBlock('toolu_b', 'weather')),
        jsonDelta(1, '{"city":"Lima"}'),
        blockStop(1),
      ]),
    );
    expect(message.parts.flatMap((part) => (part.type === 'tool-call' ? [[part.toolCallId, part.input]] : []))).toEqual([
      ['toolu_a', { city: 'Oslo' }],
      ['toolu_b', { city: 'Lima' }],
    ]);
  });
});

describe('anthropic decoder: server tools and their results', () => {
  it('marks server_tool_use calls providerExecuted, with input from input_json_delta', () => {
    const parts = decodeAll([messageStart(), blockStart(0, toolBlock('srvtoolu_1', 'web_search', {}, 'server_tool_use')), jsonDelta(0, '{"query": "eclipse"}'), blockStop(0)]);
    expect(parts.slice(2)).toEqual([
      { type: 'tool-input-start', toolCallId: 'srvtoolu_1', toolName: 'web_search', providerExecuted: true },
      { type: 'tool-input-delta', toolCallId: 'srvtoolu_1', delta: '{"query": "eclipse"}' },
      { type: 'tool-input-available', toolCallId: 'srvtoolu_1', toolName: 'web_search', input: { query: 'eclipse' }, providerExecuted: true },
    ]);
  });

  it('takes a server tool input from the start block when it comes whole', () => {
    const parts = decodeAll([messageStart(), blockStart(1, toolBlock('srvtoolu_2', 'web_fetch', { url: 'https://example.com' }, 'server_tool_use')), blockStop(1)]);
    expect(parts).toContainEqual({ type: 'tool-input-available', toolCallId: 'srvtoolu_2', toolName: 'web_fetch', input: { url: 'https://example.com' }, providerExecuted: true });
  });

  it('marks MCP tool calls (mcp_tool_use) providerExecuted', () => {
    const parts = decodeAll([messageStart(), blockStart(0, { ...toolBlock('mcptoolu_1', 'echo', {}, 'mcp_tool_use'), server_name: 'echo' })]);
    expect(parts).toContainEqual({ type: 'tool-input-start', toolCallId: 'mcptoolu_1', toolName: 'echo', providerExecuted: true });
  });

  it.each([
    ['web_search_tool_result', [{ type: 'web_search_result', url: 'https://a.example', title: 'A' }]],
    ['web_fetch_tool_result', { type: 'web_fetch_result', url: 'https://a.example' }],
    ['code_execution_tool_result', { type: 'code_execution_result', stdout: '42\n', stderr: '', return_code: 0 }],
    ['bash_code_execution_tool_result', { type: 'bash_code_execution_result', stdout: 'ok', stderr: '', return_code: 0 }],
    ['text_editor_code_execution_tool_result', { type: 'text_editor_code_execution_create_result', is_file_update: false }],
    ['tool_search_tool_result', { type: 'tool_search_tool_search_result', tool_references: [] }],
    ['advisor_tool_result', { type: 'advisor_redacted_result', encrypted_content: 'opaque' }],
    ['mcp_tool_result', [{ type: 'text', text: 'Tool echo: hello' }]],
  ])('turns a %s block into the output of its tool call', (type, content) => {
    const parts = decodeAll([
      messageStart(),
      blockStart(0, toolBlock('srvtoolu_1', 'tool', {}, 'server_tool_use')),
      blockStop(0),
      blockStart(1, { type, tool_use_id: 'srvtoolu_1', content }),
      blockStop(1),
    ]);
    expect(parts).toContainEqual({ type: 'tool-output-available', toolCallId: 'srvtoolu_1', output: content });
    expect(fold(parts).parts.find((part) => part.type === 'tool-call')).toMatchObject({ state: 'output-available', output: content, providerExecuted: true });
  });

  it('turns a result whose content is an error object into tool-output-error', () => {
    const parts = decodeAll([
      messageStart(),
      blockStart(0, { type: 'web_search_tool_result', tool_use_id: 'srvtoolu_1', content: { type: 'web_search_tool_result_error', error_code: 'max_uses_exceeded' } }),
    ]);
    expect(parts).toContainEqual({ type: 'tool-output-error', toolCallId: 'srvtoolu_1', errorText: 'max_uses_exceeded' });
  });

  it('turns an MCP result with is_error into tool-output-error with its text', () => {
    const parts = decodeAll([
      messageStart(),
      blockStart(0, { type: 'mcp_tool_result', tool_use_id: 'mcptoolu_1', is_error: true, content: [{ type: 'text', text: 'Server unreachable' }] }),
    ]);
    expect(parts).toContainEqual({ type: 'tool-output-error', toolCallId: 'mcptoolu_1', errorText: 'Server unreachable' });
  });
});

describe('anthropic decoder: citations', () => {
  const webCitation = (url: string, title: string) =>
    delta(0, { type: 'citations_delta', citation: { type: 'web_search_result_location', cited_text: '…', url, title, encrypted_index: 'Eo8' } });

  it('turns web search citations into URL sources, one per URL', () => {
    const parts = decodeAll([
      messageStart(),
      blockStart(0, { type: 'text', text: '', citations: [] }),
      webCitation('https://a.example', 'A'),
      webCitation('https://a.example', 'A again'),
      webCitation('https://b.example', 'B'),
    ]);
    expect(parts.filter((part) => part.type === 'source')).toEqual([
      { type: 'source', sourceType: 'url', id: 'https://a.example', url: 'https://a.example', title: 'A' },
      { type: 'source', sourceType: 'url', id: 'https://b.example', url: 'https://b.example', title: 'B' },
    ]);
  });

  it.each([
    ['char_location', { document_index: 0, document_title: 'Notes', start_char_index: 0, end_char_index: 5 }],
    ['page_location', { document_index: 0, document_title: 'Notes', start_page_number: 1, end_page_number: 2 }],
    ['content_block_location', { document_index: 0, document_title: 'Notes', start_block_index: 0, end_block_index: 1 }],
  ])('turns a %s citation into a document source', (type, fields) => {
    const parts = decodeAll([messageStart(), blockStart(0, { type: 'text', text: '' }), delta(0, { type: 'citations_delta', citation: { type, cited_text: 'x', ...fields } })]);
    expect(parts).toContainEqual({ type: 'source', sourceType: 'document', id: 'document-0', title: 'Notes' });
  });
});

describe('anthropic decoder: finish and usage', () => {
  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['tool_use', 'tool-calls'],
    ['refusal', 'content-filter'],
    ['pause_turn', 'other'],
    ['some_future_reason', 'other'],
  ])('maps stop_reason %s to finish reason %s', (stopReason, reason) => {
    expect(decodeAll([messageStart(), messageDelta(stopReason), messageStop]).at(-1)).toMatchObject({ type: 'finish', reason });
  });

  it('reports finish reason unknown when no stop_reason arrived', () => {
    expect(decodeAll([messageStart(), messageStop]).at(-1)).toMatchObject({ type: 'finish', reason: 'unknown' });
  });

  it('closes the step and finishes on message_stop with normalized usage', () => {
    const parts = decodeAll([
      messageStart('msg_1', { input_tokens: 12, cache_creation_input_tokens: 3, cache_read_input_tokens: 100, output_tokens: 1 }),
      messageDelta('end_turn', { output_tokens: 30 }),
      messageStop,
    ]);
    expect(parts.slice(-2)).toEqual([
      { type: 'step-finish' },
      { type: 'finish', reason: 'stop', usage: { inputTokens: 12, outputTokens: 30, cachedInputTokens: 100, totalTokens: 42 } },
    ]);
  });

  it('lets input tokens sent in message_delta replace those of message_start', () => {
    const parts = decodeAll([messageStart('msg_1', { input_tokens: 43, output_tokens: 1 }), messageDelta('end_turn', { input_tokens: 61, output_tokens: 2 }), messageStop]);
    expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'stop', usage: { inputTokens: 61, outputTokens: 2, totalTokens: 63 } });
  });

  it('reports thinking tokens as reasoning tokens', () => {
    const parts = decodeAll([messageStart(), messageDelta('end_turn', { output_tokens: 106, output_tokens_details: { thinking_tokens: 67 } }), messageStop]);
    expect(parts.at(-1)).toMatchObject({ usage: { outputTokens: 106, reasoningTokens: 67 } });
  });

  it('closes blocks still open at message_stop', () => {
    const parts = decodeAll([messageStart(), blockStart(0, { type: 'text', text: '' }), textDelta(0, 'Hi'), messageStop]);
    expect(parts.slice(-3)).toEqual([{ type: 'text-end', id: '0' }, { type: 'step-finish' }, { type: 'finish', reason: 'unknown', usage: { inputTokens: 10, outputTokens: 1, totalTokens: 11 } }]);
  });

  it('closes open blocks at the end of a stream cut before message_stop, without a finish', () => {
    const parts = decodeAll([messageStart(), blockStart(0, { type: 'text', text: '' }), textDelta(0, 'Hi'), blockStart(1, toolBlock('toolu_1', 'f')), jsonDelta(1, '{"a":')]);
    expect(parts.slice(-2)).toEqual([
      { type: 'text-end', id: '0' },
      { type: 'tool-input-error', toolCallId: 'toolu_1', toolName: 'f', input: '{"a":', errorText: expect.stringMatching(/not valid JSON/) },
    ]);
    expect(parts.some((part) => part.type === 'finish')).toBe(false);
  });
});

describe('anthropic decoder: several messages in one stream', () => {
  it('starts a new step, not a new message, for a message_start after message_stop', () => {
    const parts = decodeAll([messageStart('msg_1'), messageDelta('tool_use'), messageStop, messageStart('msg_2'), messageDelta('end_turn'), messageStop]);
    expect(parts.map((part) => part.type)).toEqual(['start', 'step-start', 'step-finish', 'finish', 'step-start', 'step-finish', 'finish']);
  });

  it('gives blocks of the next message new part ids even though their indexes restart at 0', () => {
    const message = fold(
      decodeAll([
        messageStart('msg_1'),
        blockStart(0, { type: 'text', text: '' }),
        textDelta(0, 'First.'),
        blockStop(0),
        messageStop,
        messageStart('msg_2'),
        blockStart(0, { type: 'text', text: '' }),
        textDelta(0, 'Second.'),
        blockStop(0),
        messageStop,
      ]),
    );
    expect(message.parts.map((part) => (part.type === 'text' ? part.text : part.type))).toEqual(['step-start', 'First.', 'step-start', 'Second.']);
  });

  it('ignores a duplicate message_start for the open message before any block', () => {
    const parts = decodeAll([messageStart('msg_dup'), messageStart('msg_dup'), blockStart(0, { type: 'text', text: '' }), textDelta(0, 'Hello'), blockStop(0), messageStop]);
    expect(parts.filter((part) => part.type === 'start' || part.type === 'step-start')).toHaveLength(2);
  });

  it('treats a message_start for another message while one is open as a new step, closing the open blocks', () => {
    const parts = decodeAll([
      messageStart('msg_first'),
      blockStart(0, toolBlock('toolu_first', 'f')),
      jsonDelta(0, '{"value":"Spark'),
      messageStart('msg_second'),
      blockStart(0, toolBlock('toolu_second', 'f')),
      jsonDelta(0, '{"value":"Sparkle"}'),
      blockStop(0),
      messageStop,
    ]);
    expect(parts.map((part) => part.type)).toEqual([
      'start',
      'step-start',
      'tool-input-start',
      'tool-input-delta',
      'tool-input-error',
      'step-finish',
      'step-start',
      'tool-input-start',
      'tool-input-delta',
      'tool-input-available',
      'step-finish',
      'finish',
    ]);
  });
});

describe('anthropic decoder: events and bad input', () => {
  it('ignores ping events', () => {
    expect(decodeAll([{ type: 'ping' }])).toEqual([]);
  });

  it('reads JSON with spaces and trailing padding, as the raw API sends it', () => {
    const decoder = createAnthropicDecoder();
    expect(decoder.decode({ event: 'ping', data: '{"type": "ping"}', id: '' })).toEqual([]);
    expect(decoder.decode({ event: 'message_start', data: '{"type":"message_start","message":{"id":"msg_1"}}      ', id: '' })).toEqual([
      { type: 'start', messageId: 'msg_1' },
      { type: 'step-start' },
    ]);
  });

  it('turns an error event into an error part with its message', () => {
    const parts = decodeAll([messageStart(), { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }]);
    expect(parts.at(-1)).toEqual({ type: 'error', errorText: 'Overloaded' });
  });

  it('skips unknown event types', () => {
    expect(decodeAll([messageStart(), { type: 'message_annotation', note: 'new' }]).slice(2)).toEqual([]);
  });

  it('skips unknown block types and their deltas', () => {
    const parts = decodeAll([
      messageStart(),
      blockStart(0, { type: 'compaction', content: null }),
      delta(0, { type: 'compaction_delta', content: 'Summary…' }),
      delta(0, { type: 'text_delta', text: 'not text' }),
      blockStop(0),
      blockStart(1, { type: 'fallback', from: { model: 'a' }, to: { model: 'b' } }),
      blockStop(1),
    ]);
    expect(parts.slice(2)).toEqual([]);
  });

  it('dispatches on the JSON type, falling back to the SSE event name when the payload has none', () => {
    const decoder = createAnthropicDecoder();
    expect(decoder.decode({ event: 'content_block_start', data: '{"type":"ping"}', id: '' })).toEqual([]);
    expect(decoder.decode({ event: 'message_start', data: '{"message":{"id":"msg_1"}}', id: '' })).toEqual([
      { type: 'start', messageId: 'msg_1' },
      { type: 'step-start' },
    ]);
  });

  it('turns malformed JSON into an error part naming the event, keeping what came before and after', () => {
    const decoder = createAnthropicDecoder();
    const before = [messageStart(), blockStart(0, { type: 'text', text: '' }), textDelta(0, 'Kept')].flatMap((chunk) => decoder.decode(sse(chunk)));
    const [error, ...rest] = decoder.decode({ event: 'content_block_delta', data: '{"type":"content_block_delta","index":0,"delta":{"type":"text_', id: '42' });
    const after = [textDelta(0, ' going'), blockStop(0)].flatMap((chunk) => decoder.decode(sse(chunk)));
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ type: 'error', errorText: expect.stringContaining('"content_block_delta" (id 42)') });
    const message = fold([...before, error!, ...after]);
    expect(message.parts).toContainEqual({ type: 'text', id: '0', text: 'Kept going', state: 'done' });
  });

  it('turns a payload that is not a JSON object into an error part', () => {
    expect(createAnthropicDecoder().decode(sse('42'))).toEqual([{ type: 'error', code: 'decode/invalid-json', errorText: 'Anthropic event "message" is not a JSON object: 42' }]);
  });

  it('ignores a trailing [DONE] marker added by a proxy', () => {
    expect(createAnthropicDecoder().decode(sse('[DONE]'))).toEqual([]);
  });
});
