import type { SSEEvent } from '../sse/types.ts';
import type { FinishReason, StreamPart, Usage } from '../stream-part.ts';
import { compactUsage, list, num, parseEventData, record, str, toolInputPart, type JSONRecord } from './openai-shared.ts';
import { toolItems, toolOutputItems } from './openai-responses-tools.ts';
import type { StreamDecoder } from './types.ts';

interface TextLike {
  id: string;
  open: boolean;
  sawDelta: boolean;
}

/** A `function_call` or `custom_tool_call`: the two item types whose input streams. */
interface StreamedCall {
  kind: 'call';
  toolCallId: string;
  toolName: string;
  /** Fragments, joined once at the end: concatenating per delta is quadratic. */
  fragments: string[];
  done: boolean;
  /** Custom tools take free text, not JSON. */
  rawInput: boolean;
  providerExecuted: boolean;
}

type Item =
  | { kind: 'message'; baseId: string; parts: Map<number, TextLike> }
  | { kind: 'reasoning'; baseId: string; parts: Map<string, TextLike>; encrypted: boolean }
  | StreamedCall
  | { kind: 'tool'; toolCallId: string; done: boolean }
  | { kind: 'other' };

interface ResponseState {
  id: string;
  /** Keyed by `output_index` (item ids may change from event to event), else by `item_id`. */
  items: Map<number | string, Item>;
  /** Names of the `custom` tools the request declared; `undefined` when the response did not list its tools. */
  customTools: Set<string> | undefined;
  /** A tool call the app must answer arrived, so a completed response finishes with `tool-calls`. */
  awaitsApp: boolean;
  ended: boolean;
}

const incompleteReasons: Record<string, FinishReason> = { max_output_tokens: 'length', content_filter: 'content-filter' };

/**
 * Decoder for OpenAI Responses API events (`event: <type>` + `data:` JSON with the same `type`),
 * and the servers that copy them (Azure, xAI, LM Studio's open-responses). It dispatches on the
 * JSON `type`, since some transcripts are data-only and an SSE event literally named `error`
 * collides with `EventSource`'s own.
 *
 * - `response.created` gives `start` (messageId = response id). A later `response.created` (a
 *   recording of several requests back to back) becomes a `step-start` in the same message; each
 *   response's `response.completed` / `.incomplete` / `.failed` gives its own `finish`.
 * - State is keyed by `output_index`, because some gateways change `item_id` on every event.
 *   Each output_text content part and each reasoning summary / reasoning_text part is one part.
 *   A `.done` event whose deltas never came supplies the whole text (or arguments) itself.
 * - Refusals (`response.refusal.delta`) become text, as in `openai-chat`.
 * - `function_call` and `custom_tool_call` stream their input; a custom tool's input is the raw
 *   text. A custom tool the request did not declare (xAI reports its X search this way) is
 *   provider-executed. Other tool items (web/file search, code interpreter, image generation, MCP,
 *   shell, apply_patch, tool search, program) become tool calls read from the done item: see
 *   `openai-responses-tools.ts` for which of them the provider runs.
 * - `mcp_approval_request` becomes a provider-executed call plus `tool-approval-request`.
 * - A reasoning item with encrypted content and no readable text ends as `redacted`.
 * - `completed` finishes with `tool-calls` when a call the app must answer arrived, else `stop`.
 * - Annotations (from `annotation.added` and from done message items) become one `source` each.
 * - Unknown event types, `mcp_list_tools`, `compaction` and other bookkeeping items are skipped.
 */
