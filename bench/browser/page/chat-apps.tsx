import { useChat } from '@ai-sdk/react';
import type { UIMessage } from '@streamkit/core';
import { useStreamingChat } from '@streamkit/react';
import { Message, MessageList } from '@streamkit/ui';
import { DefaultChatTransport, type UIMessage as AISDKMessage } from 'ai';
import { memo, useCallback, useEffect, type ReactNode } from 'react';
import { BENCH_PROMPT } from '../reply.ts';
import type { Probe } from './probe.ts';

export interface ChatAppProps {
  api: string;
  seed: UIMessage[];
  probe: Probe;
  /** Receives the app's send function once it is mounted. */
  onReady(send: () => void): void;
}

/** Message, counting its renders. Memoized on the message like Message itself, so it renders exactly when Message would. */
const CountedMessage = memo(function CountedMessage({ message, probe }: { message: UIMessage; probe: Probe }) {
  probe.onMessageRender(message.id);
  return <Message message={message} />;
});

function ChatView({ messages, status, probe }: { messages: UIMessage[]; status: 'ready' | 'submitted' | 'streaming' | 'error'; probe: Probe }): ReactNode {
  // Stable, as MessageList asks: a new function would re-render every row on screen.
  const renderMessage = useCallback((message: UIMessage) => <CountedMessage message={message} probe={probe} />, [probe]);
  return <MessageList className="h-screen" messages={messages} status={status} renderMessage={renderMessage} />;
}

/** The page built on Streamkit's hook, with its defaults. */
export function StreamkitChat({ api, seed, probe, onReady }: ChatAppProps): ReactNode {
  const { messages, status, send } = useStreamingChat({ api, initialMessages: seed });
  useEffect(() => onReady(() => void send(BENCH_PROMPT)), [onReady, send]);
  return <ChatView messages={messages} status={status} probe={probe} />;
}

/**
 * The same page on the AI SDK's `useChat`. `throttle` undefined is its default (a render per
 * chunk); the tuned page passes 50 ms. Messages are memoized in both, because the Streamkit
 * components they render through are.
 */
export function AISDKChat({ api, seed, probe, onReady, throttle }: ChatAppProps & { throttle?: number }): ReactNode {
  const { messages, status, sendMessage } = useChat({
    transport: new DefaultChatTransport({ api }),
    messages: seed as unknown as AISDKMessage[],
    throttle,
  });
  useEffect(() => onReady(() => void sendMessage({ text: BENCH_PROMPT })), [onReady, sendMessage]);
  return <ChatView messages={messages as unknown as UIMessage[]} status={status} probe={probe} />;
}
