import { generateId } from '@streamkit/core';
import type { FinishReason, StreamPart, Usage } from '@streamkit/core';
import type { Encoder, SSEMessage } from './types.ts';

/** Options for {@link createAnthropicEncoder}. */
export interface AnthropicEncoderOptions {
  /** The `model` named in `message_start`. Default: `'streamkit'`. */
  model?: string;
}

type Json = Record<string, unknown>;

interface OpenBlock {
  index: number;
  kind: 'text' | 'thinking' | 'tool';
  /** For tool blocks: whether any `input_json_delta` was written. */
  sentInput?: boolean;
}

const stopReasons: Record<FinishReason, string> = {
  stop: 'end_turn',
  length: 'max_tokens',
  'tool-calls': 'tool_use',
  'content-filter': 'refusal',
  // pause_turn would tell an Anthropic client to send the turn back for more; end_turn is the safe catch-all.
  other: 'end_turn',
  unknown: 'end_turn',
  error: 'end_turn',
};

/**
 * The Anthropic Messages API stream: `event: <type>` + `data: <json>` with `message_start`,
 * `content_block_start` / `_delta` / `_stop` (indexes in start order), `message_delta` (stop reason and
 * usage) and `message_stop`, so an Anthropic SDK client can read a Streamkit backend.
 *
 * One stream is one message: step boundaries are dropped and blocks keep counting up. Parts after a
 * `finish` begin a new message. Blocks may interleave (parallel tool calls); each delta names its index.
 *
 * Where the format has no exact counterpart:
 * - reasoning becomes a `thinking` block without a signature (none is known); reasoning ended as
 *   `redacted` before any text becomes a `redacted_thinking` block with empty `data`;
 * - a provider-executed tool call is a `server_tool_use` block and its output a `<name>_tool_result`
 *   block (`tool_search_tool_result` for tool search); an output error is a `<…>_error` content object
 *   with `error_code: 'unavailable'` and the text in `message`. Outputs of client tools, approvals and
 *   denials are dropped: in this API the client sends tool results in its next request;
 * - `tool-input-error` writes the raw input text, so a reader fails to parse it as Anthropic's would;
 * - a source becomes a citation on the last open text block (`web_search_result_location` for URLs,
 *   `char_location` for documents, numbered in order of appearance) and is dropped when none is open;
 * - finish reasons `other`, `unknown` and `error` become `end_turn`; an `error` part is an `error` event;
 * - data, file, metadata, step and abort parts are dropped; `end()` writes nothing, so a stream without
 *   a `finish` part has no `message_stop` and its reader can tell it was cut short.
 */
