import type { SSEEvent } from '../sse/types.ts';
import type { FinishReason, StreamPart, Usage } from '../stream-part.ts';
import type { StreamDecoder } from './types.ts';

type Json = Record<string, unknown>;

/** What an open content block (keyed by its `index`) needs until its `content_block_stop`. */
type Block =
  | { kind: 'text' | 'reasoning'; id: string }
  | {
      kind: 'tool';
      toolCallId: string;
      toolName: string;
      providerExecuted: boolean;
      /** `input_json_delta` fragments, joined once at the stop: joining per fragment is O(n²). */
      fragments: string[];
      initialInput: unknown;
    }
  /** Blocks complete at their start (redacted thinking, tool results) or of a type we skip; their deltas are ignored. */
  | { kind: 'other' };

const stopReasons: Record<string, FinishReason> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  tool_use: 'tool-calls',
  refusal: 'content-filter',
  pause_turn: 'other',
};

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const record = (value: unknown): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;

/**
 * Decoder for the Anthropic Messages API stream (`message_start`, `content_block_*`, `message_delta`,
 * `message_stop`, `ping`, `error`), dispatched on each payload's JSON `type`.
 *
 * - Every message is a step: the first `message_start` sends `start` (with the message id) and
 *   `step-start`; each `message_stop` sends `step-finish` and `finish` with that message's reason and usage.
 *   A stream holding several messages back to back (a proxy chaining requests) therefore yields one
 *   `step-start` and one `finish` per message, all folded into one UI message.
 * - A `message_start` repeating the open message's id before any block is a duplicate and is ignored.
 *   Any other `message_start` while a message is open closes the open blocks (unfinished tool input
 *   becomes `tool-input-error`), sends `step-finish` without a `finish`, and starts a new step.
 * - Blocks pre-filled in `message.content` are decoded as complete blocks.
 * - Tool input is parsed once, at `content_block_stop`; invalid or truncated JSON (a `max_tokens` cut)
 *   becomes `tool-input-error` carrying the raw text. `server_tool_use` / `mcp_tool_use` calls are
 *   `providerExecuted`, and any `*_tool_result` block completes the call named by its `tool_use_id`.
 * - Citations become `source` parts, one per URL (or per document) for the whole stream.
 * - Signatures, compaction and fallback blocks, unknown events and unknown block types are skipped.
 * - A stream that ends without `message_stop` gets its open blocks closed but no `finish`, so the
 *   consumer can tell it was cut short. Decoding never throws: malformed JSON becomes an `error` part.
 */
