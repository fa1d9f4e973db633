import type { QueuedTimer, TimerQueue } from './timer-queue.ts';

/** Waits of one reply on a shared `TimerQueue`; see `createPacer`. */
export interface Pacer<T> {
  /** Resolves with `value` `ms` after the previous wait was due. One wait at a time. */
  wait(ms: number, value: T): Promise<T>;
  /** Ends the pending wait, if any, at once: resolved with `value`. */
  release(value: T): void;
  /** Ends the pending wait, if any, at once: rejected with `reason`. */
  cancel(reason: unknown): void;
}

/**
 * Each wait counts from when the previous one was due, not from when it was asked for, so the time
 * spent delivering a token does not stretch the next interval and a loaded server keeps the token
 * rate. A wait asked for more than its own length after the previous one was due (its reader
 * stopped pulling for a while) counts from now instead, so a reply never catches up in a burst.
 * A reply waits once per token with thousands of replies open, so a wait allocates only its
 * promise: the pacer is its own queued timer.
 */
export function createPacer<T>(timers: TimerQueue): Pacer<T> {
  let lastDue = -Infinity;
  let waitingFor: T | undefined;
  let resolve: ((value: T) => void) | undefined;
  let reject: ((reason: unknown) => void) | undefined;
  const capture = (onResolve: (value: T) => void, onReject: (reason: unknown) => void) => {
    resolve = onResolve;
    reject = onReject;
  };
  const settle = (outcome: { value: T } | { reason: unknown }) => {
    const [onResolve, onReject] = [resolve, reject];
    resolve = reject = waitingFor = undefined;
    timers.cancel(timer);
    if ('value' in outcome) onResolve?.(outcome.value);
    else onReject?.(outcome.reason);
  };
  const timer: QueuedTimer = {
    run: () => {
      const onResolve = resolve;
      const value = waitingFor as T;
      resolve = reject = waitingFor = undefined;
      onResolve?.(value);
    },
    due: 0,
    slot: -1,
  };

  return {
    wait(ms, value) {
      const now = performance.now();
      lastDue = lastDue + ms >= now ? lastDue + ms : now + ms;
      waitingFor = value;
      timers.schedule(timer, lastDue);
      return new Promise<T>(capture);
    },
    release(value) {
      settle({ value });
    },
    cancel(reason) {
      settle({ reason });
    },
  };
}
