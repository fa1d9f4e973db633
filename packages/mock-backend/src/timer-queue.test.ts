import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTimerQueue, type QueuedTimer } from './timer-queue.ts';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

function recorder(log: string[], name: string): QueuedTimer {
  return { run: () => log.push(name), due: 0, slot: -1 };
}

describe('createTimerQueue', () => {
  it('runs each timer once its time has come, in order of time', async () => {
    const queue = createTimerQueue();
    const log: string[] = [];
    const now = performance.now();
    queue.schedule(recorder(log, 'c'), now + 30);
    queue.schedule(recorder(log, 'a'), now + 10);
    queue.schedule(recorder(log, 'b'), now + 20);
    await vi.advanceTimersByTimeAsync(9);
    expect(log).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(20);
    expect(log).toEqual(['a', 'b', 'c']);
    expect(queue.size).toBe(0);
  });

  it('keeps one setTimeout for any number of timers', () => {
    const queue = createTimerQueue();
    const now = performance.now();
    for (let i = 0; i < 1000; i++) queue.schedule(recorder([], String(i)), now + 1 + (i % 100));
    expect(queue.size).toBe(1000);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('runs the timers due at the same time together', async () => {
    const queue = createTimerQueue();
    const log: string[] = [];
    const now = performance.now();
    for (const name of ['a', 'b', 'c']) queue.schedule(recorder(log, name), now + 5);
    await vi.advanceTimersByTimeAsync(5);
    expect(log.sort()).toEqual(['a', 'b', 'c']);
  });

  it('cancels a timer, and clears its setTimeout once none is left', async () => {
    const queue = createTimerQueue();
    const log: string[] = [];
    const now = performance.now();
    const first = recorder(log, 'first');
    const second = recorder(log, 'second');
    queue.schedule(first, now + 10);
    queue.schedule(second, now + 20);
    queue.cancel(first);
    await vi.advanceTimersByTimeAsync(20);
    expect(log).toEqual(['second']);
    queue.schedule(first, performance.now() + 10);
    queue.cancel(first);
    queue.cancel(first);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('moves a timer scheduled again before it ran', async () => {
    const queue = createTimerQueue();
    const log: string[] = [];
    const timer = recorder(log, 'moved');
    queue.schedule(timer, performance.now() + 10);
    queue.schedule(timer, performance.now() + 50);
    expect(queue.size).toBe(1);
    await vi.advanceTimersByTimeAsync(49);
    expect(log).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toEqual(['moved']);
  });

  it('keeps the order when many timers are added and cancelled at random', async () => {
    const queue = createTimerQueue();
    const ran: number[] = [];
    const now = performance.now();
    const timers = Array.from({ length: 200 }, (_, i) => ({ run: () => ran.push(timers[i]!.due), due: 0, slot: -1 }));
    timers.forEach((timer, i) => queue.schedule(timer, now + 1 + ((i * 37) % 101)));
    const cancelled = new Set(timers.filter((_, i) => i % 3 === 0));
    for (const timer of cancelled) queue.cancel(timer);
    await vi.advanceTimersByTimeAsync(200);
    expect(ran).toHaveLength(200 - cancelled.size);
    expect(ran).toEqual([...ran].sort((a, b) => a - b));
  });
});
