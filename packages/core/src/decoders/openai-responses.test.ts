import { describe, expect, it } from 'vitest';
import type { SSEEvent } from '../sse/types.ts';
import type { StreamPart } from '../stream-part.ts';
import { fold, itOnEveryCorpusStream, reduceCorpusStream, responsesUsage, summarize, type ExpectedReduction } from './openai-fixtures.test-helper.ts';
import { createOpenAIResponsesDecoder } from './openai-responses.ts';
import { toolItems } from './openai-responses-tools.ts';

const event = (data: Record<string, unknown> | string, id = ''): SSEEvent => ({
  event: typeof data === 'string' ? 'message' : String(data.type),
  data: typeof data === 'string' ? data : JSON.stringify(data),
  id,
});

function decodeAll(events: (Record<string, unknown> | string)[]): StreamPart[] {
  const decoder = createOpenAIResponsesDecoder();
  return [...events.flatMap((data) => decoder.decode(event(data))), ...decoder.end()];
}

const created = (id = 'resp_1', extra: Record<string, unknown> = {}) => ({ type: 'response.created', response: { id, status: 'in_progress', output: [], ...extra } });
const completed = (extra: Record<string, unknown> = {}) => ({ type: 'response.completed', response: { id: 'resp_1', status: 'completed', ...extra } });
const added = (output_index: number, item: Record<string, unknown>) => ({ type: 'response.output_item.added', output_index, item });
const done = (output_index: number, item: Record<string, unknown>) => ({ type: 'response.output_item.done', output_index, item });
const textDelta = (output_index: number, delta: string, item_id = 'msg_1') => ({ type: 'response.output_text.delta', output_index, content_index: 0, item_id, delta });

/** Where the expected finish reason has no twin in our model, the reason follows from what the stream held. */
function expectedFinish(expected: ExpectedReduction, awaitsApp: boolean): string | undefined {
  switch (expected.finishReason) {
    case null:
      return undefined;
    case 'completed':
      return awaitsApp ? 'tool-calls' : 'stop';
    case 'incomplete':
      return expected.incompleteDetails?.reason === 'max_output_tokens' ? 'length' : expected.incompleteDetails?.reason === 'content_filter' ? 'content-filter' : 'other';
    default:
      return 'error';
  }
}

/*
 * Where the issue asks for something other than what the reference reducer records, the test follows
 * the issue and maps the expectation:
 * - finishReason is the API's `response.status`; ours is `stop`, or `tool-calls` when the last
 *   response holds a call the app must answer (`expectedFinish`);
 * - server tool items (only named in `items`) are tool calls of ours, one per item;
 * - a payload the reducer lists in `stream.invalidJson` is an `error` part of ours;
 * - with several responses back to back (`responses`), each gets its own `finish`, and every one
 *   after the first starts with a `step-start`.
 */
