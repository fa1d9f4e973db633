/**
 * The normalized event model every wire-format decoder produces and `applyStreamPart` consumes.
 * One vocabulary for all providers, so the reducer and the UI never see a provider's own format.
 */

export type FinishReason = 'stop' | 'length' | 'content-filter' | 'tool-calls' | 'error' | 'other' | 'unknown';

export interface Usage {
  inputTokens?: number;
  outputTokens?: number;
  reasoningTokens?: number;
  cachedInputTokens?: number;
  totalTokens?: number;
}

export type JSONValue = null | string | number | boolean | JSONValue[] | { [key: string]: JSONValue };

export type StreamPart =
  /** A new assistant message begins; `messageId` is the server's id for it, when it sends one. */
  | { type: 'start'; messageId?: string; metadata?: Record<string, unknown> }
  | { type: 'text-start'; id: string }
  | { type: 'text-delta'; id: string; delta: string }
  | { type: 'text-end'; id: string }
  | { type: 'reasoning-start'; id: string }
  | { type: 'reasoning-delta'; id: string; delta: string }
  /** `redacted`: the provider sent encrypted or redacted thinking that cannot be shown. */
  | { type: 'reasoning-end'; id: string; redacted?: boolean }
  | { type: 'tool-input-start'; toolCallId: string; toolName: string; providerExecuted?: boolean }
  /** `input`: the arguments parsed so far, when whoever produced the part tracked them (the chat store does, incrementally). */
  | { type: 'tool-input-delta'; toolCallId: string; delta: string; input?: unknown }
  | { type: 'tool-input-available'; toolCallId: string; toolName: string; input: unknown; providerExecuted?: boolean }
  /** The tool call's input could not be parsed or the tool is unknown; `input` is the raw text that arrived. */
  | { type: 'tool-input-error'; toolCallId: string; toolName: string; input: unknown; errorText: string }
  | { type: 'tool-approval-request'; toolCallId: string; approvalId: string }
  | { type: 'tool-output-available'; toolCallId: string; output: unknown; preliminary?: boolean }
  | { type: 'tool-output-error'; toolCallId: string; errorText: string }
  | { type: 'tool-output-denied'; toolCallId: string }
  | { type: 'source'; sourceType: 'url' | 'document'; id: string; url?: string; title?: string; mediaType?: string; filename?: string }
  | { type: 'file'; url: string; mediaType: string }
  /** App data (`data-*` in ui-message-stream); a part with the same `name` and `id` replaces the earlier one. */
  | { type: 'data'; name: string; id?: string; data: unknown; transient?: boolean }
  | { type: 'step-start' }
  | { type: 'step-finish' }
  | { type: 'usage'; usage: Usage }
  | { type: 'metadata'; metadata: Record<string, unknown> }
  | { type: 'finish'; reason: FinishReason; usage?: Usage }
  | { type: 'abort' }
  /**
   * An error reported inside the stream. Everything that arrived before it is kept. Without a `code`
   * it is the server's own error and ends the reply in an error state; with `decode/invalid-json` it
   * is an event the client could not read, reported and skipped while the reply goes on.
   */
  | { type: 'error'; errorText: string; code?: 'stream/server-error' | 'decode/invalid-json' };

export type StreamPartType = StreamPart['type'];
