import type { SSEEvent } from '../sse/types.ts';
import type { FinishReason, StreamPart } from '../stream-part.ts';
import type { StreamDecoder } from './types.ts';

type Chunk = Record<string, unknown> & { type: string };

const finishReasons = new Set<FinishReason>(['stop', 'length', 'content-filter', 'tool-calls', 'error', 'other', 'unknown']);

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const optionalStr = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/**
 * Decoder for the Vercel AI SDK UI message stream protocol v1: one JSON chunk per `data:` line,
 * closed by `data: [DONE]`. Unlike the AI SDK client, an unknown chunk type is skipped rather than
 * fatal, so a server that adds its own chunk types (a `pong`, say) does not break the stream.
 */
export function createUIMessageStreamDecoder(): StreamDecoder {
  return {
    decode(event: SSEEvent): StreamPart[] {
      if (event.data === '[DONE]') return [];
      let chunk: unknown;
      try {
        chunk = JSON.parse(event.data);
      } catch {
        return [{ type: 'error', code: 'decode/invalid-json', errorText: `Malformed JSON in ui-message-stream event${event.id ? ` ${event.id}` : ''}: ${preview(event.data)}` }];
      }
      const parsed = record(chunk);
      if (!parsed || typeof parsed.type !== 'string') {
        return [{ type: 'error', code: 'decode/invalid-json', errorText: `A ui-message-stream event without a "type" arrived: ${preview(event.data)}` }];
      }
      return decodeChunk(parsed as Chunk);
    },
    end: () => [],
  };
}

function preview(data: string): string {
  return data.length > 120 ? `${data.slice(0, 120)}…` : data;
}

function decodeChunk(chunk: Chunk): StreamPart[] {
  switch (chunk.type) {
    case 'start': {
      const metadata = record(chunk.messageMetadata);
      return [{ type: 'start', ...(typeof chunk.messageId === 'string' ? { messageId: chunk.messageId } : {}), ...(metadata ? { metadata } : {}) }];
    }
    case 'text-start':
    case 'text-end':
    case 'reasoning-start':
      return [{ type: chunk.type, id: str(chunk.id) }];
    case 'reasoning-end':
      return [{ type: 'reasoning-end', id: str(chunk.id) }];
    case 'text-delta':
    case 'reasoning-delta':
      return [{ type: chunk.type, id: str(chunk.id), delta: str(chunk.delta) }];
    case 'tool-input-start':
      return [{ type: 'tool-input-start', toolCallId: str(chunk.toolCallId), toolName: str(chunk.toolName), ...providerExecuted(chunk) }];
    case 'tool-input-delta':
      return [{ type: 'tool-input-delta', toolCallId: str(chunk.toolCallId), delta: str(chunk.inputTextDelta) }];
    case 'tool-input-available':
      return [{ type: 'tool-input-available', toolCallId: str(chunk.toolCallId), toolName: str(chunk.toolName), input: chunk.input, ...providerExecuted(chunk) }];
    case 'tool-input-error':
      return [{ type: 'tool-input-error', toolCallId: str(chunk.toolCallId), toolName: str(chunk.toolName), input: chunk.input, errorText: str(chunk.errorText) }];
    case 'tool-approval-request':
      return [{ type: 'tool-approval-request', toolCallId: str(chunk.toolCallId), approvalId: str(chunk.approvalId) }];
    case 'tool-output-available':
      return [{ type: 'tool-output-available', toolCallId: str(chunk.toolCallId), output: chunk.output, ...(chunk.preliminary === true ? { preliminary: true } : {}) }];
    case 'tool-output-error':
      return [{ type: 'tool-output-error', toolCallId: str(chunk.toolCallId), errorText: str(chunk.errorText) }];
    case 'tool-output-denied':
      return [{ type: 'tool-output-denied', toolCallId: str(chunk.toolCallId) }];
    case 'source-url':
      return [{ type: 'source', sourceType: 'url', id: str(chunk.sourceId), url: str(chunk.url), ...optional({ title: chunk.title }) }];
    case 'source-document':
      return [{ type: 'source', sourceType: 'document', id: str(chunk.sourceId), ...optional({ title: chunk.title, mediaType: chunk.mediaType, filename: chunk.filename }) }];
    case 'file':
      return [{ type: 'file', url: str(chunk.url), mediaType: str(chunk.mediaType) }];
    case 'start-step':
      return [{ type: 'step-start' }];
    case 'finish-step':
      return [{ type: 'step-finish' }];
    case 'message-metadata': {
      const metadata = record(chunk.messageMetadata);
      return metadata ? [{ type: 'metadata', metadata }] : [];
    }
    case 'finish': {
      const reason = finishReasons.has(chunk.finishReason as FinishReason) ? (chunk.finishReason as FinishReason) : 'stop';
      const metadata = record(chunk.messageMetadata);
      return [...(metadata ? [{ type: 'metadata' as const, metadata }] : []), { type: 'finish', reason }];
    }
    case 'abort':
      return [{ type: 'abort' }];
    case 'error':
      return [{ type: 'error', errorText: str(chunk.errorText) || 'The server reported an error without a message.' }];
    default:
      if (chunk.type.startsWith('data-')) {
        return [{ type: 'data', name: chunk.type.slice(5), data: chunk.data, ...optional({ id: chunk.id }), ...(chunk.transient === true ? { transient: true } : {}) }];
      }
      return [];
  }
}

function providerExecuted(chunk: Chunk): { providerExecuted?: true } {
  return chunk.providerExecuted === true ? { providerExecuted: true } : {};
}

/** Keeps only the string-valued fields, so optional properties are absent rather than undefined. */
function optional<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: string } {
  const result: { [K in keyof T]?: string } = {};
  for (const key of Object.keys(fields) as (keyof T)[]) {
    const value = optionalStr(fields[key]);
    if (value !== undefined) result[key] = value;
  }
  return result;
}
