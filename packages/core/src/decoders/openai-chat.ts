import type { SSEEvent } from '../sse/types.ts';
import type { FinishReason, StreamPart, Usage } from '../stream-part.ts';
import { compactUsage, list, num, parseEventData, record, str, toolInputPart, type JSONRecord } from './openai-shared.ts';
import type { StreamDecoder } from './types.ts';

interface ToolCall {
  id: string;
  name: string;
  /** Argument fragments, joined once at the end: concatenating per fragment is quadratic. */
  fragments: string[];
  done: boolean;
}

const finishReasons: Record<string, FinishReason> = {
  stop: 'stop',
  length: 'length',
  tool_calls: 'tool-calls',
  function_call: 'tool-calls',
  content_filter: 'content-filter',
};

/** Legacy `delta.function_call` has no index; it gets a key no `tool_calls` index can take. */
const LEGACY_FUNCTION_CALL = -1;

/**
 * Decoder for OpenAI Chat Completions chunks (`data:` only, ended by `data: [DONE]`) and the many
 * servers that copy them (Azure, DeepSeek, Groq, xAI, Alibaba, Moonshot, Mistral, Perplexity, …).
 *
 * - Only choice index 0 is read: a chat UI shows one reply, and `n > 1` streams interleave
 *   several; the other choices are ignored.
 * - Text is `delta.content` (a string, or Mistral's array of `text` / `thinking` parts) and
 *   `delta.refusal`, which becomes ordinary text so the user sees why nothing else came.
 * - Reasoning is `delta.reasoning_content` (DeepSeek, Alibaba, Moonshot), else `delta.reasoning`
 *   (Groq), or Mistral `thinking` parts; a reasoning part ends when text or a tool call starts.
 * - Tool calls are keyed by `index` (the position in `tool_calls` when absent). The first non-empty
 *   `id` and `name` win; later empty ones (Mistral's `"name": ""`, Alibaba's `"id": ""`) are ignored.
 * - `finish_reason` closes every open part and settles the tool calls; the `finish` part waits for
 *   `[DONE]` (or `end()`), because the usage chunk comes after the finish_reason chunk. Usage is the
 *   last top-level `usage` (Groq: `x_groq.usage`) and rides on `finish`; there is no separate `usage` part.
 * - A stream that ends with neither `finish_reason` nor `[DONE]` gets no `finish`, so the consumer
 *   can tell it was cut off.
 * - Perplexity's top-level `citations` (URLs) become one `source` part per new URL.
 * - A chunk with an `error` object (sent mid-stream by some gateways) becomes an `error` part.
 */