describe('openai-responses decoder on the recorded corpus', () => {
  itOnEveryCorpusStream('openai-responses', 49, (stream) => {
    const { expected, parts, message, text, reasoning, toolCalls } = reduceCorpusStream(stream, createOpenAIResponsesDecoder());

    expect(text).toBe(expected.text + (expected.refusal ?? ''));
    expect(reasoning).toBe(expected.reasoning);

    // The reducer lists function and custom tool calls; every other tool item is only named in `items`.
    const byId = new Map(toolCalls.map((call) => [call.toolCallId, call]));
    for (const call of expected.toolCalls) {
      const ours = byId.get(call.id ?? '');
      expect(ours, `tool call ${call.id}`).toBeDefined();
      expect(ours).toMatchObject({ toolName: call.name, state: 'input-available', input: call.type === 'custom_tool_call' ? call.input : call.arguments });
      if (call.type === 'function_call') expect(ours?.providerExecuted).toBeUndefined();
    }
    const listedIds = new Set(expected.toolCalls.map((call) => call.id));
    const toolItemCount = (expected.items ?? []).filter((item) => item.type in toolItems).length;
    const otherCalls = toolCalls.filter((call) => !listedIds.has(call.toolCallId));
    expect(otherCalls).toHaveLength(toolItemCount);
    for (const call of otherCalls) expect(['input-available', 'awaiting-approval', 'output-available']).toContain(call.state);

    // Several responses back to back (flagged in the manifest): one step each, one finish each.
    const responses = expected.responses ?? (expected.finishReason === null ? [] : [{ id: '', finishReason: expected.finishReason, usage: expected.usage }]);
    expect(parts.filter((part) => part.type === 'step-start')).toHaveLength(Math.max(responses.length - 1, 0));
    const finishes = parts.filter((part) => part.type === 'finish');
    expect(finishes).toHaveLength(responses.length);
    const lastStep = message.parts.slice(message.parts.findLastIndex((part) => part.type === 'step-start') + 1);
    const awaitsApp = lastStep.some((part) => part.type === 'tool-call' && !part.providerExecuted);
    if (finishes.length > 0) {
      expect(finishes.at(-1)).toEqual({
        type: 'finish',
        reason: expectedFinish(expected, awaitsApp),
        ...(expected.usage ? { usage: responsesUsage(expected.usage) } : {}),
      });
    }
    responses.forEach((response, index) => {
      const finish = finishes[index];
      expect(finish?.type === 'finish' ? finish.usage : 'no finish').toEqual(response.usage ? responsesUsage(response.usage) : undefined);
    });

    const sources = parts.flatMap((part) => (part.type === 'source' ? [part.id] : []));
    const citationIds = (expected.citations ?? []).map((citation) => {
      const { url, file_id: fileId } = citation as { url?: string; file_id?: string };
      return url ?? fileId;
    });
    expect(sources).toEqual([...new Set(citationIds)]);

    const errors = parts.flatMap((part) => (part.type === 'error' ? [part.errorText] : []));
    const expectedErrors = [
      ...expected.stream.invalidJson.map(() => expect.stringContaining('Malformed JSON in openai-responses event')),
      ...(expected.error ? [expected.error.message] : []),
    ];
    expect(errors).toEqual(expectedErrors);
    if (finishes.length > 0) expect(message.parts.every((part) => !('state' in part) || part.state !== 'streaming')).toBe(true);
  });
});