export function createAnthropicEncoder(options: AnthropicEncoderOptions = {}): Encoder {
  const model = options.model ?? 'streamkit';
  let open = false;
  let nextIndex = 0;
  let usage: Usage = {};
  const blocks = new Map<string, OpenBlock>();
  const pendingReasoning = new Set<string>();
  const tools = new Map<string, { name: string; providerExecuted: boolean }>();
  const documents = new Map<string, number>();

  const event = (type: string, payload: Json): SSEMessage => ({ event: type, data: JSON.stringify({ type, ...payload }) });

  function openMessage(id?: string): SSEMessage[] {
    if (open) return [];
    open = true;
    nextIndex = 0;
    const message = { id: id ?? `msg_${generateId()}`, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null };
    return [event('message_start', { message: { ...message, usage: { input_tokens: 0, output_tokens: 0 } } })];
  }

  function startBlock(key: string, kind: OpenBlock['kind'], contentBlock: Json): SSEMessage[] {
    const messages = openMessage();
    const index = nextIndex++;
    blocks.set(key, { index, kind });
    messages.push(event('content_block_start', { index, content_block: contentBlock }));
    return messages;
  }

  function stopBlock(key: string): SSEMessage[] {
    const block = blocks.get(key);
    if (!block) return [];
    blocks.delete(key);
    return [event('content_block_stop', { index: block.index })];
  }

  function blockDelta(key: string, delta: Json): SSEMessage {
    return event('content_block_delta', { index: blocks.get(key)!.index, delta });
  }

  function startTool(toolCallId: string, toolName: string, providerExecuted: boolean): SSEMessage[] {
    tools.set(toolCallId, { name: toolName, providerExecuted });
    const type = providerExecuted ? 'server_tool_use' : 'tool_use';
    return startBlock(`tool:${toolCallId}`, 'tool', { type, id: toolCallId, name: toolName, input: {} });
  }

  /** Ends a tool call's block, first writing its whole input if no fragment of it was streamed. */
  function finishTool(part: { toolCallId: string; toolName: string; providerExecuted?: boolean }, inputText: string): SSEMessage[] {
    const key = `tool:${part.toolCallId}`;
    if (tools.has(part.toolCallId) && !blocks.has(key)) return [];
    const messages = blocks.has(key) ? [] : startTool(part.toolCallId, part.toolName, part.providerExecuted === true);
    if (!blocks.get(key)!.sentInput) messages.push(blockDelta(key, { type: 'input_json_delta', partial_json: inputText }));
    return [...messages, ...stopBlock(key)];
  }

  function toolResult(toolCallId: string, content: unknown, isError: boolean): SSEMessage[] {
    const tool = tools.get(toolCallId);
    if (!tool?.providerExecuted) return [];
    const type = tool.name.startsWith('tool_search_tool') ? 'tool_search_tool_result' : `${tool.name.replace(/\W/g, '_')}_tool_result`;
    const body = isError ? { type: `${type}_error`, error_code: 'unavailable', message: content } : content;
    const key = `result:${toolCallId}`;
    return [...stopBlock(`tool:${toolCallId}`), ...startBlock(key, 'tool', { type, tool_use_id: toolCallId, content: body }), ...stopBlock(key)];
  }

  function citation(part: Extract<StreamPart, { type: 'source' }>): SSEMessage[] {
    const textKey = [...blocks].reverse().find(([, block]) => block.kind === 'text')?.[0];
    if (!textKey) return [];
    const title = part.title ?? part.filename ?? null;
    if (part.sourceType === 'url' && part.url) {
      const cite = { type: 'web_search_result_location', cited_text: '', url: part.url, title, encrypted_index: '' };
      return [blockDelta(textKey, { type: 'citations_delta', citation: cite })];
    }
    if (!documents.has(part.id)) documents.set(part.id, documents.size);
    const cite = { type: 'char_location', cited_text: '', document_index: documents.get(part.id), document_title: title, start_char_index: 0, end_char_index: 0 };
    return [blockDelta(textKey, { type: 'citations_delta', citation: cite })];
  }

  function finish(part: Extract<StreamPart, { type: 'finish' }>): SSEMessage[] {
    const messages = openMessage();
    for (const key of [...blocks.keys()]) messages.push(...stopBlock(key));
    pendingReasoning.clear();
    usage = { ...usage, ...part.usage };
    messages.push(
      event('message_delta', { delta: { stop_reason: stopReasons[part.reason] ?? 'end_turn', stop_sequence: null }, usage: toAnthropicUsage(usage) }),
      event('message_stop', {}),
    );
    open = false;
    usage = {};
    return messages;
  }

  function encode(part: StreamPart): SSEMessage[] {
    switch (part.type) {
      case 'start':
        return openMessage(part.messageId);
      case 'text-start':
        return blocks.has(`text:${part.id}`) ? [] : startBlock(`text:${part.id}`, 'text', { type: 'text', text: '' });
      case 'text-delta': {
        const key = `text:${part.id}`;
        if (part.delta === '') return [];
        const messages = blocks.has(key) ? [] : startBlock(key, 'text', { type: 'text', text: '' });
        return [...messages, blockDelta(key, { type: 'text_delta', text: part.delta })];
      }
      case 'text-end':
        return stopBlock(`text:${part.id}`);
      case 'reasoning-start':
        // The block type (thinking or redacted_thinking) is known only at the first delta or the end.
        pendingReasoning.add(part.id);
        return openMessage();
      case 'reasoning-delta': {
        const key = `reasoning:${part.id}`;
        if (part.delta === '') return [];
        pendingReasoning.delete(part.id);
        const messages = blocks.has(key) ? [] : startBlock(key, 'thinking', { type: 'thinking', thinking: '', signature: '' });
        return [...messages, blockDelta(key, { type: 'thinking_delta', thinking: part.delta })];
      }
      case 'reasoning-end': {
        const key = `reasoning:${part.id}`;
        if (blocks.has(key)) return stopBlock(key);
        if (!pendingReasoning.delete(part.id) && !part.redacted) return [];
        const block = part.redacted ? { type: 'redacted_thinking', data: '' } : { type: 'thinking', thinking: '', signature: '' };
        return [...startBlock(key, 'thinking', block), ...stopBlock(key)];
      }
      case 'tool-input-start':
        return blocks.has(`tool:${part.toolCallId}`) ? [] : startTool(part.toolCallId, part.toolName, part.providerExecuted === true);
      case 'tool-input-delta': {
        const key = `tool:${part.toolCallId}`;
        // A fragment for a call already closed cannot be written: its block is over.
        if (part.delta === '' || (tools.has(part.toolCallId) && !blocks.has(key))) return [];
        const messages = blocks.has(key) ? [] : startTool(part.toolCallId, '', false);
        blocks.get(key)!.sentInput = true;
        return [...messages, blockDelta(key, { type: 'input_json_delta', partial_json: part.delta })];
      }
      case 'tool-input-available':
        return finishTool(part, JSON.stringify(part.input ?? {}));
      case 'tool-input-error':
        return finishTool(part, typeof part.input === 'string' ? part.input : JSON.stringify(part.input ?? null));
      case 'tool-output-available':
        return part.preliminary ? [] : toolResult(part.toolCallId, part.output, false);
      case 'tool-output-error':
        return toolResult(part.toolCallId, part.errorText, true);
      case 'source':
        return citation(part);
      case 'usage':
        usage = { ...usage, ...part.usage };
        return [];
      case 'finish':
        return finish(part);
      case 'error':
        return [event('error', { error: { type: 'api_error', message: part.errorText } })];
      case 'tool-approval-request':
      case 'tool-output-denied':
      case 'file':
      case 'data':
      case 'metadata':
      case 'step-start':
      case 'step-finish':
      case 'abort':
        return [];
    }
  }

  return { headers: {}, encode, end: () => [] };
}

function toAnthropicUsage(usage: Usage): Json {
  return {
    ...(usage.inputTokens === undefined ? {} : { input_tokens: usage.inputTokens }),
    ...(usage.cachedInputTokens === undefined ? {} : { cache_read_input_tokens: usage.cachedInputTokens }),
    output_tokens: usage.outputTokens ?? 0,
    ...(usage.reasoningTokens === undefined ? {} : { output_tokens_details: { thinking_tokens: usage.reasoningTokens } }),
  };
}
