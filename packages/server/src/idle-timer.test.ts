import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startIdleTimer } from './idle-timer.ts';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('startIdleTimer', () => {
  it('calls onIdle after ms without a touch, then after every further ms of silence', async () => {
    const onIdle = vi.fn();
    startIdleTimer(1000, onIdle);
    await vi.advanceTimersByTimeAsync(999);
    expect(onIdle).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(onIdle).toHaveBeenCalledTimes(2);
  });

  it('counts the silence from the last touch', async () => {
    const onIdle = vi.fn();
    const timer = startIdleTimer(1000, onIdle);
    await vi.advanceTimersByTimeAsync(600);
    timer.touch();
    await vi.advanceTimersByTimeAsync(999);
    expect(onIdle).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('sets no timer per touch: one timer whatever the number of touches', async () => {
    const timer = startIdleTimer(1000, () => {});
    for (let i = 0; i < 100; i++) {
      timer.touch();
      await vi.advanceTimersByTimeAsync(5);
    }
    expect(vi.getTimerCount()).toBe(1);
  });

  it('stops: no more calls and no timer left', async () => {
    const onIdle = vi.fn();
    startIdleTimer(1000, onIdle).stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(onIdle).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('never calls onIdle and sets no timer when ms is 0', () => {
    startIdleTimer(0, () => {});
    expect(vi.getTimerCount()).toBe(0);
  });
});
