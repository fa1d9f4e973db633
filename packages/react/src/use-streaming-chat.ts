import { createChatStore, type ChatStore, type ChatStoreOptions, type ChatSnapshot, type ChatTool, type ToolCallPart, type UIMessage } from '@streamkit/core';
import { useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';

/** A client-side tool, optionally with its own rendering (a weather card, say) in place of the generic card. */
export interface ReactChatTool<Input = never, Output = unknown> extends ChatTool<Input, Output> {
  render?: (props: { part: ToolCallPart; onApprove?: (toolCallId: string) => void; onDeny?: (toolCallId: string) => void }) => ReactNode;
}

export interface UseStreamingChatOptions extends Omit<ChatStoreOptions, 'tools'> {
  tools?: Record<string, ReactChatTool<never, unknown>>;
}

export interface UseStreamingChatResult extends ChatSnapshot {
  /** Sends a user message; resolves when the reply ends. Stable across renders. */
  send(input: string | UIMessage): Promise<void>;
  /** Aborts the reply in progress, keeping what arrived. Stable across renders. */
  stop(): void;
  /** Drops the last reply and asks again. Stable across renders. */
  regenerate(): Promise<void>;
  /** Reattaches to a reply the server is still generating (after a reload). Stable across renders. */
  resume(): Promise<void>;
  setMessages(messages: UIMessage[]): void;
  addToolResult: ChatStore['addToolResult'];
  respondToToolApproval: ChatStore['respondToToolApproval'];
  /** The `render` functions of `tools`, by tool name, for `Message`'s `toolRenderers`. */
  toolRenderers: Record<string, NonNullable<ReactChatTool['render']>>;
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
  const toolRenderers = useMemo(() => renderersOf(options.tools), [options.tools]);
  return {
    ...snapshot,
    send: store.send,
    stop: store.stop,
    regenerate: store.regenerate,
    resume: store.resume,
    setMessages: store.setMessages,
    addToolResult: store.addToolResult,
    respondToToolApproval: store.respondToToolApproval,
    toolRenderers,
    store,
  };
}

function renderersOf(tools: UseStreamingChatOptions['tools']): UseStreamingChatResult['toolRenderers'] {
  const renderers: UseStreamingChatResult['toolRenderers'] = {};
  for (const [name, tool] of Object.entries(tools ?? {})) if (tool.render) renderers[name] = tool.render;
  return renderers;
}