export function createOpenAIResponsesDecoder(): StreamDecoder {
  let started = false;
  let current: ResponseState | undefined;
  let fallbackIds = 0;
  let lastErrorText: string | undefined;
  const sources = new Set<string>();
  /** `call_id` → toolCallId, and the latest call per item type, for output items that come later. */
  const callsById = new Map<string, string>();
  const latestCallOfType = new Map<string, string>();

  const fallbackId = (): string => `item-${fallbackIds++}`;

  function begin(out: StreamPart[], response: JSONRecord | undefined): ResponseState {
    const id = str(response?.id);
    if (!started) {
      started = true;
      out.push({ type: 'start', ...(id ? { messageId: id } : {}) });
    } else {
      if (current && !current.ended) closeResponse(out, current);
      out.push({ type: 'step-start' });
    }
    const tools = response?.tools;
    const customTools = Array.isArray(tools)
      ? new Set(tools.flatMap((tool) => (record(tool)?.type === 'custom' ? [str(record(tool)?.name)] : [])))
      : undefined;
    current = { id, items: new Map(), customTools, awaitsApp: false, ended: false };
    return current;
  }

  const ensureResponse = (out: StreamPart[]): ResponseState => current ?? begin(out, undefined);

  function itemKey(chunk: JSONRecord): number | string {
    return num(chunk.output_index) ?? (str(chunk.item_id) || str(record(chunk.item)?.id));
  }

  function textLikeDelta(out: StreamPart[], kind: 'text' | 'reasoning', part: TextLike, delta: string): void {
    if (delta === '') return;
    if (!part.open) {
      part.open = true;
      out.push(kind === 'text' ? { type: 'text-start', id: part.id } : { type: 'reasoning-start', id: part.id });
    }
    part.sawDelta = true;
    out.push(kind === 'text' ? { type: 'text-delta', id: part.id, delta } : { type: 'reasoning-delta', id: part.id, delta });
  }

  function textLikeDone(out: StreamPart[], kind: 'text' | 'reasoning', part: TextLike, fullText: string): void {
    if (!part.sawDelta) textLikeDelta(out, kind, part, fullText);
    if (!part.open) return;
    part.open = false;
    out.push(kind === 'text' ? { type: 'text-end', id: part.id } : { type: 'reasoning-end', id: part.id });
  }

  function messagePart(out: StreamPart[], chunk: JSONRecord): TextLike {
    const response = ensureResponse(out);
    const key = itemKey(chunk);
    let item = response.items.get(key);
    if (item?.kind !== 'message') {
      item = { kind: 'message', baseId: str(chunk.item_id) || fallbackId(), parts: new Map() };
      response.items.set(key, item);
    }
    const index = num(chunk.content_index) ?? 0;
    let part = item.parts.get(index);
    if (!part) item.parts.set(index, (part = { id: `${item.baseId}:${index}`, open: false, sawDelta: false }));
    return part;
  }

  function reasoningPart(out: StreamPart[], chunk: JSONRecord, partKey: string): TextLike {
    const response = ensureResponse(out);
    const key = itemKey(chunk);
    let item = response.items.get(key);
    if (item?.kind !== 'reasoning') {
      item = { kind: 'reasoning', baseId: str(chunk.item_id) || fallbackId(), parts: new Map(), encrypted: false };
      response.items.set(key, item);
    }
    let part = item.parts.get(partKey);
    if (!part) item.parts.set(partKey, (part = { id: `${item.baseId}:${partKey}`, open: false, sawDelta: false }));
    return part;
  }

  function registerCall(type: string, item: JSONRecord, toolCallId: string): void {
    const callId = str(item.call_id);
    if (callId) callsById.set(callId, toolCallId);
    latestCallOfType.set(type, toolCallId);
  }

  function openItem(out: StreamPart[], response: ResponseState, key: number | string, item: JSONRecord): Item {
    const existing = response.items.get(key);
    if (existing) return existing;
    const type = str(item.type);
    const baseId = str(item.id) || fallbackId();
    let state: Item = { kind: 'other' };
    if (type === 'message') state = { kind: 'message', baseId, parts: new Map() };
    else if (type === 'reasoning') state = { kind: 'reasoning', baseId, parts: new Map(), encrypted: hasEncryptedContent(item) };
    else if (type === 'function_call' || type === 'custom_tool_call') {
      const name = str(item.name);
      const providerExecuted = type === 'custom_tool_call' && response.customTools !== undefined && !response.customTools.has(name);
      const call: StreamedCall = {
        kind: 'call',
        toolCallId: str(item.call_id) || baseId,
        toolName: name,
        fragments: [],
        done: false,
        rawInput: type === 'custom_tool_call',
        providerExecuted,
      };
      if (!providerExecuted) response.awaitsApp = true;
      registerCall(type, item, call.toolCallId);
      out.push({ type: 'tool-input-start', toolCallId: call.toolCallId, toolName: name, ...(providerExecuted ? { providerExecuted } : {}) });
      state = call;
    } else if (toolItems[type]) {
      const spec = toolItems[type];
      const toolCallId = str(item.call_id) || baseId;
      const providerExecuted = spec.providerExecuted(item);
      if (!providerExecuted) response.awaitsApp = true;
      registerCall(type, item, toolCallId);
      out.push({ type: 'tool-input-start', toolCallId, toolName: spec.toolName(item), ...(providerExecuted ? { providerExecuted } : {}) });
      state = { kind: 'tool', toolCallId, done: false };
    }
    response.items.set(key, state);
    return state;
  }

  function finishCall(out: StreamPart[], call: StreamedCall, doneText: string): void {
    if (call.done) return;
    call.done = true;
    // Arguments sent only in `.done` (LM Studio) still reach the message as input text.
    if (call.fragments.length === 0 && doneText !== '') {
      call.fragments.push(doneText);
      out.push({ type: 'tool-input-delta', toolCallId: call.toolCallId, delta: doneText });
    }
    const text = call.fragments.join('');
    const executed = call.providerExecuted ? { providerExecuted: true } : {};
    if (call.rawInput) {
      out.push({ type: 'tool-input-available', toolCallId: call.toolCallId, toolName: call.toolName, input: text, ...executed });
      return;
    }
    const part = toolInputPart(call.toolCallId, call.toolName, text);
    out.push(part.type === 'tool-input-available' ? { ...part, ...executed } : part);
  }

  function callFor(out: StreamPart[], chunk: JSONRecord): StreamedCall {
    const response = ensureResponse(out);
    const key = itemKey(chunk);
    const item = response.items.get(key);
    if (item?.kind === 'call') return item;
    // Arguments for a call whose `output_item.added` never came: keep them under the item id.
    const call: StreamedCall = { kind: 'call', toolCallId: str(chunk.item_id) || fallbackId(), toolName: '', fragments: [], done: false, rawInput: false, providerExecuted: false };
    response.items.set(key, call);
    out.push({ type: 'tool-input-start', toolCallId: call.toolCallId, toolName: '' });
    return call;
  }

  function callDelta(out: StreamPart[], chunk: JSONRecord): void {
    const call = callFor(out, chunk);
    const delta = str(chunk.delta);
    if (delta === '' || call.done) return;
    call.fragments.push(delta);
    out.push({ type: 'tool-input-delta', toolCallId: call.toolCallId, delta });
  }

  function addSource(out: StreamPart[], annotation: JSONRecord | undefined): void {
    if (!annotation) return;
    const url = str(annotation.url);
    const fileId = str(annotation.file_id);
    const title = str(annotation.title);
    const filename = str(annotation.filename);
    if (annotation.type === 'url_citation' && url) {
      if (sources.has(`url:${url}`)) return;
      sources.add(`url:${url}`);
      out.push({ type: 'source', sourceType: 'url', id: url, url, ...(title ? { title } : {}) });
    } else if (fileId) {
      if (sources.has(`file:${fileId}`)) return;
      sources.add(`file:${fileId}`);
      out.push({ type: 'source', sourceType: 'document', id: fileId, ...(title ? { title } : {}), ...(filename ? { filename } : {}) });
    }
  }

  function itemDone(out: StreamPart[], chunk: JSONRecord): void {
    const response = ensureResponse(out);
    const item = record(chunk.item) ?? {};
    const type = str(item.type);
    const state = openItem(out, response, itemKey(chunk), item);
    if (state.kind === 'message') {
      list(item.content).forEach((entry, index) => {
        const content = record(entry);
        const part = state.parts.get(index) ?? messagePart(out, { ...chunk, item_id: state.baseId, content_index: index });
        textLikeDone(out, 'text', part, str(content?.text) || str(content?.refusal));
        for (const annotation of list(content?.annotations)) addSource(out, record(annotation));
      });
      for (const part of state.parts.values()) textLikeDone(out, 'text', part, '');
    } else if (state.kind === 'reasoning') {
      const readable = state.parts.size > 0;
      list(item.summary).forEach((entry, index) => {
        if (!readable) textLikeDone(out, 'reasoning', reasoningPart(out, chunk, `summary-${index}`), str(record(entry)?.text));
      });
      list(item.content).forEach((entry, index) => {
        if (!readable) textLikeDone(out, 'reasoning', reasoningPart(out, chunk, `content-${index}`), str(record(entry)?.text));
      });
      for (const part of state.parts.values()) textLikeDone(out, 'reasoning', part, '');
      const shown = [...state.parts.values()].some((part) => part.sawDelta);
      if (!shown && (state.encrypted || hasEncryptedContent(item))) out.push({ type: 'reasoning-end', id: state.baseId, redacted: true });
    } else if (state.kind === 'call') {
      finishCall(out, state, state.rawInput ? str(item.input) : str(item.arguments));
    } else if (state.kind === 'tool' && !state.done) {
      state.done = true;
      const spec = toolItems[type];
      if (!spec) return;
      const executed = spec.providerExecuted(item) ? { providerExecuted: true } : {};
      out.push({ type: 'tool-input-available', toolCallId: state.toolCallId, toolName: spec.toolName(item), input: spec.input(item), ...executed });
      if (type === 'mcp_approval_request') out.push({ type: 'tool-approval-request', toolCallId: state.toolCallId, approvalId: str(item.id) || state.toolCallId });
      const result = spec.output?.(item);
      if (result && 'errorText' in result) out.push({ type: 'tool-output-error', toolCallId: state.toolCallId, errorText: result.errorText });
      else if (result) out.push({ type: 'tool-output-available', toolCallId: state.toolCallId, output: result.output });
    }
    const outputSpec = toolOutputItems[type];
    if (outputSpec) {
      const toolCallId = callsById.get(str(item.call_id)) ?? latestCallOfType.get(outputSpec.callType);
      if (toolCallId) out.push({ type: 'tool-output-available', toolCallId, output: outputSpec.output(item) });
    }
  }

  /** Ends what is still open in a response, so its `finish` never leaves a part streaming. */
  function closeResponse(out: StreamPart[], response: ResponseState): void {
    for (const item of response.items.values()) {
      if (item.kind === 'message') for (const part of item.parts.values()) textLikeDone(out, 'text', part, '');
      if (item.kind === 'reasoning') for (const part of item.parts.values()) textLikeDone(out, 'reasoning', part, '');
      if (item.kind === 'call') finishCall(out, item, '');
    }
  }

  function terminal(out: StreamPart[], type: string, response: JSONRecord): void {
    const state = ensureResponse(out);
    closeResponse(out, state);
    state.ended = true;
    let reason: FinishReason = state.awaitsApp ? 'tool-calls' : 'stop';
    if (type === 'response.incomplete') reason = incompleteReasons[str(record(response.incomplete_details)?.reason)] ?? 'other';
    if (type === 'response.failed') {
      reason = 'error';
      reportError(out, str(record(response.error)?.message) || 'The response failed without an error message.');
    }
    const usage = record(response.usage);
    out.push({ type: 'finish', reason, ...(usage ? { usage: responsesUsage(usage) } : {}) });
  }

  /** The `error` event and the `response.failed` after it usually repeat one message; it is reported once. */
  function reportError(out: StreamPart[], errorText: string): void {
    if (errorText === lastErrorText) return;
    lastErrorText = errorText;
    out.push({ type: 'error', errorText });
  }

  function decodeChunk(chunk: JSONRecord, type: string): StreamPart[] {
    const out: StreamPart[] = [];
    switch (type) {
      case 'response.created': {
        const response = record(chunk.response);
        // A repeated `response.created` for the response already streaming adds nothing.
        if (!(current && !current.ended && str(response?.id) !== '' && str(response?.id) === current.id)) begin(out, response);
        break;
      }
      case 'response.output_item.added':
        openItem(out, ensureResponse(out), itemKey(chunk), record(chunk.item) ?? {});
        break;
      case 'response.output_item.done':
        itemDone(out, chunk);
        break;
      case 'response.output_text.delta':
      case 'response.refusal.delta':
        textLikeDelta(out, 'text', messagePart(out, chunk), str(chunk.delta));
        break;
      case 'response.output_text.done':
      case 'response.refusal.done':
        textLikeDone(out, 'text', messagePart(out, chunk), str(chunk.text) || str(chunk.refusal));
        break;
      case 'response.output_text.annotation.added':
        ensureResponse(out);
        addSource(out, record(chunk.annotation));
        break;
      case 'response.reasoning_summary_text.delta':
        textLikeDelta(out, 'reasoning', reasoningPart(out, chunk, `summary-${num(chunk.summary_index) ?? 0}`), str(chunk.delta));
        break;
      case 'response.reasoning_summary_text.done':
        textLikeDone(out, 'reasoning', reasoningPart(out, chunk, `summary-${num(chunk.summary_index) ?? 0}`), str(chunk.text));
        break;
      case 'response.reasoning_text.delta':
        textLikeDelta(out, 'reasoning', reasoningPart(out, chunk, `content-${num(chunk.content_index) ?? 0}`), str(chunk.delta));
        break;
      case 'response.reasoning_text.done':
        textLikeDone(out, 'reasoning', reasoningPart(out, chunk, `content-${num(chunk.content_index) ?? 0}`), str(chunk.text));
        break;
      case 'response.function_call_arguments.delta':
      case 'response.custom_tool_call_input.delta':
        callDelta(out, chunk);
        break;
      case 'response.function_call_arguments.done':
        finishCall(out, callFor(out, chunk), str(chunk.arguments));
        break;
      case 'response.custom_tool_call_input.done':
        finishCall(out, callFor(out, chunk), str(chunk.input));
        break;
      case 'response.completed':
      case 'response.incomplete':
      case 'response.failed':
        terminal(out, type, record(chunk.response) ?? {});
        break;
      case 'error': {
        const error = record(chunk.error);
        reportError(out, str(chunk.message) || str(error?.message) || str(chunk.code) || str(error?.code) || 'The server reported an error without a message.');
        break;
      }
    }
    return out;
  }

  return {
    decode(event: SSEEvent): StreamPart[] {
      if (event.data.trim() === '[DONE]') return [];
      const parsed = parseEventData(event, 'openai-responses');
      if ('error' in parsed) return [parsed.error];
      const type = str(parsed.chunk.type) || (event.event === 'message' ? '' : event.event);
      return decodeChunk(parsed.chunk, type);
    },
    // Every response ends itself; a stream cut before its terminal event gets no `finish`, so the consumer can tell.
    end: () => [],
  };
}

function hasEncryptedContent(item: JSONRecord): boolean {
  return typeof item.encrypted_content === 'string' && item.encrypted_content !== '';
}

function responsesUsage(usage: JSONRecord): Usage {
  return compactUsage({
    inputTokens: num(usage.input_tokens),
    outputTokens: num(usage.output_tokens),
    reasoningTokens: num(record(usage.output_tokens_details)?.reasoning_tokens),
    cachedInputTokens: num(record(usage.input_tokens_details)?.cached_tokens),
    totalTokens: num(usage.total_tokens),
  });
}
