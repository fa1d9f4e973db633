import type { UIMessage, WireFormat } from '@streamkit/core';
import { useStreamingChat } from '@streamkit/react';
import { Composer, ConnectionStatus, Message, MessageList, StreamMetrics } from '@streamkit/ui';
import { useCallback, useMemo, type ReactNode } from 'react';
import { demoTools } from './demo-tools.tsx';
import { requestOptionsFromLocation } from './request-options.ts';

const suggestions = [
  'Explain server-sent events',
  'Think step by step: why does streaming feel faster?',
  'What is the weather in Lisbon?',
  'Compare the weather in Oslo and Rome',
  'Calculate 12 * 7 + 5',
  'Delete the file notes.txt',
  'Research the history of SSE (multi-step)',
  'Cite sources about HTTP streaming',
];

const requestOptions = requestOptionsFromLocation();

export function ChatPage() {
  const chat = useStreamingChat({
    api: '/api/chat',
    headers: requestOptions.headers,
    ...(requestOptions.format ? { format: requestOptions.format as WireFormat } : {}),
    tools: demoTools,
    maxSteps: 6,
  });
  const { respondToToolApproval, toolRenderers } = chat;
  const approve = useCallback((toolCallId: string) => respondToToolApproval(toolCallId, true), [respondToToolApproval]);
  const deny = useCallback((toolCallId: string) => respondToToolApproval(toolCallId, false), [respondToToolApproval]);
  const renderMessage = useMemo(
    () =>
      function renderMessage(message: UIMessage): ReactNode {
        return <Message message={message} toolRenderers={toolRenderers} onToolApprove={approve} onToolDeny={deny} />;
      },
    [toolRenderers, approve, deny],
  );

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3">
      <MessageList
        className="min-h-0 flex-1"
        messages={chat.messages}
        status={chat.status}
        renderMessage={renderMessage}
        emptyState={
          <div className="flex flex-col items-start gap-2 p-4">
            <p className="text-sk-muted-foreground">Ask anything; the mock model streams a scripted reply. Try one of these:</p>
            <div className="flex flex-wrap gap-2">
              {suggestions.map((text) => (
                <button key={text} type="button" className="rounded-full border border-sk-border px-3 py-1 text-sm hover:bg-sk-muted" onClick={() => void chat.send(text)}>
                  {text}
                </button>
              ))}
            </div>
          </div>
        }
      />
      <div className="flex items-center justify-between gap-3">
        <ConnectionStatus connection={chat.connection} status={chat.status} error={chat.error} onRetry={() => void chat.regenerate()} />
        <StreamMetrics metrics={chat.metrics} compact />
      </div>
      <Composer status={chat.status} onSend={(text) => void chat.send(text)} onStop={chat.stop} />
    </div>
  );
}
