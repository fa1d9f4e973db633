import { applyStreamPart, createAssistantMessage, createSSEParser, type StreamPart, type UIMessage } from '@streamkit/core';
import { formatSSEFrame } from '../sse-frame.ts';
import type { Encoder } from './types.ts';

/** Test-only helpers for the OpenAI encoders: encode → SSE text → parse → decode → fold. */

/** The slice of a decoder the round trip needs (core's `StreamDecoder`). */
export interface PartDecoder {
  decode(event: { event: string; data: string; id: string }): StreamPart[];
  end(): StreamPart[];
}

/** Encodes parts and frames them exactly as `createSSEResponse` would, `id:` lines included. */
export function encodeToSSE(encoder: Encoder, parts: StreamPart[]): string {
  const messages = [...parts.flatMap((part) => encoder.encode(part)), ...encoder.end()];
  return messages.map((message, index) => formatSSEFrame(message, index)).join('');
}

export function decodeSSE(text: string, decoder: PartDecoder): StreamPart[] {
  const parts: StreamPart[] = [];
  const parser = createSSEParser({ onEvent: (event) => parts.push(...decoder.decode(event)) });
  parser.feed(text);
  parser.end();
  return [...parts, ...decoder.end()];
}

export function fold(parts: StreamPart[]): UIMessage {
  return parts.reduce(applyStreamPart, createAssistantMessage('m'));
}

/** Text, reasoning and tool calls without the part ids each side makes up, nor the raw input text. */
export function comparable(message: UIMessage): unknown[] {
  return message.parts.flatMap((part): unknown[] => {
    if (part.type === 'text' || part.type === 'reasoning') return [{ type: part.type, text: part.text, state: part.state }];
    if (part.type === 'tool-call') return [{ type: 'tool-call', toolCallId: part.toolCallId, toolName: part.toolName, state: part.state, input: part.input }];
    return [];
  });
}

const usage = { inputTokens: 12, outputTokens: 30, reasoningTokens: 8, cachedInputTokens: 4, totalTokens: 42 };

/** Representative replies, each as our server would produce it. */
export const sequences: Record<string, StreamPart[]> = {
  text: [
    { type: 'start', messageId: 'msg-text' },
    { type: 'text-start', id: 't' },
    { type: 'text-delta', id: 't', delta: 'Hello, ' },
    { type: 'text-delta', id: 't', delta: 'wörld 👋\nsecond line "quoted"' },
    { type: 'text-end', id: 't' },
    { type: 'finish', reason: 'stop' },
  ],
  'reasoning then text': [
    { type: 'start', messageId: 'msg-reasoning' },
    { type: 'reasoning-start', id: 'r' },
    { type: 'reasoning-delta', id: 'r', delta: 'The user wants ' },
    { type: 'reasoning-delta', id: 'r', delta: 'a number.' },
    { type: 'reasoning-end', id: 'r' },
    { type: 'text-start', id: 't' },
    { type: 'text-delta', id: 't', delta: '42' },
    { type: 'text-end', id: 't' },
    { type: 'finish', reason: 'stop' },
  ],
  'parallel tool calls': [
    { type: 'start', messageId: 'msg-tools' },
    { type: 'text-start', id: 't' },
    { type: 'text-delta', id: 't', delta: 'Checking both.' },
    { type: 'text-end', id: 't' },
    { type: 'tool-input-start', toolCallId: 'call_a', toolName: 'weather' },
    { type: 'tool-input-delta', toolCallId: 'call_a', delta: '{"city":' },
    { type: 'tool-input-delta', toolCallId: 'call_a', delta: '"Oslo"}' },
    { type: 'tool-input-start', toolCallId: 'call_b', toolName: 'time' },
    { type: 'tool-input-delta', toolCallId: 'call_b', delta: '{"zone":"CET"}' },
    { type: 'tool-input-available', toolCallId: 'call_a', toolName: 'weather', input: { city: 'Oslo' } },
    { type: 'tool-input-available', toolCallId: 'call_b', toolName: 'time', input: { zone: 'CET' } },
    { type: 'tool-input-available', toolCallId: 'call_c', toolName: 'now', input: {} },
    { type: 'finish', reason: 'tool-calls' },
  ],
  error: [
    { type: 'start', messageId: 'msg-error' },
    { type: 'text-start', id: 't' },
    { type: 'text-delta', id: 't', delta: 'Partial answer' },
    { type: 'error', errorText: 'The model is overloaded.' },
    { type: 'finish', reason: 'error' },
  ],
  usage: [
    { type: 'start', messageId: 'msg-usage' },
    { type: 'text-start', id: 't' },
    { type: 'text-delta', id: 't', delta: 'Counted.' },
    { type: 'text-end', id: 't' },
    { type: 'usage', usage },
    { type: 'finish', reason: 'length', usage },
  ],
};

/** Parts neither OpenAI format can carry; encoding them must write nothing. */
export const inexpressible: StreamPart[] = [
  { type: 'data', name: 'weather', data: { temp: 4 } },
  { type: 'metadata', metadata: { latencyMs: 3 } },
  { type: 'step-start' },
  { type: 'step-finish' },
  { type: 'tool-approval-request', toolCallId: 'call_a', approvalId: 'ap_1' },
  { type: 'tool-output-available', toolCallId: 'call_a', output: { temp: 4 } },
  { type: 'tool-output-error', toolCallId: 'call_a', errorText: 'Timeout' },
  { type: 'tool-output-denied', toolCallId: 'call_a' },
  { type: 'file', url: 'https://example.com/a.png', mediaType: 'image/png' },
  { type: 'abort' },
];
