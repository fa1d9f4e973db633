import type { StreamPart } from '@streamkit/core';
import { parseJsonEventStream, readUIMessageStream, uiMessageChunkSchema, type UIMessageChunk } from 'ai';
import { describe, expect, it } from 'vitest';
import { createSSEResponse } from '../sse-response.ts';

// Reads our responses with the AI SDK's own parser and schema, so wire compatibility is checked by
// the other side of the protocol rather than by our reading of it.

/** One part of every type, with the optional fields that change the chunk's shape. */
const everyPart: StreamPart[] = [
  { type: 'start', messageId: 'msg-1', metadata: { model: 'mock' } },
  { type: 'step-start' },
  { type: 'reasoning-start', id: 'r1' },
  { type: 'reasoning-delta', id: 'r1', delta: 'Hmm' },
  { type: 'reasoning-end', id: 'r1', redacted: true },
  { type: 'text-start', id: 't1' },
  { type: 'text-delta', id: 't1', delta: 'Hello' },
  { type: 'text-end', id: 't1' },
  { type: 'tool-input-start', toolCallId: 'c1', toolName: 'weather', providerExecuted: false },
  { type: 'tool-input-delta', toolCallId: 'c1', delta: '{"city":"Oslo"}' },
  { type: 'tool-input-available', toolCallId: 'c1', toolName: 'weather', input: { city: 'Oslo' } },
  { type: 'tool-approval-request', toolCallId: 'c1', approvalId: 'a1' },
  { type: 'tool-output-available', toolCallId: 'c1', output: { temp: 4 }, preliminary: true },
  { type: 'tool-output-error', toolCallId: 'c1', errorText: 'Timeout' },
  { type: 'tool-output-denied', toolCallId: 'c1' },
  { type: 'tool-input-error', toolCallId: 'c2', toolName: 'weather', input: '{"ci', errorText: 'Bad JSON' },
  { type: 'source', sourceType: 'url', id: 's1', url: 'https://example.com', title: 'Example' },
  { type: 'source', sourceType: 'url', id: 's2', url: 'https://example.com/b' },
  { type: 'source', sourceType: 'document', id: 's3', mediaType: 'application/pdf', title: 'Report', filename: 'r.pdf' },
  { type: 'source', sourceType: 'document', id: 's4' },
  { type: 'file', url: 'https://example.com/a.png', mediaType: 'image/png' },
  { type: 'data', name: 'weather', id: 'd1', data: { temp: 4 }, transient: true },
  { type: 'metadata', metadata: { latencyMs: 12 } },
  { type: 'usage', usage: { inputTokens: 3, outputTokens: 9 } },
  { type: 'step-finish' },
  { type: 'error', errorText: 'Rate limited' },
  { type: 'abort' },
  { type: 'finish', reason: 'unknown', usage: { outputTokens: 5 } },
];

async function* fromArray(parts: StreamPart[]): AsyncGenerator<StreamPart> {
  yield* parts;
}

describe('ui-message-stream and the AI SDK', () => {
  it('writes chunks that the AI SDK chunk schema accepts, for every part type', async () => {
    const response = createSSEResponse(fromArray(everyPart));
    const results = parseJsonEventStream({ stream: response.body!, schema: uiMessageChunkSchema });
    const reader = results.getReader();
    let count = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      expect(value.success, JSON.stringify(value)).toBe(true);
      count++;
    }
    expect(count).toBe(everyPart.length);
  });

  it('is read by the AI SDK into an assistant message with the streamed text', async () => {
    const response = createSSEResponse(
      fromArray([
        { type: 'start', messageId: 'msg-1' },
        { type: 'step-start' },
        { type: 'text-start', id: 't1' },
        { type: 'text-delta', id: 't1', delta: 'Hello, ' },
        { type: 'text-delta', id: 't1', delta: 'world.' },
        { type: 'text-end', id: 't1' },
        { type: 'step-finish' },
        { type: 'finish', reason: 'stop' },
      ]),
    );
    const chunks = parseJsonEventStream({ stream: response.body!, schema: uiMessageChunkSchema }).pipeThrough(
      new TransformStream<{ success: boolean; value?: UIMessageChunk }, UIMessageChunk>({
        transform(result, controller) {
          if (result.success && result.value) controller.enqueue(result.value);
        },
      }),
    );
    let last;
    for await (const message of readUIMessageStream({ stream: chunks })) last = message;
    expect(last?.id).toBe('msg-1');
    expect(last?.parts).toContainEqual(expect.objectContaining({ type: 'text', text: 'Hello, world.' }));
  });
});
