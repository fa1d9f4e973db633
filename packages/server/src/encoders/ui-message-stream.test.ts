import type { StreamPart } from '@streamkit/core';
import { describe, expect, it } from 'vitest';
import { createUIMessageStreamEncoder } from './ui-message-stream.ts';

const cases: Array<[StreamPart, Record<string, unknown>]> = [
  [{ type: 'start' }, { type: 'start' }],
  [
    { type: 'start', messageId: 'msg-1', metadata: { model: 'mock' } },
    { type: 'start', messageId: 'msg-1', messageMetadata: { model: 'mock' } },
  ],
  [{ type: 'text-start', id: 't1' }, { type: 'text-start', id: 't1' }],
  [{ type: 'text-delta', id: 't1', delta: 'Hel' }, { type: 'text-delta', id: 't1', delta: 'Hel' }],
  [{ type: 'text-end', id: 't1' }, { type: 'text-end', id: 't1' }],
  [{ type: 'reasoning-start', id: 'r1' }, { type: 'reasoning-start', id: 'r1' }],
  [{ type: 'reasoning-delta', id: 'r1', delta: 'Hmm' }, { type: 'reasoning-delta', id: 'r1', delta: 'Hmm' }],
  [{ type: 'reasoning-end', id: 'r1' }, { type: 'reasoning-end', id: 'r1' }],
  [{ type: 'reasoning-end', id: 'r1', redacted: true }, { type: 'reasoning-end', id: 'r1', redacted: true }],
  [
    { type: 'tool-input-start', toolCallId: 'c1', toolName: 'weather' },
    { type: 'tool-input-start', toolCallId: 'c1', toolName: 'weather' },
  ],
  [
    { type: 'tool-input-start', toolCallId: 'c1', toolName: 'search', providerExecuted: true },
    { type: 'tool-input-start', toolCallId: 'c1', toolName: 'search', providerExecuted: true },
  ],
  [
    { type: 'tool-input-delta', toolCallId: 'c1', delta: '{"city":' },
    { type: 'tool-input-delta', toolCallId: 'c1', inputTextDelta: '{"city":' },
  ],
  [
    { type: 'tool-input-available', toolCallId: 'c1', toolName: 'weather', input: { city: 'Oslo' } },
    { type: 'tool-input-available', toolCallId: 'c1', toolName: 'weather', input: { city: 'Oslo' } },
  ],
  [
    { type: 'tool-input-error', toolCallId: 'c1', toolName: 'weather', input: '{"city":', errorText: 'Bad JSON' },
    { type: 'tool-input-error', toolCallId: 'c1', toolName: 'weather', input: '{"city":', errorText: 'Bad JSON' },
  ],
  [
    { type: 'tool-approval-request', toolCallId: 'c1', approvalId: 'a1' },
    { type: 'tool-approval-request', toolCallId: 'c1', approvalId: 'a1' },
  ],
  [
    { type: 'tool-output-available', toolCallId: 'c1', output: { temp: 4 } },
    { type: 'tool-output-available', toolCallId: 'c1', output: { temp: 4 } },
  ],
  [
    { type: 'tool-output-available', toolCallId: 'c1', output: 'partial', preliminary: true },
    { type: 'tool-output-available', toolCallId: 'c1', output: 'partial', preliminary: true },
  ],
  [
    { type: 'tool-output-error', toolCallId: 'c1', errorText: 'Timeout' },
    { type: 'tool-output-error', toolCallId: 'c1', errorText: 'Timeout' },
  ],
  [{ type: 'tool-output-denied', toolCallId: 'c1' }, { type: 'tool-output-denied', toolCallId: 'c1' }],
  [
    { type: 'source', sourceType: 'url', id: 's1', url: 'https://example.com', title: 'Example' },
    { type: 'source-url', sourceId: 's1', url: 'https://example.com', title: 'Example' },
  ],
  [
    { type: 'source', sourceType: 'document', id: 's2', mediaType: 'application/pdf', title: 'Report', filename: 'r.pdf' },
    { type: 'source-document', sourceId: 's2', mediaType: 'application/pdf', title: 'Report', filename: 'r.pdf' },
  ],
  [
    { type: 'file', url: 'https://example.com/a.png', mediaType: 'image/png' },
    { type: 'file', url: 'https://example.com/a.png', mediaType: 'image/png' },
  ],
  [{ type: 'data', name: 'weather', data: { temp: 4 } }, { type: 'data-weather', data: { temp: 4 } }],
  [
    { type: 'data', name: 'status', id: 'd1', data: 'busy', transient: true },
    { type: 'data-status', id: 'd1', data: 'busy', transient: true },
  ],
  [{ type: 'step-start' }, { type: 'start-step' }],
  [{ type: 'step-finish' }, { type: 'finish-step' }],
  [{ type: 'metadata', metadata: { latencyMs: 12 } }, { type: 'message-metadata', messageMetadata: { latencyMs: 12 } }],
  [
    { type: 'usage', usage: { inputTokens: 3, outputTokens: 9 } },
    { type: 'message-metadata', messageMetadata: { usage: { inputTokens: 3, outputTokens: 9 } } },
  ],
  [{ type: 'finish', reason: 'stop' }, { type: 'finish', finishReason: 'stop' }],
  [{ type: 'finish', reason: 'unknown' }, { type: 'finish', finishReason: 'other' }],
  [
    { type: 'finish', reason: 'length', usage: { outputTokens: 5 } },
    { type: 'finish', finishReason: 'length', messageMetadata: { usage: { outputTokens: 5 } } },
  ],
  [{ type: 'abort' }, { type: 'abort' }],
  [{ type: 'error', errorText: 'Rate limited' }, { type: 'error', errorText: 'Rate limited' }],
];

function encodeOne(part: StreamPart): unknown {
  const messages = createUIMessageStreamEncoder().encode(part);
  expect(messages).toHaveLength(1);
  expect(messages[0]?.event).toBeUndefined();
  return JSON.parse(messages[0]?.data ?? '');
}

describe('ui-message-stream encoder', () => {
  it.each(cases)('encodes %j as its protocol chunk', (part, expected) => {
    expect(encodeOne(part)).toEqual(expected);
  });

  it('ends the stream with data: [DONE]', () => {
    expect(createUIMessageStreamEncoder().end()).toEqual([{ data: '[DONE]' }]);
  });
});