describe('openai-responses decoder', () => {
  it('starts with the response id, streams one text part per item and content index, and finishes with usage', () => {
    const usage = { input_tokens: 5, input_tokens_details: { cached_tokens: 2 }, output_tokens: 7, output_tokens_details: { reasoning_tokens: 3 }, total_tokens: 12 };
    expect(
      decodeAll([
        created(),
        added(0, { id: 'msg_1', type: 'message', content: [] }),
        textDelta(0, 'Hel'),
        textDelta(0, 'lo'),
        { type: 'response.output_text.done', output_index: 0, content_index: 0, item_id: 'msg_1', text: 'Hello' },
        done(0, { id: 'msg_1', type: 'message', content: [{ type: 'output_text', text: 'Hello', annotations: [] }] }),
        completed({ usage }),
      ]),
    ).toEqual([
      { type: 'start', messageId: 'resp_1' },
      { type: 'text-start', id: 'msg_1:0' },
      { type: 'text-delta', id: 'msg_1:0', delta: 'Hel' },
      { type: 'text-delta', id: 'msg_1:0', delta: 'lo' },
      { type: 'text-end', id: 'msg_1:0' },
      { type: 'finish', reason: 'stop', usage: { inputTokens: 5, outputTokens: 7, reasoningTokens: 3, cachedInputTokens: 2, totalTokens: 12 } },
    ]);
  });

  it('dispatches on the JSON type, so data-only transcripts decode too', () => {
    const decoder = createOpenAIResponsesDecoder();
    const parts = [created(), textDelta(0, 'Hi'), completed(), '[DONE]'].flatMap((data) =>
      decoder.decode({ event: 'message', data: typeof data === 'string' ? data : JSON.stringify(data), id: '' }),
    );
    expect(summarize(fold(parts)).text).toBe('Hi');
  });

  it('makes one text part per output item and content index', () => {
    const parts = decodeAll([
      created(),
      { type: 'response.output_text.delta', output_index: 0, content_index: 0, item_id: 'msg_1', delta: 'first' },
      { type: 'response.output_text.delta', output_index: 0, content_index: 1, item_id: 'msg_1', delta: 'second' },
      { type: 'response.output_text.delta', output_index: 1, content_index: 0, item_id: 'msg_2', delta: 'third' },
      completed(),
    ]);
    expect(fold(parts).parts.map((part) => part.type === 'text' && [part.id, part.text])).toEqual([
      ['msg_1:0', 'first'],
      ['msg_1:1', 'second'],
      ['msg_2:0', 'third'],
    ]);
  });

  it('keys items by output_index, so rotating item ids stay one part', () => {
    const parts = decodeAll([created(), added(0, { id: 'a', type: 'message' }), textDelta(0, 'one ', 'b'), textDelta(0, 'part', 'c'), completed()]);
    expect(fold(parts).parts).toEqual([{ type: 'text', id: 'a:0', text: 'one part', state: 'done' }]);
  });

  it('streams reasoning summaries and reasoning_text deltas as reasoning', () => {
    const parts = decodeAll([
      created(),
      added(0, { id: 'rs_1', type: 'reasoning', summary: [] }),
      { type: 'response.reasoning_summary_text.delta', output_index: 0, summary_index: 0, delta: 'Summary.' },
      { type: 'response.reasoning_summary_text.done', output_index: 0, summary_index: 0, text: 'Summary.' },
      added(1, { id: 'rs_2', type: 'reasoning', summary: [] }),
      { type: 'response.reasoning_text.delta', output_index: 1, content_index: 0, delta: ' Raw.' },
      done(1, { id: 'rs_2', type: 'reasoning', summary: [], content: [{ type: 'reasoning_text', text: ' Raw.' }] }),
      completed(),
    ]);
    expect(parts.filter((part) => part.type.startsWith('reasoning'))).toEqual([
      { type: 'reasoning-start', id: 'rs_1:summary-0' },
      { type: 'reasoning-delta', id: 'rs_1:summary-0', delta: 'Summary.' },
      { type: 'reasoning-end', id: 'rs_1:summary-0' },
      { type: 'reasoning-start', id: 'rs_2:content-0' },
      { type: 'reasoning-delta', id: 'rs_2:content-0', delta: ' Raw.' },
      { type: 'reasoning-end', id: 'rs_2:content-0' },
    ]);
  });

  it('ends an encrypted reasoning item without a summary as redacted', () => {
    const item = { id: 'rs_1', type: 'reasoning', summary: [], encrypted_content: 'gAAAA…' };
    const parts = decodeAll([created(), added(0, item), done(0, item), completed()]);
    expect(parts).toContainEqual({ type: 'reasoning-end', id: 'rs_1', redacted: true });
    expect(fold(parts).parts).toEqual([{ type: 'reasoning', id: 'rs_1', text: '', state: 'done', redacted: true }]);
  });

  it('streams function-call arguments and parses them at .done', () => {
    const parts = decodeAll([
      created(),
      added(0, { id: 'fc_1', type: 'function_call', call_id: 'call_1', name: 'weather', arguments: '' }),
      { type: 'response.function_call_arguments.delta', output_index: 0, item_id: 'fc_1', delta: '{"city":' },
      { type: 'response.function_call_arguments.delta', output_index: 0, item_id: 'fc_1', delta: '"Oslo"}' },
      { type: 'response.function_call_arguments.done', output_index: 0, item_id: 'fc_1', arguments: '{"city":"Oslo"}' },
      done(0, { id: 'fc_1', type: 'function_call', call_id: 'call_1', name: 'weather', arguments: '{"city":"Oslo"}' }),
      completed(),
    ]);
    expect(parts.slice(1)).toEqual([
      { type: 'tool-input-start', toolCallId: 'call_1', toolName: 'weather' },
      { type: 'tool-input-delta', toolCallId: 'call_1', delta: '{"city":' },
      { type: 'tool-input-delta', toolCallId: 'call_1', delta: '"Oslo"}' },
      { type: 'tool-input-available', toolCallId: 'call_1', toolName: 'weather', input: { city: 'Oslo' } },
      { type: 'finish', reason: 'tool-calls' },
    ]);
  });

  it('takes function-call arguments sent only in .done (LM Studio)', () => {
    const parts = decodeAll([
      created(),
      added(0, { id: 'fc_1', type: 'function_call', call_id: 'call_1', name: 'weather', arguments: '' }),
      { type: 'response.function_call_arguments.done', output_index: 0, item_id: 'fc_1', arguments: '{"city":"Oslo"}' },
      completed(),
    ]);
    expect(summarize(fold(parts)).toolCalls).toMatchObject([{ toolCallId: 'call_1', inputText: '{"city":"Oslo"}', input: { city: 'Oslo' }, state: 'input-available' }]);
  });

  it('turns invalid function-call JSON into tool-input-error with the raw text', () => {
    const parts = decodeAll([
      created(),
      added(0, { id: 'fc_1', type: 'function_call', call_id: 'call_1', name: 'f' }),
      { type: 'response.function_call_arguments.done', output_index: 0, arguments: '{"a":' },
      completed(),
    ]);
    expect(parts).toContainEqual({ type: 'tool-input-error', toolCallId: 'call_1', toolName: 'f', input: '{"a":', errorText: expect.any(String) });
  });

  it('keeps a declared custom tool call as raw text for the app to answer', () => {
    const parts = decodeAll([
      created('resp_1', { tools: [{ type: 'custom', name: 'write_sql' }] }),
      added(0, { id: 'ct_1', type: 'custom_tool_call', call_id: 'call_1', name: 'write_sql', input: '' }),
      { type: 'response.custom_tool_call_input.delta', output_index: 0, delta: 'SELECT 1' },
      { type: 'response.custom_tool_call_input.done', output_index: 0, input: 'SELECT 1' },
      completed(),
    ]);
    expect(parts).toContainEqual({ type: 'tool-input-available', toolCallId: 'call_1', toolName: 'write_sql', input: 'SELECT 1' });
    expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'tool-calls' });
  });

  it("treats an undeclared custom tool call (xAI's X search) as provider-executed", () => {
    const parts = decodeAll([
      created('resp_1', { tools: [{ type: 'x_search' }] }),
      added(0, { id: 'ctc_1', type: 'custom_tool_call', call_id: 'xs_1', name: 'x_keyword_search', input: '' }),
      { type: 'response.custom_tool_call_input.done', output_index: 0, input: '{"query":"xai"}' },
      completed(),
    ]);
    expect(parts).toContainEqual({ type: 'tool-input-available', toolCallId: 'xs_1', toolName: 'x_keyword_search', input: '{"query":"xai"}', providerExecuted: true });
    expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
  });

  it('turns a web search item into a provider-executed tool call with its sources as output', () => {
    const action = { type: 'search', query: 'news', sources: [{ type: 'url', url: 'https://a.example' }] };
    const parts = decodeAll([
      created(),
      added(0, { id: 'ws_1', type: 'web_search_call', status: 'in_progress' }),
      done(0, { id: 'ws_1', type: 'web_search_call', status: 'completed', action }),
      completed(),
    ]);
    expect(parts.slice(1, 4)).toEqual([
      { type: 'tool-input-start', toolCallId: 'ws_1', toolName: 'web_search', providerExecuted: true },
      { type: 'tool-input-available', toolCallId: 'ws_1', toolName: 'web_search', input: { type: 'search', query: 'news' }, providerExecuted: true },
      { type: 'tool-output-available', toolCallId: 'ws_1', output: { status: 'completed', sources: action.sources } },
    ]);
  });

  it('reads input and output of code interpreter, file search, image generation and MCP items', () => {
    const items = [
      { id: 'ci_1', type: 'code_interpreter_call', code: 'print(1)', container_id: 'cntr', outputs: [{ type: 'logs', logs: '1' }] },
      { id: 'fs_1', type: 'file_search_call', queries: ['q'], results: null },
      { id: 'ig_1', type: 'image_generation_call', revised_prompt: 'a boat', result: 'iVBOR' },
      { id: 'mcp_1', type: 'mcp_call', name: 'shorten', arguments: '{"url":"https://a.example"}', output: 'done', error: null },
    ];
    const parts = decodeAll([created(), ...items.flatMap((item, index) => [added(index, item), done(index, item)]), completed()]);
    expect(summarize(fold(parts)).toolCalls.map(({ toolName, input, output, state, providerExecuted }) => ({ toolName, input, output, state, providerExecuted }))).toEqual([
      { toolName: 'code_interpreter', input: { code: 'print(1)', containerId: 'cntr' }, output: { outputs: items[0]!.outputs }, state: 'output-available', providerExecuted: true },
      { toolName: 'file_search', input: { queries: ['q'] }, output: { results: null }, state: 'output-available', providerExecuted: true },
      { toolName: 'image_generation', input: { prompt: 'a boat' }, output: { result: 'iVBOR' }, state: 'output-available', providerExecuted: true },
      { toolName: 'shorten', input: { url: 'https://a.example' }, output: 'done', state: 'output-available', providerExecuted: true },
    ]);
  });

  it('reports a failed MCP call as a tool output error', () => {
    const item = { id: 'mcp_1', type: 'mcp_call', name: 'shorten', arguments: '{}', output: null, error: { message: 'server down' } };
    expect(decodeAll([created(), added(0, item), done(0, item), completed()])).toContainEqual({ type: 'tool-output-error', toolCallId: 'mcp_1', errorText: 'server down' });
  });

  it('turns an MCP approval request into a provider-executed call awaiting approval', () => {
    const item = { id: 'mcpr_1', type: 'mcp_approval_request', name: 'shorten', arguments: '{"url":"u"}', server_label: 'zip' };
    const parts = decodeAll([created(), added(0, item), done(0, item), completed()]);
    expect(summarize(fold(parts)).toolCalls).toMatchObject([{ toolCallId: 'mcpr_1', toolName: 'shorten', input: { url: 'u' }, state: 'awaiting-approval', approvalId: 'mcpr_1', providerExecuted: true }]);
  });

  it('links a hosted shell call to its shell_call_output by call_id', () => {
    const call = { id: 'sh_1', type: 'shell_call', call_id: 'call_1', action: { commands: ['ls'] }, environment: { type: 'container_reference' } };
    const output = { id: 'sho_1', type: 'shell_call_output', call_id: 'call_1', output: [{ stdout: 'a.txt\n' }] };
    const parts = decodeAll([created(), added(0, call), done(0, call), added(1, output), done(1, output), completed()]);
    expect(summarize(fold(parts)).toolCalls).toMatchObject([{ toolCallId: 'call_1', toolName: 'shell', providerExecuted: true, state: 'output-available', output: { output: output.output } }]);
  });

  it('leaves local shell and apply_patch calls to the app, which finishes with tool-calls', () => {
    const patch = { id: 'apc_1', type: 'apply_patch_call', call_id: 'call_p', operation: { type: 'delete_file', path: 'a.txt' } };
    const parts = decodeAll([created(), added(0, patch), done(0, patch), completed()]);
    expect(parts).toContainEqual({ type: 'tool-input-available', toolCallId: 'call_p', toolName: 'apply_patch', input: patch.operation });
    expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'tool-calls' });
  });

  it('turns url and file citations into sources, once each', () => {
    const url = { type: 'url_citation', url: 'https://a.example', title: 'A', start_index: 0, end_index: 1 };
    const file = { type: 'file_citation', file_id: 'file-1', filename: 'ai.pdf', index: 3 };
    const parts = decodeAll([
      created(),
      textDelta(0, 'x'),
      { type: 'response.output_text.annotation.added', output_index: 0, content_index: 0, annotation_index: 0, annotation: url },
      done(0, { id: 'msg_1', type: 'message', content: [{ type: 'output_text', text: 'x', annotations: [url, file, file] }] }),
      completed(),
    ]);
    expect(parts.filter((part) => part.type === 'source')).toEqual([
      { type: 'source', sourceType: 'url', id: 'https://a.example', url: 'https://a.example', title: 'A' },
      { type: 'source', sourceType: 'document', id: 'file-1', filename: 'ai.pdf' },
    ]);
  });

  it.each([
    ['max_output_tokens', 'length'],
    ['content_filter', 'content-filter'],
    ['something_else', 'other'],
  ])('finishes an incomplete response for %s with %s', (reason, expected) => {
    const parts = decodeAll([created(), textDelta(0, 'x'), { type: 'response.incomplete', response: { id: 'resp_1', status: 'incomplete', incomplete_details: { reason } } }]);
    expect(parts.at(-2)).toEqual({ type: 'text-end', id: 'msg_1:0' });
    expect(parts.at(-1)).toEqual({ type: 'finish', reason: expected });
  });

  it('reports a failed response as an error part and finish "error"', () => {
    const parts = decodeAll([created(), { type: 'response.failed', response: { id: 'resp_1', status: 'failed', error: { code: 'server_error', message: 'Boom' } } }]);
    expect(parts.slice(1)).toEqual([
      { type: 'error', errorText: 'Boom' },
      { type: 'finish', reason: 'error' },
    ]);
  });

  it('reports an error event once even when response.failed repeats it', () => {
    const parts = decodeAll([
      created(),
      { type: 'error', error: { code: 'insufficient_quota', message: 'Quota exceeded' } },
      { type: 'response.failed', response: { id: 'resp_1', status: 'failed', error: { message: 'Quota exceeded' } } },
    ]);
    expect(parts.filter((part) => part.type === 'error')).toEqual([{ type: 'error', errorText: 'Quota exceeded' }]);
  });

  it('reads an error event with top-level message, as the API reference documents it', () => {
    expect(decodeAll([{ type: 'error', code: 'rate_limit', message: 'Slow down', param: null }])).toContainEqual({ type: 'error', errorText: 'Slow down' });
  });

  it('skips unknown event types', () => {
    expect(decodeAll([created(), { type: 'response.future_feature.delta', delta: 'x' }]).slice(1)).toEqual([]);
  });

  it('makes a second response.created a new step in the same message', () => {
    const parts = decodeAll([created('resp_1'), textDelta(0, 'one'), completed(), created('resp_2'), textDelta(0, 'two', 'msg_2'), completed()]);
    expect(parts.filter((part) => ['start', 'step-start', 'finish'].includes(part.type))).toEqual([
      { type: 'start', messageId: 'resp_1' },
      { type: 'finish', reason: 'stop' },
      { type: 'step-start' },
      { type: 'finish', reason: 'stop' },
    ]);
    expect(summarize(fold(parts)).text).toBe('onetwo');
  });

  it('turns malformed JSON into an error part naming the event and keeps what came before', () => {
    const decoder = createOpenAIResponsesDecoder();
    const before = [created(), textDelta(0, 'Kept')].flatMap((data) => decoder.decode(event(data)));
    const [bad] = decoder.decode({ event: 'response.output_text.delta', data: '{"type":"response.output_text.delta","delta":', id: '7' });
    const after = [textDelta(0, '!'), completed()].flatMap((data) => decoder.decode(event(data)));
    expect(bad).toMatchObject({ type: 'error', errorText: expect.stringContaining('openai-responses event "response.output_text.delta" (id 7)') });
    expect(summarize(fold([...before, bad!, ...after])).text).toBe('Kept!');
  });

  it('never throws on events of the wrong shape', () => {
    const decoder = createOpenAIResponsesDecoder();
    const shapes = ['null', '[]', '{"type":5}', '{"type":"response.output_item.added","item":null}', '{"type":"response.output_item.done","item":{"type":"message","content":[null,5]}}', '{"type":"response.completed","response":"no"}'];
    for (const data of shapes) expect(() => decoder.decode({ event: 'message', data, id: '' })).not.toThrow();
    expect(() => decoder.end()).not.toThrow();
  });
});
