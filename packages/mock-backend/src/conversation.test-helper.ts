/**
 * Test helpers that talk to the mock as the real client does: replies folded into a UIMessage by the
 * client's decoder and reducer, tool outcomes recorded on it, and the conversation sent back through
 * `toRequestMessages` (the AI SDK's `tool-${name}` parts).
 */
import {
  applyStreamPart,
  createAssistantMessage,
  createDecoder,
  toRequestMessages,
  type ToolCallPart,
  type UIMessage,
  type WireFormat,
} from '@streamkit/core';
import type { ReceivedEvent } from './sse-client.test-helper.ts';

export type Chunk = { type: string } & Record<string, unknown>;

export function userMessage(text: string, id = 'u1'): UIMessage {
  return { id, role: 'user', parts: [{ type: 'text', text, state: 'done' }], metadata: {} };
}

/** The ui-message-stream chunks of the events, `[DONE]` left out. */
export function chunks(events: ReceivedEvent[]): Chunk[] {
  return events.filter((event) => event.data !== '[DONE]').map((event) => JSON.parse(event.data) as Chunk);
}

/** Chunk types with each run of one delta type written once: the shape of a reply, whatever its length. */
export function shape(events: ReceivedEvent[]): string[] {
  return chunks(events)
    .map((chunk) => chunk.type)
    .filter((type, index, types) => !(type.endsWith('-delta') && types[index - 1] === type));
}

/** The reply as the client's reducer builds it from the events. */
export function foldReply(events: ReceivedEvent[], format: WireFormat = 'ui-message-stream'): UIMessage {
  const decoder = createDecoder(format);
  const parts = [
    ...events.flatMap((event) => decoder.decode({ event: event.event ?? 'message', data: event.data, id: event.id ?? '' })),
    ...decoder.end(),
  ];
  return parts.reduce(applyStreamPart, createAssistantMessage('unnamed'));
}

export function toolCalls(message: UIMessage): ToolCallPart[] {
  return message.parts.filter((part): part is ToolCallPart => part.type === 'tool-call');
}

export function textOf(message: UIMessage): string {
  return message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

/** Records an outcome on a tool call, as the chat store does after running (or denying) the tool. */
export function settle(message: UIMessage, toolCallId: string, patch: Partial<ToolCallPart>): UIMessage {
  return {
    ...message,
    parts: message.parts.map((part) => (part.type === 'tool-call' && part.toolCallId === toolCallId ? { ...part, ...patch } : part)),
  };
}

export interface PostOptions {
  chatId?: string;
  /** Appended to the URL, e.g. `'?pause=300'`. */
  query?: string;
  headers?: Record<string, string>;
}

/** POSTs the conversation to `${base}/api/chat` in the body the client's transport sends. */
export function postConversation(base: string, messages: UIMessage[], options: PostOptions = {}): Promise<Response> {
  const body = { ...(options.chatId === undefined ? {} : { id: options.chatId }), messages: toRequestMessages(messages), trigger: 'submit-message' };
  return fetch(`${base}/api/chat${options.query ?? ''}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: JSON.stringify(body),
  });
}

/** POSTs `{ id, input }` to `${base}/api/object`, as `createObjectStore` does. */
export function postObject(base: string, body: unknown, options: Omit<PostOptions, 'chatId'> = {}): Promise<Response> {
  return fetch(`${base}/api/object${options.query ?? ''}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: JSON.stringify(body),
  });
}
