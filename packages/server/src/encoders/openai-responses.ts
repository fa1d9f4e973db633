import { generateId, type StreamPart, type Usage } from '@streamkit/core';
import type { Encoder, SSEMessage } from './types.ts';

export interface OpenAIResponsesEncoderOptions {
  /** The `model` named in the response object. Default: `'streamkit'`. */
  model?: string;
  /** The response's `created_at` (seconds since the epoch). Default: when the encoder is made. */
  createdAt?: number;
}

type Payload = Record<string, unknown>;

/** One output item being written: a message, a reasoning summary or a function call. */
interface OpenItem {
  id: string;
  outputIndex: number;
  /** Text, summary or arguments fragments, joined once at the end. */
  fragments: string[];
  annotations: Payload[];
}

/**
 * OpenAI Responses API streaming: `event: <type>` + `data:` JSON carrying the same `type` and a
 * `sequence_number`, from `response.created` / `response.in_progress` to `response.completed`
 * (or `.incomplete` / `.failed`), and no `[DONE]`, as the API sends them.
 *
 * - `start` opens the response (id = `messageId`, else a generated `resp_…`); content before it
 *   opens one implicitly.
 * - Each text part is one `message` item with one `output_text` content part; each reasoning part
 *   one `reasoning` item with one summary part; each tool call one `function_call` item whose
 *   `call_id` is the toolCallId.
 * - A `source` becomes an `output_text.annotation.added` (url → `url_citation`, document →
 *   `file_citation`) on the open message item, else the last one, else the next one to open.
 * - `finish`: `length` → `response.incomplete` (`max_output_tokens`), `content-filter` →
 *   `response.incomplete` (`content_filter`), `error` → `response.failed` with the last error
 *   message, anything else → `response.completed`. Usage (from `finish` or an earlier `usage`
 *   part) is the response's `usage`, with only the known counts.
 * - `error` becomes an `error` event `{ code, message, param }`. A stream that ends after an error
 *   but without `finish` gets its `response.failed` from `end()`.
 * - Dropped, since a Responses client cannot tell them apart from the API's own items or has no
 *   event for them: provider-executed tool calls, tool outputs, approvals, data, files, metadata,
 *   steps (one response per stream), `abort`, and `reasoning-end`'s `redacted` marker (the API
 *   carries it as encrypted content, which we do not have).
 */
