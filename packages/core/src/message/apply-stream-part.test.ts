import { describe, expect, it } from 'vitest';
import type { StreamPart } from '../stream-part.ts';
import { applyStreamPart, createAssistantMessage } from './apply-stream-part.ts';
import type { UIMessage } from './types.ts';

const fold = (parts: StreamPart[], start: UIMessage = createAssistantMessage('m1')): UIMessage =>
  parts.reduce(applyStreamPart, start);

describe('applyStreamPart', () => {
  it('builds a text part from start, deltas and end', () => {
    const message = fold([
      { type: 'text-start', id: 't1' },
      { type: 'text-delta', id: 't1', delta: 'Hello, ' },
      { type: 'text-delta', id: 't1', delta: 'world' },
      { type: 'text-end', id: 't1' },
    ]);
    expect(message.parts).toEqual([{ type: 'text', id: 't1', text: 'Hello, world', state: 'done' }]);
  });

  it('keeps the part streaming until its end arrives', () => {
    const message = fold([
      { type: 'text-start', id: 't1' },
      { type: 'text-delta', id: 't1', delta: 'Hi' },
    ]);
    expect(message.parts[0]).toMatchObject({ state: 'streaming', text: 'Hi' });
  });

  it('does not mutate its input and shares unchanged parts', () => {
    const before = fold([
      { type: 'reasoning-start', id: 'r1' },
      { type: 'reasoning-delta', id: 'r1', delta: 'thinking' },
      { type: 'reasoning-end', id: 'r1' },
      { type: 'text-start', id: 't1' },
    ]);
    const frozen = structuredClone(before);
    const after = applyStreamPart(before, { type: 'text-delta', id: 't1', delta: 'x' });
    expect(before).toEqual(frozen);
    expect(after).not.toBe(before);
    expect(after.parts[0]).toBe(before.parts[0]);
  });

  it('returns the same message when a part changes nothing', () => {
    const message = fold([{ type: 'text-start', id: 't1' }]);
    expect(applyStreamPart(message, { type: 'usage', usage: { outputTokens: 3 } })).toBe(message);
    expect(applyStreamPart(message, { type: 'text-delta', id: 't1', delta: '' })).toBe(message);
    expect(applyStreamPart(message, { type: 'step-finish' })).toBe(message);
  });

  it('routes interleaved deltas to their own parts by id', () => {
    const message = fold([
      { type: 'reasoning-start', id: 'a' },
      { type: 'text-start', id: 'b' },
      { type: 'reasoning-delta', id: 'a', delta: 'why' },
      { type: 'text-delta', id: 'b', delta: 'what' },
    ]);
    expect(message.parts.map((part) => ('text' in part ? part.text : ''))).toEqual(['why', 'what']);
  });

  it('opens a text part for a delta that arrives without its start', () => {
    const message = fold([{ type: 'text-delta', id: 'lost', delta: 'kept' }]);
    expect(message.parts).toEqual([{ type: 'text', id: 'lost', text: 'kept', state: 'streaming' }]);
  });

  it('settles streaming parts on finish and on abort', () => {
    const open = fold([{ type: 'text-start', id: 't1' }, { type: 'text-delta', id: 't1', delta: 'partial' }]);
    expect(applyStreamPart(open, { type: 'abort' }).parts[0]).toMatchObject({ state: 'done', text: 'partial' });
    expect(applyStreamPart(open, { type: 'finish', reason: 'stop' }).parts[0]).toMatchObject({ state: 'done' });
  });

  it('takes the server message id from start', () => {
    expect(fold([{ type: 'start', messageId: 'server-id' }]).id).toBe('server-id');
  });

  it('marks redacted reasoning', () => {
    const message = fold([{ type: 'reasoning-start', id: 'r' }, { type: 'reasoning-end', id: 'r', redacted: true }]);
    expect(message.parts[0]).toEqual({ type: 'reasoning', id: 'r', text: '', state: 'done', redacted: true });
  });

  it('follows a tool call from streaming input to output', () => {
    const message = fold([
      { type: 'tool-input-start', toolCallId: 'c1', toolName: 'weather' },
      { type: 'tool-input-delta', toolCallId: 'c1', delta: '{"city":' },
      { type: 'tool-input-delta', toolCallId: 'c1', delta: '"Oslo"}' },
      { type: 'tool-input-available', toolCallId: 'c1', toolName: 'weather', input: { city: 'Oslo' } },
      { type: 'tool-output-available', toolCallId: 'c1', output: { celsius: 4 } },
    ]);
    expect(message.parts).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'c1',
        toolName: 'weather',
        state: 'output-available',
        inputText: '{"city":"Oslo"}',
        input: { city: 'Oslo' },
        output: { celsius: 4 },
      },
    ]);
  });

  it('replaces a data part with the same name and id, and never stores transient data', () => {
    const message = fold([
      { type: 'data', name: 'progress', id: 'p', data: 1 },
      { type: 'data', name: 'progress', id: 'p', data: 2 },
      { type: 'data', name: 'toast', data: 'hi', transient: true },
    ]);
    expect(message.parts).toEqual([{ type: 'data', name: 'progress', id: 'p', data: 2 }]);
  });

  it('adds sources and step boundaries in order', () => {
    const message = fold([
      { type: 'step-start' },
      { type: 'source', sourceType: 'url', id: 's1', url: 'https://example.com', title: 'Example' },
    ]);
    expect(message.parts).toEqual([
      { type: 'step-start' },
      { type: 'source', sourceType: 'url', id: 's1', url: 'https://example.com', title: 'Example' },
    ]);
  });

  it('merges metadata', () => {
    const message = fold([
      { type: 'start', metadata: { model: 'm' } },
      { type: 'metadata', metadata: { tokens: 3 } },
    ]);
    expect(message.metadata).toEqual({ model: 'm', tokens: 3 });
  });
});
