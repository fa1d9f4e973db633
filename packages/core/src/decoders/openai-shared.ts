import type { SSEEvent } from '../sse/types.ts';
import type { StreamPart, Usage } from '../stream-part.ts';

/** Small readers shared by the `openai-chat` and `openai-responses` decoders, which trust nothing in a chunk's shape. */

export type JSONRecord = Record<string, unknown>;

export const record = (value: unknown): JSONRecord | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JSONRecord) : undefined;

export const str = (value: unknown): string => (typeof value === 'string' ? value : '');

export const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Drops the counts a provider did not send, so `usage` holds only real numbers. */
export function compactUsage(usage: Usage): Usage {
  const result: Usage = {};
  for (const key of Object.keys(usage) as (keyof Usage)[]) {
    if (usage[key] !== undefined) result[key] = usage[key];
  }
  return result;
}

function describeEvent(event: SSEEvent): string {
  const name = event.event && event.event !== 'message' ? ` "${event.event}"` : '';
  const id = event.id ? ` (id ${event.id})` : '';
  return `${name}${id}`;
}

function preview(data: string): string {
  return data.length > 120 ? `${data.slice(0, 120)}…` : data;
}

/**
 * Parses an event's JSON payload. Bad JSON becomes an `error` part that names the event, so the
 * caller keeps everything decoded before it and carries on with the next event.
 */
export function parseEventData(event: SSEEvent, format: string): { chunk: JSONRecord } | { error: StreamPart } {
  let value: unknown;
  try {
    value = JSON.parse(event.data);
  } catch {
    return { error: { type: 'error', code: 'decode/invalid-json', errorText: `Malformed JSON in ${format} event${describeEvent(event)}; the event was skipped: ${preview(event.data)}` } };
  }
  const chunk = record(value);
  if (!chunk) {
    return { error: { type: 'error', code: 'decode/invalid-json', errorText: `A ${format} event${describeEvent(event)} is not a JSON object; the event was skipped: ${preview(event.data)}` } };
  }
  return { chunk };
}

/**
 * The closing part of a client tool call: `tool-input-available` with the parsed arguments
 * (empty text means no arguments, `{}`), or `tool-input-error` carrying the raw text when it is
 * not JSON. Never throws.
 */
export function toolInputPart(toolCallId: string, toolName: string, argumentsText: string): StreamPart {
  if (argumentsText.trim() === '') return { type: 'tool-input-available', toolCallId, toolName, input: {} };
  try {
    return { type: 'tool-input-available', toolCallId, toolName, input: JSON.parse(argumentsText) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { type: 'tool-input-error', toolCallId, toolName, input: argumentsText, errorText: `The arguments of tool call "${toolName}" are not valid JSON: ${reason}` };
  }
}
