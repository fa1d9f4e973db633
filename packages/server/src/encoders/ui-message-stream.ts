import type { FinishReason, StreamPart } from '@streamkit/core';
import type { Encoder } from './types.ts';

/**
 * The Vercel AI SDK "UI message stream protocol v1": one JSON chunk per `data:` line, ended by
 * `data: [DONE]`. Chunk shapes follow `uiMessageChunkSchema` in the `ai` package, so an AI SDK client
 * (`useChat`, `DefaultChatTransport`) reads this stream unchanged.
 *
 * Where the protocol has no exact counterpart:
 * - `usage` becomes `{ type: 'message-metadata', messageMetadata: { usage } }`, and a `finish` part's
 *   usage rides on the finish chunk as `messageMetadata: { usage }`;
 * - finish reason `'unknown'` becomes `'other'`;
 * - `reasoning-end` with `redacted` carries `redacted: true` (chunks are loose objects; AI SDK ignores it);
 * - a `source` missing a field the protocol requires gets a neutral value (`url: ''`,
 *   `mediaType: 'application/octet-stream'`, `title` from `filename` or `''`).
 */
export function createUIMessageStreamEncoder(): Encoder {
  return {
    headers: { 'x-vercel-ai-ui-message-stream': 'v1' },
    encode: (part) => [{ data: JSON.stringify(toChunk(part)) }],
    end: () => [{ data: '[DONE]' }],
  };
}

type Chunk = { type: string } & Record<string, unknown>;

/** The protocol has no `unknown`; `other` is its catch-all. */
function toFinishReason(reason: FinishReason): Exclude<FinishReason, 'unknown'> {
  return reason === 'unknown' ? 'other' : reason;
}

/** Drops keys whose value is `undefined`, so optional fields never appear as `null` or empty. */
function chunk(fields: Chunk): Chunk {
  for (const key of Object.keys(fields)) {
    if (fields[key] === undefined) delete fields[key];
  }
  return fields;
}

function toChunk(part: StreamPart): Chunk {
  switch (part.type) {
    case 'start':
      return chunk({ type: 'start', messageId: part.messageId, messageMetadata: part.metadata });
    case 'text-start':
    case 'text-end':
    case 'reasoning-start':
      return { type: part.type, id: part.id };
    case 'text-delta':
    case 'reasoning-delta':
      return { type: part.type, id: part.id, delta: part.delta };
    case 'reasoning-end':
      // `redacted` is our extension; the protocol's chunks are loose objects, so AI SDK clients ignore it.
      return chunk({ type: 'reasoning-end', id: part.id, redacted: part.redacted || undefined });
    case 'tool-input-start':
      return chunk({
        type: 'tool-input-start',
        toolCallId: part.toolCallId,
        toolName: part.toolName,
        providerExecuted: part.providerExecuted,
      });
    case 'tool-input-delta':
      return { type: 'tool-input-delta', toolCallId: part.toolCallId, inputTextDelta: part.delta };
    case 'tool-input-available':
      return chunk({
        type: 'tool-input-available',
        toolCallId: part.toolCallId,
        toolName: part.toolName,
        input: part.input,
        providerExecuted: part.providerExecuted,
      });
    case 'tool-input-error':
      return {
        type: 'tool-input-error',
        toolCallId: part.toolCallId,
        toolName: part.toolName,
        input: part.input,
        errorText: part.errorText,
      };
    case 'tool-approval-request':
      return { type: 'tool-approval-request', toolCallId: part.toolCallId, approvalId: part.approvalId };
    case 'tool-output-available':
      return chunk({
        type: 'tool-output-available',
        toolCallId: part.toolCallId,
        output: part.output,
        preliminary: part.preliminary,
      });
    case 'tool-output-error':
      return { type: 'tool-output-error', toolCallId: part.toolCallId, errorText: part.errorText };
    case 'tool-output-denied':
      return { type: 'tool-output-denied', toolCallId: part.toolCallId };
    case 'source':
      // The protocol requires `url` on source-url and `mediaType`/`title` on source-document.
      return part.sourceType === 'url'
        ? chunk({ type: 'source-url', sourceId: part.id, url: part.url ?? '', title: part.title })
        : chunk({
            type: 'source-document',
            sourceId: part.id,
            mediaType: part.mediaType ?? 'application/octet-stream',
            title: part.title ?? part.filename ?? '',
            filename: part.filename,
          });
    case 'file':
      return { type: 'file', url: part.url, mediaType: part.mediaType };
    case 'data':
      return chunk({ type: `data-${part.name}`, id: part.id, data: part.data, transient: part.transient });
    case 'step-start':
      return { type: 'start-step' };
    case 'step-finish':
      return { type: 'finish-step' };
    case 'metadata':
      return { type: 'message-metadata', messageMetadata: part.metadata };
    case 'usage':
      // The protocol has no usage chunk; usage travels as message metadata, as the AI SDK recommends.
      return { type: 'message-metadata', messageMetadata: { usage: part.usage } };
    case 'finish':
      return chunk({
        type: 'finish',
        finishReason: toFinishReason(part.reason),
        messageMetadata: part.usage ? { usage: part.usage } : undefined,
      });
    case 'abort':
      return { type: 'abort' };
    case 'error':
      return { type: 'error', errorText: part.errorText };
  }
}
