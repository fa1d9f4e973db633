import { generateId, type FinishReason, type StreamPart, type Usage } from '@streamkit/core';
import type { Encoder, SSEMessage } from './types.ts';

export interface OpenAIChatEncoderOptions {
  /** The `model` named in every chunk. Default: `'streamkit'`. */
  model?: string;
  /** The `created` time (seconds since the epoch) of every chunk. Default: when the encoder is made. */
  created?: number;
}

interface ToolCallState {
  index: number;
  sentArguments: boolean;
}

const finishReasons: Record<FinishReason, string> = {
  stop: 'stop',
  length: 'length',
  'tool-calls': 'tool_calls',
  'content-filter': 'content_filter',
  // Chat Completions has no reason for these; `stop` is what a client treats as a normal end.
  error: 'stop',
  other: 'stop',
  unknown: 'stop',
};

/**
 * OpenAI Chat Completions streaming: one `chat.completion.chunk` object per `data:` line, ended by
 * `data: [DONE]`, as `stream: true` with `stream_options: { include_usage: true }` sends them. Any
 * OpenAI-compatible client (the `openai` SDK, LangChain, the AI SDK's openai-compatible provider) reads it.
 *
 * - The message id (`start.messageId`, else a generated `chatcmpl-…`) is every chunk's `id`.
 * - Reasoning goes out as `delta.reasoning_content`, the DeepSeek convention most clients read.
 * - Tool calls get `index` 0, 1, … in the order they start; a call whose input arrives only in
 *   `tool-input-available` sends its arguments as one fragment.
 * - Usage goes out in a last chunk with empty `choices`, just before `[DONE]`, with only the
 *   counts that are known.
 * - URL sources go out as Perplexity's top-level `citations` array (all URLs so far) on an empty chunk.
 * - An `error` part becomes a chunk `{ error: { message, type: 'server_error' } }`, as OpenAI sends mid-stream.
 * - Finish reasons `error`, `other` and `unknown` become `stop`; the format has nothing closer.
 * - Dropped, since the format cannot express them: provider-executed tool calls and their outputs,
 *   tool outputs, approvals, data, files, document sources, metadata, steps, `reasoning-end`'s
 *   `redacted` marker and `abort`.
 */
export function createOpenAIChatEncoder(options: OpenAIChatEncoderOptions = {}): Encoder {
  const model = options.model ?? 'streamkit';
  const created = options.created ?? Math.floor(Date.now() / 1000);
  let id = `chatcmpl-${generateId()}`;
  let roleSent = false;
  const toolCalls = new Map<string, ToolCallState>();
  const providerCalls = new Set<string>();
  const citations: string[] = [];
  let usage: Usage | undefined;

  function chunk(delta: Record<string, unknown>, finishReason: string | null = null, extra: Record<string, unknown> = {}): SSEMessage {
    // OpenAI opens every reply with the role; clients that build the message from deltas expect it.
    const first = roleSent ? {} : { role: 'assistant' };
    roleSent = true;
    const body = { id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta: { ...first, ...delta }, finish_reason: finishReason }], ...extra };
    return { data: JSON.stringify(body) };
  }

  function toolArguments(part: Extract<StreamPart, { type: 'tool-input-available' | 'tool-input-error' }>): SSEMessage[] {
    if (providerCalls.has(part.toolCallId)) return [];
    const text = typeof part.input === 'string' && part.type === 'tool-input-error' ? part.input : JSON.stringify(part.input ?? {});
    const call = toolCalls.get(part.toolCallId);
    if (!call) {
      const index = toolCalls.size;
      toolCalls.set(part.toolCallId, { index, sentArguments: true });
      return [chunk({ tool_calls: [{ index, id: part.toolCallId, type: 'function', function: { name: part.toolName, arguments: text } }] })];
    }
    if (call.sentArguments) return [];
    call.sentArguments = true;
    return [chunk({ tool_calls: [{ index: call.index, function: { arguments: text } }] })];
  }

  function encode(part: StreamPart): SSEMessage[] {
    switch (part.type) {
      case 'start':
        if (part.messageId) id = part.messageId;
        return roleSent ? [] : [chunk({ content: '' })];
      case 'text-delta':
        return [chunk({ content: part.delta })];
      case 'reasoning-delta':
        return [chunk({ reasoning_content: part.delta })];
      case 'tool-input-start': {
        if (part.providerExecuted) providerCalls.add(part.toolCallId);
        if (part.providerExecuted || toolCalls.has(part.toolCallId)) return [];
        const index = toolCalls.size;
        toolCalls.set(part.toolCallId, { index, sentArguments: false });
        return [chunk({ tool_calls: [{ index, id: part.toolCallId, type: 'function', function: { name: part.toolName, arguments: '' } }] })];
      }
      case 'tool-input-delta': {
        const call = toolCalls.get(part.toolCallId);
        if (!call || part.delta === '') return [];
        call.sentArguments = true;
        return [chunk({ tool_calls: [{ index: call.index, function: { arguments: part.delta } }] })];
      }
      case 'tool-input-available':
        if (part.providerExecuted) providerCalls.add(part.toolCallId);
        return toolArguments(part);
      case 'tool-input-error':
        return toolArguments(part);
      case 'source':
        if (part.sourceType !== 'url' || !part.url || citations.includes(part.url)) return [];
        citations.push(part.url);
        return [chunk({}, null, { citations: [...citations] })];
      case 'usage':
        usage = part.usage;
        return [];
      case 'finish':
        if (part.usage) usage = part.usage;
        return [chunk({}, finishReasons[part.reason])];
      case 'error':
        return [{ data: JSON.stringify({ error: { message: part.errorText, type: 'server_error', param: null, code: null } }) }];
      default:
        return [];
    }
  }

  return {
    headers: {},
    encode,
    end() {
      const last: SSEMessage[] = usage ? [{ data: JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage: chatUsage(usage) }) }] : [];
      return [...last, { data: '[DONE]' }];
    },
  };
}

function chatUsage(usage: Usage): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.totalTokens,
    prompt_tokens_details: usage.cachedInputTokens === undefined ? undefined : { cached_tokens: usage.cachedInputTokens },
    completion_tokens_details: usage.reasoningTokens === undefined ? undefined : { reasoning_tokens: usage.reasoningTokens },
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