export function createAnthropicDecoder(): StreamDecoder {
  let started = false;
  let open = false;
  let messageId: string | undefined;
  let blocksInMessage = 0;
  let usage: Json = {};
  let stopReason: unknown = null;
  let nextPartId = 0;
  const blocks = new Map<number, Block>();
  const sourceKeys = new Set<string>();

  function openMessage(message: Json): StreamPart[] {
    const id = typeof message.id === 'string' ? message.id : undefined;
    const parts: StreamPart[] = [];
    if (open) {
      if (id !== undefined && id === messageId && blocksInMessage === 0) return [];
      parts.push(...closeBlocks(), { type: 'step-finish' });
    }
    if (!started) parts.push(id === undefined ? { type: 'start' } : { type: 'start', messageId: id });
    started = true;
    parts.push({ type: 'step-start' });
    open = true;
    messageId = id;
    blocksInMessage = 0;
    usage = { ...record(message.usage) };
    stopReason = message.stop_reason ?? null;
    // Pre-filled content (e.g. programmatic tool calls replayed at message start) arrives complete.
    const content = Array.isArray(message.content) ? message.content : [];
    content.forEach((block, index) => parts.push(...startBlock(-1 - index, record(block)), ...stopBlock(-1 - index)));
    return parts;
  }

  /** Content before any `message_start` is a protocol violation, but its text is still worth showing. */
  function ensureOpen(): StreamPart[] {
    return open ? [] : openMessage({});
  }

  function startBlock(index: number, block: Json | undefined): StreamPart[] {
    if (!block) return [];
    const parts = blocks.has(index) ? stopBlock(index) : [];
    blocksInMessage++;
    const type = str(block.type);
    switch (type) {
      case 'text': {
        const id = `${nextPartId++}`;
        blocks.set(index, { kind: 'text', id });
        parts.push({ type: 'text-start', id });
        if (str(block.text)) parts.push({ type: 'text-delta', id, delta: str(block.text) });
        if (Array.isArray(block.citations)) parts.push(...toSources(block.citations));
        return parts;
      }
      case 'thinking': {
        const id = `${nextPartId++}`;
        blocks.set(index, { kind: 'reasoning', id });
        parts.push({ type: 'reasoning-start', id });
        if (str(block.thinking)) parts.push({ type: 'reasoning-delta', id, delta: str(block.thinking) });
        return parts;
      }
      case 'redacted_thinking': {
        const id = `${nextPartId++}`;
        blocks.set(index, { kind: 'other' });
        parts.push({ type: 'reasoning-start', id }, { type: 'reasoning-end', id, redacted: true });
        return parts;
      }
      case 'tool_use':
      case 'server_tool_use':
      case 'mcp_tool_use': {
        const providerExecuted = type !== 'tool_use';
        const tool = { toolCallId: str(block.id), toolName: str(block.name), providerExecuted };
        blocks.set(index, { kind: 'tool', ...tool, fragments: [], initialInput: block.input });
        parts.push({ type: 'tool-input-start', toolCallId: tool.toolCallId, toolName: tool.toolName, ...(providerExecuted ? { providerExecuted } : {}) });
        return parts;
      }
      default:
        blocks.set(index, { kind: 'other' });
        if (type.endsWith('_tool_result') && typeof block.tool_use_id === 'string') parts.push(toToolResult(block, block.tool_use_id));
        return parts;
    }
  }

  function applyDelta(index: number, delta: Json | undefined): StreamPart[] {
    const parts: StreamPart[] = [];
    let block = blocks.get(index);
    switch (delta?.type) {
      case 'text_delta':
      case 'thinking_delta': {
        const kind = delta.type === 'text_delta' ? 'text' : 'reasoning';
        // A delta whose block never started still carries text: open the block implicitly.
        if (!block) {
          parts.push(...ensureOpen(), ...startBlock(index, { type: kind === 'text' ? 'text' : 'thinking' }));
          block = blocks.get(index);
        }
        const text = str(kind === 'text' ? delta.text : delta.thinking);
        if ((block?.kind !== 'text' && block?.kind !== 'reasoning') || block.kind !== kind || !text) return parts;
        parts.push({ type: kind === 'text' ? 'text-delta' : 'reasoning-delta', id: block.id, delta: text });
        return parts;
      }
      case 'input_json_delta': {
        const fragment = str(delta.partial_json);
        if (block?.kind !== 'tool' || !fragment) return [];
        block.fragments.push(fragment);
        return [{ type: 'tool-input-delta', toolCallId: block.toolCallId, delta: fragment }];
      }
      case 'citations_delta':
        return toSources([delta.citation]);
      default:
        // signature_delta (opaque, only needed to send thinking back), compaction_delta and unknown deltas.
        return [];
    }
  }

  function stopBlock(index: number): StreamPart[] {
    const block = blocks.get(index);
    if (!block) return [];
    blocks.delete(index);
    switch (block.kind) {
      case 'text':
        return [{ type: 'text-end', id: block.id }];
      case 'reasoning':
        return [{ type: 'reasoning-end', id: block.id }];
      case 'tool':
        return [finishToolInput(block)];
      case 'other':
        return [];
    }
  }

  function closeBlocks(): StreamPart[] {
    return [...blocks.keys()].flatMap(stopBlock);
  }

  function closeMessage(): StreamPart[] {
    if (!open) return [];
    const parts = closeBlocks();
    open = false;
    const normalized = toUsage(usage);
    parts.push({ type: 'step-finish' }, { type: 'finish', reason: toFinishReason(stopReason), ...(normalized ? { usage: normalized } : {}) });
    return parts;
  }

  function toSources(citations: unknown[]): StreamPart[] {
    const parts: StreamPart[] = [];
    for (const citation of citations.map(record)) {
      const source = citation && toSource(citation);
      if (!source || sourceKeys.has(source.id)) continue;
      sourceKeys.add(source.id);
      parts.push(source);
    }
    return parts;
  }

  function decodeChunk(type: string, chunk: Json): StreamPart[] {
    const index = num(chunk.index) ?? 0;
    switch (type) {
      case 'message_start':
        return openMessage(record(chunk.message) ?? {});
      case 'content_block_start':
        return [...ensureOpen(), ...startBlock(index, record(chunk.content_block))];
      case 'content_block_delta':
        return applyDelta(index, record(chunk.delta));
      case 'content_block_stop':
        return stopBlock(index);
      case 'message_delta': {
        const delta = record(chunk.delta);
        if (delta?.stop_reason != null) stopReason = delta.stop_reason;
        // Counts in message_delta are cumulative, so later values replace earlier ones key by key.
        Object.assign(usage, record(chunk.usage));
        return [];
      }
      case 'message_stop':
        return closeMessage();
      case 'error': {
        const error = record(chunk.error);
        const text = str(error?.message) || str(error?.type) || 'The Anthropic API reported an error without a message.';
        return [{ type: 'error', errorText: text }];
      }
      default:
        // ping and event types added after this decoder was written.
        return [];
    }
  }

  return {
    decode(event: SSEEvent): StreamPart[] {
      const data = event.data.trim();
      // Some proxies append the OpenAI-style end marker or send blank keep-alive data lines.
      if (data === '' || data === '[DONE]') return [];
      let parsed: unknown;
      try {
        parsed = JSON.parse(data);
      } catch {
        return [{ type: 'error', code: 'decode/invalid-json', errorText: `Malformed JSON in anthropic event ${describe(event)}: ${preview(event.data)}` }];
      }
      const chunk = record(parsed);
      if (!chunk) return [{ type: 'error', code: 'decode/invalid-json', errorText: `Anthropic event ${describe(event)} is not a JSON object: ${preview(event.data)}` }];
      const type = typeof chunk.type === 'string' ? chunk.type : event.event;
      return decodeChunk(type, chunk);
    },
    end(): StreamPart[] {
      if (!open) return [];
      open = false;
      return closeBlocks();
    },
  };
}

