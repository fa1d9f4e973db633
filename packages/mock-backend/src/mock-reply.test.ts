import type { StreamPart } from '@streamkit/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { playMockReply, type MockStreamEndInfo } from './mock-reply.ts';
import { createTimerQueue } from './timer-queue.ts';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

const parts: StreamPart[] = [
  { type: 'start', messageId: 'm' },
  { type: 'text-start', id: 't' },
  { type: 'text-delta', id: 't', delta: 'a' },
  { type: 'text-delta', id: 't', delta: 'b' },
  { type: 'text-end', id: 't' },
  { type: 'finish', reason: 'stop' },
];
const timing = { ttftMs: 200, tokensPerSecond: 10 };

/** Reads the reply, noting the fake time at which each part arrived. */
async function collect(reply: AsyncIterable<StreamPart>): Promise<[string, number][]> {
  const start = performance.now();
  const seen: [string, number][] = [];
  for await (const part of reply) seen.push([part.type, performance.now() - start]);
  return seen;
}

describe('playMockReply', () => {
  it('plays the parts in model time: ttftMs before text starts, then one delta per interval', async () => {
    const onEnd = vi.fn();
    const seen = collect(playMockReply(parts, timing, createTimerQueue(), new AbortController().signal, onEnd));
    await vi.advanceTimersByTimeAsync(1000);
    expect(await seen).toEqual([
      ['start', 0],
      ['text-start', 200],
      ['text-delta', 200],
      ['text-delta', 300],
      ['text-end', 300],
      ['finish', 300],
    ]);
    expect(onEnd).toHaveBeenCalledExactlyOnceWith({ reason: 'finished' });
  });

  it('waits for each pause before its part', async () => {
    const reply = playMockReply(parts, { ...timing, pauses: [{ beforePart: 4, ms: 500 }] }, createTimerQueue(), new AbortController().signal);
    const seen = collect(reply);
    await vi.advanceTimersByTimeAsync(2000);
    expect((await seen).find(([type]) => type === 'text-end')).toEqual(['text-end', 800]);
  });

  it('rejects the pending part with the abort reason and reports cancelled once, at once', async () => {
    const abort = new AbortController();
    const ends: MockStreamEndInfo[] = [];
    const reply = playMockReply(parts, timing, createTimerQueue(), abort.signal, (info) => ends.push(info));
    await reply.next();
    const pending = reply.next();
    abort.abort(new Error('client left'));
    await expect(pending).rejects.toThrow('client left');
    expect(ends).toEqual([{ reason: 'cancelled' }]);
    expect(await reply.next()).toEqual({ done: true, value: undefined });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ends the pending part with done on return(), reporting cancelled', async () => {
    const onEnd = vi.fn();
    const reply = playMockReply(parts, timing, createTimerQueue(), new AbortController().signal, onEnd);
    await reply.next();
    const pending = reply.next();
    await reply.return!();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(onEnd).toHaveBeenCalledExactlyOnceWith({ reason: 'cancelled' });
  });

  it('reports nothing for a reply that never began playing', async () => {
    const onEnd = vi.fn();
    const reply = playMockReply(parts, timing, createTimerQueue(), new AbortController().signal, onEnd);
    await reply.return!();
    expect(onEnd).not.toHaveBeenCalled();
  });

  it('with an already aborted signal, plays up to the first wait and then rejects', async () => {
    const onEnd = vi.fn();
    const reply = playMockReply(parts, timing, createTimerQueue(), AbortSignal.abort(new Error('gone')), onEnd);
    expect((await reply.next()).value).toMatchObject({ type: 'start' });
    await expect(reply.next()).rejects.toThrow('gone');
    expect(onEnd).toHaveBeenCalledExactlyOnceWith({ reason: 'cancelled' });
  });
});
