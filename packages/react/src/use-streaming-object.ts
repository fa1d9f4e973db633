import { createObjectStore, type ObjectSnapshot, type ObjectStore, type ObjectStoreOptions } from '@streamkit/core';
import { useEffect, useState, useSyncExternalStore } from 'react';

export type UseStreamingObjectOptions<T> = ObjectStoreOptions<T>;

export interface UseStreamingObjectResult<T> extends ObjectSnapshot<T> {
  /** Starts streaming a new object from `input`; resolves when it ends. Stable across renders. */
  submit(input: unknown): Promise<void>;
  /** Aborts the stream; the object keeps what arrived. Stable across renders. */
  stop(): void;
  /** Whether the value at a path (`'days.0.title'` or `['days', 0, 'title']`) is complete. Stable across renders. */
  isComplete: ObjectStore<T>['isComplete'];
  store: ObjectStore<T>;
}

/** A streaming structured object over an `ObjectStore`, re-rendering at most once per animation frame. */
export function useStreamingObject<T = unknown>(options: UseStreamingObjectOptions<T>): UseStreamingObjectResult<T> {
  const [store] = useState(() => createObjectStore<T>(options));

  useEffect(() => {
    store.setOptions(options);
  });

  useEffect(() => () => store.stop(), [store]);

  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  return { ...snapshot, submit: store.submit, stop: store.stop, isComplete: store.isComplete, store };
}
