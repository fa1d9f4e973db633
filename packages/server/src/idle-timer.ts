/** See `startIdleTimer`. */
export interface IdleTimer {
  /** Marks activity: the next `onIdle` comes `ms` after the last touch. */
  touch(): void;
  stop(): void;
}

/**
 * Calls `onIdle` once nothing touched the timer for `ms`, and again after each further `ms` of
 * silence (counted from the call, whatever `onIdle` did); `ms <= 0` never calls it. A touch only
 * notes the time: clearing and setting a timer on every event costs more than the event itself
 * once thousands of streams are open. The one timer looks at the time when it fires and sleeps
 * for whatever is left of the interval.
 */
export function startIdleTimer(ms: number, onIdle: () => void): IdleTimer {
  if (ms <= 0) return { touch() {}, stop() {} };
  let lastActive = performance.now();
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (wait: number) => {
    // Whole milliseconds: Node keeps one timer list per distinct duration.
    timer = setTimeout(check, Math.max(1, Math.ceil(wait)));
  };
  const check = () => {
    const idleFor = performance.now() - lastActive;
    if (idleFor < ms) return arm(ms - idleFor);
    onIdle();
    if (stopped) return;
    lastActive = performance.now();
    arm(ms);
  };
  arm(ms);
  return {
    touch() {
      lastActive = performance.now();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
