import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPacer } from './pacer.ts';
import { createTimerQueue } from './timer-queue.ts';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('createPacer', () => {
  it('resolves with the value once the wait is over', async () => {
    const pacer = createPacer<string>(createTimerQueue());
    let value: string | undefined;
    void pacer.wait(100, 'token').then((settled) => (value = settled));
    await vi.advanceTimersByTimeAsync(99);
    expect(value).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(value).toBe('token');
  });

  it('counts a wait from when the previous one was due, so time spent in between does not stretch it', async () => {
    const pacer = createPacer<number>(createTimerQueue());
    void pacer.wait(100, 1);
    // The next wait is asked for 30 ms after the first was due (the token took that long to send).
    await vi.advanceTimersByTimeAsync(130);
    let done = false;
    void pacer.wait(100, 2).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(69);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it('counts from now when asked more than a whole wait after the previous one was due', async () => {
    const pacer = createPacer<number>(createTimerQueue());
    const first = pacer.wait(100, 1);
    await vi.advanceTimersByTimeAsync(100);
    await first;
    await vi.advanceTimersByTimeAsync(500);
    let done = false;
    void pacer.wait(100, 2).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(99);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it('rejects the pending wait on cancel and leaves no timer', async () => {
    const pacer = createPacer<number>(createTimerQueue());
    const wait = pacer.wait(10_000, 1);
    pacer.cancel(new Error('client left'));
    await expect(wait).rejects.toThrow('client left');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('resolves the pending wait at once with the value given to release', async () => {
    const pacer = createPacer<string>(createTimerQueue());
    const wait = pacer.wait(10_000, 'token');
    pacer.release('stopped');
    await expect(wait).resolves.toBe('stopped');
    expect(vi.getTimerCount()).toBe(0);
  });
});