function describe(event: SSEEvent): string {
  return `"${event.event}"${event.id ? ` (id ${event.id})` : ''}`;
}

function preview(data: string): string {
  return data.length > 120 ? `${data.slice(0, 120)}…` : data;
}

function finishToolInput(block: Extract<Block, { kind: 'tool' }>): StreamPart {
  const { toolCallId, toolName, providerExecuted } = block;
  const text = block.fragments.join('');
  let input: unknown = block.initialInput ?? {};
  if (text.trim() !== '') {
    try {
      input = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { type: 'tool-input-error', toolCallId, toolName, input: text, errorText: `The input of tool call "${toolName}" (${toolCallId}) is not valid JSON: ${reason}.` };
    }
  }
  return { type: 'tool-input-available', toolCallId, toolName, input, ...(providerExecuted ? { providerExecuted } : {}) };
}

/** A `*_tool_result` block: an error object (`…_error`) or `is_error: true` is the tool's failure. */
function toToolResult(block: Json, toolCallId: string): StreamPart {
  const content = record(block.content);
  if (content && str(content.type).endsWith('_error')) {
    const errorText = str(content.message) || str(content.error_code) || str(content.type);
    return { type: 'tool-output-error', toolCallId, errorText };
  }
  if (block.is_error === true) {
    const text = Array.isArray(block.content) ? block.content.map((item) => str(record(item)?.text)).join('') : str(block.content);
    return { type: 'tool-output-error', toolCallId, errorText: text || 'The tool reported an error.' };
  }
  return { type: 'tool-output-available', toolCallId, output: block.content };
}

/** Web results become URL sources; document citations (char, page, block, search result) document sources. */
function toSource(citation: Json): Extract<StreamPart, { type: 'source' }> | undefined {
  const title = str(citation.title) || str(citation.document_title);
  if (str(citation.url)) return { type: 'source', sourceType: 'url', id: str(citation.url), url: str(citation.url), ...(title ? { title } : {}) };
  const index = num(citation.document_index);
  const id = str(citation.source) || (index === undefined ? '' : `document-${index}`);
  if (!id) return undefined;
  return { type: 'source', sourceType: 'document', id, ...(title ? { title } : {}) };
}

function toFinishReason(reason: unknown): FinishReason {
  if (typeof reason !== 'string') return 'unknown';
  return Object.hasOwn(stopReasons, reason) ? stopReasons[reason]! : 'other';
}

/**
 * Anthropic's `input_tokens` counts only the uncached part of the prompt; it is passed on as is, and
 * `cache_read_input_tokens` becomes `cachedInputTokens`. Cache writes have no field in `Usage`.
 */
function toUsage(raw: Json): Usage | undefined {
  const usage: Usage = {};
  const input = num(raw.input_tokens);
  const output = num(raw.output_tokens);
  const cached = num(raw.cache_read_input_tokens);
  const thinking = num(record(raw.output_tokens_details)?.thinking_tokens);
  if (input !== undefined) usage.inputTokens = input;
  if (output !== undefined) usage.outputTokens = output;
  if (thinking !== undefined) usage.reasoningTokens = thinking;
  if (cached !== undefined) usage.cachedInputTokens = cached;
  if (input !== undefined && output !== undefined) usage.totalTokens = input + output;
  return Object.keys(usage).length > 0 ? usage : undefined;
}