export function createOpenAIChatDecoder(): StreamDecoder {
  let started = false;
  let messageId: string | undefined;
  let partCount = 0;
  let openText: string | undefined;
  let openReasoning: string | undefined;
  const toolCalls = new Map<number, ToolCall>();
  const sources = new Set<string>();
  let finishReason: FinishReason | undefined;
  let usage: Usage | undefined;
  let flushed = false;

  function appendReasoning(out: StreamPart[], delta: string): void {
    if (delta === '') return;
    if (!openReasoning) {
      openReasoning = `reasoning-${partCount++}`;
      out.push({ type: 'reasoning-start', id: openReasoning });
    }
    out.push({ type: 'reasoning-delta', id: openReasoning, delta });
  }

  function endReasoning(out: StreamPart[]): void {
    if (!openReasoning) return;
    out.push({ type: 'reasoning-end', id: openReasoning });
    openReasoning = undefined;
  }

  function appendText(out: StreamPart[], delta: string): void {
    if (delta === '') return;
    endReasoning(out);
    if (!openText) {
      openText = `text-${partCount++}`;
      out.push({ type: 'text-start', id: openText });
    }
    out.push({ type: 'text-delta', id: openText, delta });
  }

  function appendToolFragment(out: StreamPart[], key: number, fragment: JSONRecord): void {
    const fn = record(fragment.function) ?? fragment;
    let call = toolCalls.get(key);
    if (!call) {
      endReasoning(out);
      call = { id: str(fragment.id) || `tool-call-${key}`, name: str(fn.name), fragments: [], done: false };
      toolCalls.set(key, call);
      out.push({ type: 'tool-input-start', toolCallId: call.id, toolName: call.name });
    } else if (!call.name && str(fn.name)) {
      // A name that arrives late still reaches the message through tool-input-available.
      call.name = str(fn.name);
    }
    const args = str(fn.arguments);
    if (args === '' || call.done) return;
    call.fragments.push(args);
    out.push({ type: 'tool-input-delta', toolCallId: call.id, delta: args });
  }

  function closeAll(out: StreamPart[]): void {
    endReasoning(out);
    if (openText) {
      out.push({ type: 'text-end', id: openText });
      openText = undefined;
    }
    for (const call of toolCalls.values()) {
      if (call.done) continue;
      call.done = true;
      out.push(toolInputPart(call.id, call.name, call.fragments.join('')));
    }
  }

  function flush(): StreamPart[] {
    if (flushed) return [];
    flushed = true;
    const out: StreamPart[] = [];
    closeAll(out);
    out.push({ type: 'finish', reason: finishReason ?? 'unknown', ...(usage ? { usage } : {}) });
    return out;
  }

  function decodeChoice(out: StreamPart[], choice: JSONRecord): void {
    const delta = record(choice.delta) ?? {};
    const reasoning = typeof delta.reasoning_content === 'string' ? delta.reasoning_content : str(delta.reasoning);
    appendReasoning(out, reasoning);
    if (typeof delta.content === 'string') appendText(out, delta.content);
    for (const item of list(delta.content)) {
      const part = record(item);
      if (part?.type === 'text') appendText(out, str(part.text));
      if (part?.type === 'thinking') {
        if (typeof part.thinking === 'string') appendReasoning(out, part.thinking);
        for (const piece of list(part.thinking)) appendReasoning(out, str(record(piece)?.text));
      }
    }
    appendText(out, str(delta.refusal));
    list(delta.tool_calls).forEach((item, position) => {
      const fragment = record(item);
      if (fragment) appendToolFragment(out, num(fragment.index) ?? position, fragment);
    });
    const legacy = record(delta.function_call);
    if (legacy) appendToolFragment(out, LEGACY_FUNCTION_CALL, legacy);
    if (typeof choice.finish_reason === 'string') {
      finishReason = finishReasons[choice.finish_reason] ?? 'other';
      closeAll(out);
    }
  }

  function decodeChunk(chunk: JSONRecord): StreamPart[] {
    const out: StreamPart[] = [];
    const error = chunk.error;
    if (error !== undefined && error !== null) {
      const message = str(record(error)?.message) || (typeof error === 'string' ? error : JSON.stringify(error));
      out.push({ type: 'error', errorText: message || 'The server reported an error without a message.' });
    }
    for (const url of list(chunk.citations)) {
      if (typeof url !== 'string' || sources.has(url)) continue;
      sources.add(url);
      out.push({ type: 'source', sourceType: 'url', id: url, url });
    }
    list(chunk.choices).forEach((item, position) => {
      const choice = record(item);
      if (choice && (num(choice.index) ?? position) === 0) decodeChoice(out, choice);
    });
    const rawUsage = record(chunk.usage) ?? record(record(chunk.x_groq)?.usage);
    if (rawUsage) usage = chatUsage(rawUsage);
    // Azure's content-filter chunk (empty id, no choices) comes first and must not start the message.
    if (typeof chunk.id === 'string' && chunk.id !== '') messageId ??= chunk.id;
    if (!started && (messageId !== undefined || out.length > 0)) {
      started = true;
      out.unshift({ type: 'start', ...(messageId !== undefined ? { messageId } : {}) });
    }
    return out;
  }

  return {
    decode(event: SSEEvent): StreamPart[] {
      if (flushed) return [];
      if (event.data.trim() === '[DONE]') return flush();
      const parsed = parseEventData(event, 'openai-chat');
      return 'error' in parsed ? [parsed.error] : decodeChunk(parsed.chunk);
    },
    end: () => (finishReason !== undefined ? flush() : []),
  };
}

function chatUsage(usage: JSONRecord): Usage {
  return compactUsage({
    inputTokens: num(usage.prompt_tokens),
    outputTokens: num(usage.completion_tokens),
    // Azure's DeepSeek deployment reports reasoning_tokens at the top level.
    reasoningTokens: num(record(usage.completion_tokens_details)?.reasoning_tokens) ?? num(usage.reasoning_tokens),
    cachedInputTokens: num(record(usage.prompt_tokens_details)?.cached_tokens),
    totalTokens: num(usage.total_tokens),
  });
}
