import { useEffect, useState } from 'react';

/**
 * Whole seconds left until `target` (epoch ms), rounded up so that "1" shows until the moment
 * itself, re-rendering as each second passes. `undefined` without a target, 0 once it has passed.
 */
export function useSecondsUntil(target: number | undefined): number | undefined {
  const [clock, setClock] = useState(() => ({ target, now: Date.now() }));
  let now = clock.now;
  if (clock.target !== target) {
    // A new target must not be measured against the time the previous one was last read.
    now = Date.now();
    setClock({ target, now });
  }
  const remainingMs = target === undefined ? 0 : target - now;

  useEffect(() => {
    if (target === undefined || remainingMs <= 0) return;
    // Wake on the countdown's next whole-second boundary rather than every 1000 ms from mount, so
    // the number changes exactly when a second has passed and reaches 0 at `target`.
    const timer = setTimeout(() => setClock({ target, now: Date.now() }), remainingMs % 1000 || 1000);
    return () => clearTimeout(timer);
  }, [target, remainingMs]);

  return target === undefined ? undefined : Math.max(0, Math.ceil(remainingMs / 1000));
}
