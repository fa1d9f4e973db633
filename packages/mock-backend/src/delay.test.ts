import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { delay } from './delay.ts';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('delay', () => {
  it('resolves after the given time', async () => {
    let done = false;
    void delay(100).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(99);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it('resolves at once for 0 ms, without a timer', async () => {
    const wait = delay(0);
    expect(vi.getTimerCount()).toBe(0);
    await expect(wait).resolves.toBeUndefined();
  });

  it('rejects with the abort reason as soon as the signal aborts, and clears its timer', async () => {
    const abort = new AbortController();
    const wait = delay(10_000, abort.signal);
    abort.abort(new Error('client left'));
    await expect(wait).rejects.toThrow('client left');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects at once when the signal is already aborted', async () => {
    await expect(delay(10, AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone');
  });
});
