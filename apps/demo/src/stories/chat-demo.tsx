import { useStreamingChat, type UseStreamingChatOptions } from '@streamkit/react';
import { Composer, ConnectionStatus, MessageList, StreamMetrics } from '@streamkit/ui';
import { useEffect, useRef } from 'react';

export interface ChatDemoProps extends UseStreamingChatOptions {
  /** Sent once on mount, so the story opens mid-conversation. */
  autoSend?: string;
  showMetrics?: boolean;
}

/** The demo's chat wired to whatever `fetch` the story passes (the in-browser mock). */
export function ChatDemo({ autoSend, showMetrics = true, ...options }: ChatDemoProps) {
  const chat = useStreamingChat(options);
  const sent = useRef(false);
  useEffect(() => {
    if (!autoSend || sent.current) return;
    sent.current = true;
    void chat.send(autoSend);
  }, [autoSend, chat]);

  return (
    <div className="flex h-[560px] max-w-2xl flex-col gap-3 p-2">
      <MessageList className="min-h-0 flex-1" messages={chat.messages} status={chat.status} />
      <ConnectionStatus connection={chat.connection} status={chat.status} error={chat.error} onRetry={() => void chat.regenerate()} />
      {showMetrics && <StreamMetrics metrics={chat.metrics} compact />}
      <Composer status={chat.status} onSend={(text) => void chat.send(text)} onStop={chat.stop} />
    </div>
  );
}
