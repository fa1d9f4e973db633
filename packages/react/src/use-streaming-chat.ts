import { createChatStore, type ChatStore, type ChatStoreOptions, type ChatSnapshot, type UIMessage } from '@streamkit/core';
import { useEffect, useState, useSyncExternalStore } from 'react';

export type UseStreamingChatOptions = ChatStoreOptions;

export interface UseStreamingChatResult extends ChatSnapshot {
  /** Sends a user message; resolves when the reply ends. Stable across renders. */
  send(input: string | UIMessage): Promise<void>;
  /** Aborts the reply in progress, keeping what arrived. Stable across renders. */
  stop(): void;
  /** Drops the last reply and asks again. Stable across renders. */
  regenerate(): Promise<void>;
  setMessages(messages: UIMessage[]): void;
  /** The underlying store, for code outside React. */
  store: ChatStore;
}

/**
 * A chat over a `ChatStore`: the store is created once, the latest options are pushed into it
 * after each render, and the component re-renders at most once per animation frame while a
 * reply streams (the store batches its notifications).
 */
export function useStreamingChat(options: UseStreamingChatOptions = {}): UseStreamingChatResult {
  const [store] = useState(() => createChatStore(options));

  useEffect(() => {
    store.setOptions(options);
  });

  // Stopping on unmount keeps a closed component from holding a connection open.
  useEffect(() => () => store.stop(), [store]);

  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  return {
    ...snapshot,
    send: store.send,
    stop: store.stop,
    regenerate: store.regenerate,
    setMessages: store.setMessages,
    store,
  };
}
