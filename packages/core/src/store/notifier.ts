/** Runs `flush` later; returns a function that cancels the pending run. */
export type NotifyScheduler = (flush: () => void) => () => void;

/** Calls the flush at once: for tests and for server-side use. */
export const syncScheduler: NotifyScheduler = (flush) => {
  flush();
  return () => {};
};

/**
 * One flush per animation frame in a visible browser page; elsewhere (Node, hidden tabs, where
 * frames do not come) a zero-delay timer, which still batches every token that arrives in one
 * turn of the event loop.
 */
export const frameScheduler: NotifyScheduler = (flush) => {
  const visible = typeof document !== 'undefined' && document.visibilityState !== 'hidden';
  if (visible && typeof requestAnimationFrame === 'function') {
    const handle = requestAnimationFrame(flush);
    return () => cancelAnimationFrame(handle);
  }
  const handle = setTimeout(flush, 0);
  return () => clearTimeout(handle);
};

export interface Notifier {
  subscribe(listener: () => void): () => void;
  /** Asks for a notification; many calls before the flush make one notification. */
  schedule(): void;
  /** Notifies now if a notification is pending. */
  flush(): void;
}

export function createNotifier(scheduler: NotifyScheduler, beforeNotify: () => void): Notifier {
  const listeners = new Set<() => void>();
  let cancelPending: (() => void) | undefined;
  let pending = false;

  function flush(): void {
    cancelPending?.();
    cancelPending = undefined;
    if (!pending) return;
    pending = false;
    beforeNotify();
    for (const listener of [...listeners]) listener();
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    schedule() {
      if (pending) return;
      pending = true;
      let ranSynchronously = false;
      const cancel = scheduler(() => {
        ranSynchronously = true;
        flush();
      });
      if (!ranSynchronously) cancelPending = cancel;
    },
    flush,
  };
}
