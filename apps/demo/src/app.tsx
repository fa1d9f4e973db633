import { useStreamingChat } from '@streamkit/react';
import { Composer, MessageList } from '@streamkit/ui';

const suggestions = ['Explain server-sent events', 'Why does streaming feel faster?', 'Write a haiku about latency'];

export function App() {
  const chat = useStreamingChat({ api: '/api/chat' });

  return (
    <div className="mx-auto flex h-dvh max-w-3xl flex-col gap-3 p-4">
      <header className="flex items-baseline justify-between">
        <h1 className="text-lg font-semibold">Streamkit</h1>
        <span className="text-sm opacity-60">mock model · ui-message-stream</span>
      </header>
      <MessageList
        className="min-h-0 flex-1"
        messages={chat.messages}
        status={chat.status}
        emptyState={
          <div className="flex flex-col items-start gap-2 p-4">
            <p className="opacity-70">Ask anything; the mock model answers with a scripted, streamed reply.</p>
            {suggestions.map((text) => (
              <button key={text} type="button" className="rounded-full border px-3 py-1 text-sm" onClick={() => void chat.send(text)}>
                {text}
              </button>
            ))}
          </div>
        }
      />
      {chat.error && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {chat.error.message}
        </p>
      )}
      <Composer status={chat.status} onSend={(text) => void chat.send(text)} onStop={chat.stop} />
    </div>
  );
}