export function createOpenAIResponsesEncoder(options: OpenAIResponsesEncoderOptions = {}): Encoder {
  const model = options.model ?? 'streamkit';
  const createdAt = options.createdAt ?? Math.floor(Date.now() / 1000);
  const suffix = generateId();
  let responseId = `resp_${suffix}`;
  let sequence = 0;
  let started = false;
  let ended = false;
  let nextOutputIndex = 0;
  const output: Payload[] = [];
  const texts = new Map<string, OpenItem>();
  const reasonings = new Map<string, OpenItem>();
  const calls = new Map<string, OpenItem & { name: string }>();
  const providerCalls = new Set<string>();
  let lastMessage: OpenItem | undefined;
  let pendingAnnotations: Payload[] = [];
  let usage: Usage | undefined;
  let lastError: string | undefined;

  const event = (type: string, payload: Payload): SSEMessage => ({ event: type, data: JSON.stringify({ type, sequence_number: sequence++, ...payload }) });

  const response = (status: string, extra: Payload = {}): Payload => ({
    id: responseId,
    object: 'response',
    created_at: createdAt,
    status,
    model,
    output,
    error: null,
    incomplete_details: null,
    usage: null,
    ...extra,
  });

  function ensureStarted(out: SSEMessage[]): void {
    if (started) return;
    started = true;
    out.push(event('response.created', { response: response('in_progress', { output: [] }) }), event('response.in_progress', { response: response('in_progress', { output: [] }) }));
  }

  function openItem(out: SSEMessage[], prefix: string, item: Payload): OpenItem {
    ensureStarted(out);
    const state: OpenItem = { id: `${prefix}_${suffix}_${nextOutputIndex}`, outputIndex: nextOutputIndex++, fragments: [], annotations: [] };
    out.push(event('response.output_item.added', { output_index: state.outputIndex, item: { id: state.id, ...item } }));
    return state;
  }

  function itemDone(out: SSEMessage[], state: OpenItem, item: Payload): void {
    const done = { id: state.id, ...item };
    output.push(done);
    out.push(event('response.output_item.done', { output_index: state.outputIndex, item: done }));
  }

  function text(out: SSEMessage[], id: string): OpenItem {
    let state = texts.get(id);
    if (state) return state;
    state = openItem(out, 'msg', { type: 'message', status: 'in_progress', role: 'assistant', content: [] });
    texts.set(id, state);
    lastMessage = state;
    const at = { item_id: state.id, output_index: state.outputIndex, content_index: 0 };
    out.push(event('response.content_part.added', { ...at, part: { type: 'output_text', text: '', annotations: [] } }));
    for (const annotation of pendingAnnotations) annotate(out, state, annotation);
    pendingAnnotations = [];
    return state;
  }

  function closeText(out: SSEMessage[], id: string): void {
    const state = texts.get(id);
    if (!state) return;
    texts.delete(id);
    const value = state.fragments.join('');
    const at = { item_id: state.id, output_index: state.outputIndex, content_index: 0 };
    const part = { type: 'output_text', text: value, annotations: state.annotations };
    out.push(event('response.output_text.done', { ...at, text: value, logprobs: [] }), event('response.content_part.done', { ...at, part }));
    itemDone(out, state, { type: 'message', status: 'completed', role: 'assistant', content: [part] });
  }

  function reasoning(out: SSEMessage[], id: string): OpenItem {
    let state = reasonings.get(id);
    if (state) return state;
    state = openItem(out, 'rs', { type: 'reasoning', summary: [] });
    reasonings.set(id, state);
    out.push(event('response.reasoning_summary_part.added', { item_id: state.id, output_index: state.outputIndex, summary_index: 0, part: { type: 'summary_text', text: '' } }));
    return state;
  }

  function closeReasoning(out: SSEMessage[], id: string): void {
    const state = reasonings.get(id);
    if (!state) return;
    reasonings.delete(id);
    const value = state.fragments.join('');
    const at = { item_id: state.id, output_index: state.outputIndex, summary_index: 0 };
    const part = { type: 'summary_text', text: value };
    out.push(event('response.reasoning_summary_text.done', { ...at, text: value }), event('response.reasoning_summary_part.done', { ...at, part }));
    itemDone(out, state, { type: 'reasoning', summary: [part] });
  }

  function call(out: SSEMessage[], toolCallId: string, toolName: string): OpenItem & { name: string } {
    let state = calls.get(toolCallId);
    if (state) return state;
    const item = openItem(out, 'fc', { type: 'function_call', status: 'in_progress', call_id: toolCallId, name: toolName, arguments: '' });
    state = { ...item, name: toolName };
    calls.set(toolCallId, state);
    return state;
  }

  function closeCall(out: SSEMessage[], toolCallId: string, fallbackArguments: string): void {
    const state = calls.get(toolCallId);
    if (!state) return;
    calls.delete(toolCallId);
    // The client builds its input from the deltas it got; only a call without deltas sends the input whole.
    const args = state.fragments.length > 0 ? state.fragments.join('') : fallbackArguments;
    out.push(event('response.function_call_arguments.done', { item_id: state.id, output_index: state.outputIndex, arguments: args }));
    itemDone(out, state, { type: 'function_call', status: 'completed', call_id: toolCallId, name: state.name, arguments: args });
  }

  function annotate(out: SSEMessage[], state: OpenItem, annotation: Payload): void {
    state.annotations.push(annotation);
    const at = { item_id: state.id, output_index: state.outputIndex, content_index: 0 };
    out.push(event('response.output_text.annotation.added', { ...at, annotation_index: state.annotations.length - 1, annotation }));
  }

  function source(out: SSEMessage[], part: Extract<StreamPart, { type: 'source' }>): void {
    const annotation =
      part.sourceType === 'url'
        ? { type: 'url_citation', url: part.url ?? '', title: part.title ?? '', start_index: 0, end_index: 0 }
        : { type: 'file_citation', file_id: part.id, filename: part.filename ?? part.title ?? '', index: 0 };
    const open = [...texts.values()].at(-1) ?? lastMessage;
    if (open) annotate(out, open, annotation);
    else pendingAnnotations.push(annotation);
  }

  function finish(out: SSEMessage[], reason: string): void {
    ensureStarted(out);
    for (const id of [...texts.keys()]) closeText(out, id);
    for (const id of [...reasonings.keys()]) closeReasoning(out, id);
    for (const id of [...calls.keys()]) closeCall(out, id, '{}');
    ended = true;
    const usageField = usage ? { usage: responsesUsage(usage) } : {};
    if (reason === 'length' || reason === 'content-filter') {
      const details = { reason: reason === 'length' ? 'max_output_tokens' : 'content_filter' };
      out.push(event('response.incomplete', { response: response('incomplete', { incomplete_details: details, ...usageField }) }));
    } else if (reason === 'error') {
      const error = { code: 'server_error', message: lastError ?? 'The response failed.' };
      out.push(event('response.failed', { response: response('failed', { error, ...usageField }) }));
    } else {
      out.push(event('response.completed', { response: response('completed', usageField) }));
    }
  }

  function encode(part: StreamPart): SSEMessage[] {
    const out: SSEMessage[] = [];
    if (ended) return out;
    switch (part.type) {
      case 'start':
        if (!started && part.messageId) responseId = part.messageId;
        ensureStarted(out);
        break;
      case 'text-start':
        text(out, part.id);
        break;
      case 'text-delta': {
        const state = text(out, part.id);
        state.fragments.push(part.delta);
        out.push(event('response.output_text.delta', { item_id: state.id, output_index: state.outputIndex, content_index: 0, delta: part.delta, logprobs: [] }));
        break;
      }
      case 'text-end':
        closeText(out, part.id);
        break;
      case 'reasoning-start':
        reasoning(out, part.id);
        break;
      case 'reasoning-delta': {
        const state = reasoning(out, part.id);
        state.fragments.push(part.delta);
        out.push(event('response.reasoning_summary_text.delta', { item_id: state.id, output_index: state.outputIndex, summary_index: 0, delta: part.delta }));
        break;
      }
      case 'reasoning-end':
        closeReasoning(out, part.id);
        break;
      case 'tool-input-start':
        if (part.providerExecuted) providerCalls.add(part.toolCallId);
        else call(out, part.toolCallId, part.toolName);
        break;
      case 'tool-input-delta': {
        const state = calls.get(part.toolCallId);
        if (!state || part.delta === '') break;
        state.fragments.push(part.delta);
        out.push(event('response.function_call_arguments.delta', { item_id: state.id, output_index: state.outputIndex, delta: part.delta }));
        break;
      }
      case 'tool-input-available':
      case 'tool-input-error': {
        if (providerCalls.has(part.toolCallId) || (part.type === 'tool-input-available' && part.providerExecuted)) break;
        if (output.some((item) => item.call_id === part.toolCallId)) break;
        call(out, part.toolCallId, part.toolName);
        const raw = part.type === 'tool-input-error' && typeof part.input === 'string' ? part.input : JSON.stringify(part.input ?? {});
        closeCall(out, part.toolCallId, raw);
        break;
      }
      case 'source':
        source(out, part);
        break;
      case 'usage':
        usage = part.usage;
        break;
      case 'finish':
        if (part.usage) usage = part.usage;
        finish(out, part.reason);
        break;
      case 'error':
        lastError = part.errorText;
        out.push(event('error', { code: null, message: part.errorText, param: null }));
        break;
      default:
        break;
    }
    return out;
  }

  return {
    headers: {},
    encode,
    end() {
      const out: SSEMessage[] = [];
      if (started && !ended && lastError !== undefined) finish(out, 'error');
      return out;
    },
  };
}

function responsesUsage(usage: Usage): Payload {
  const fields: Payload = {
    input_tokens: usage.inputTokens,
    input_tokens_details: usage.cachedInputTokens === undefined ? undefined : { cached_tokens: usage.cachedInputTokens },
    output_tokens: usage.outputTokens,
    output_tokens_details: usage.reasoningTokens === undefined ? undefined : { reasoning_tokens: usage.reasoningTokens },
    total_tokens: usage.totalTokens,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
