import { describe, expect, it } from 'vitest';
import type { SSEEvent } from '../sse/types.ts';
import { createDecoder } from './create-decoder.ts';

const event = (data: unknown, id = ''): SSEEvent => ({ event: 'message', data: typeof data === 'string' ? data : JSON.stringify(data), id });

describe('ui-message-stream decoder', () => {
  it('decodes the text lifecycle', () => {
    const decoder = createDecoder('ui-message-stream');
    const parts = [
      { type: 'start', messageId: 'msg-1' },
      { type: 'start-step' },
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'Hi' },
      { type: 'text-end', id: 't' },
      { type: 'finish-step' },
      { type: 'finish', finishReason: 'stop' },
    ].flatMap((chunk) => decoder.decode(event(chunk)));
    expect(parts).toEqual([
      { type: 'start', messageId: 'msg-1' },
      { type: 'step-start' },
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'Hi' },
      { type: 'text-end', id: 't' },
      { type: 'step-finish' },
      { type: 'finish', reason: 'stop' },
    ]);
  });

  it('treats [DONE] as the end marker, not as data', () => {
    expect(createDecoder('ui-message-stream').decode(event('[DONE]'))).toEqual([]);
  });

  it('defaults a finish without a reason to stop', () => {
    expect(createDecoder('ui-message-stream').decode(event({ type: 'finish' }))).toEqual([{ type: 'finish', reason: 'stop' }]);
  });

  it('passes an error chunk on as an error part', () => {
    expect(createDecoder('ui-message-stream').decode(event({ type: 'error', errorText: 'rate limited' }))).toEqual([
      { type: 'error', errorText: 'rate limited' },
    ]);
  });

  it('skips unknown chunk types instead of failing', () => {
    expect(createDecoder('ui-message-stream').decode(event({ type: 'pong' }))).toEqual([]);
  });

  it('turns malformed JSON into an error part naming the event', () => {
    const [part] = createDecoder('ui-message-stream').decode(event('{"type":"text-delta",', '17'));
    expect(part).toMatchObject({ type: 'error' });
    expect(part?.type === 'error' && part.errorText).toContain('event 17');
  });

  it('decodes data parts by name, keeping id and transient', () => {
    expect(createDecoder('ui-message-stream').decode(event({ type: 'data-weather', id: 'w', data: { c: 3 }, transient: true }))).toEqual([
      { type: 'data', name: 'weather', id: 'w', data: { c: 3 }, transient: true },
    ]);
  });

  it('decodes tool input deltas from inputTextDelta', () => {
    expect(createDecoder('ui-message-stream').decode(event({ type: 'tool-input-delta', toolCallId: 'c', inputTextDelta: '{"a"' }))).toEqual([
      { type: 'tool-input-delta', toolCallId: 'c', delta: '{"a"' },
    ]);
  });

  it('rejects an unknown format with the list of known ones', () => {
    expect(() => createDecoder('nope' as 'ui-message-stream')).toThrow(/ui-message-stream/);
  });
});
