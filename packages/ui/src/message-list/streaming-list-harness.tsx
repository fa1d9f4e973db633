import { useEffect, useMemo, useState } from 'react';
import type { UIMessage } from '@streamkit/core';
import { assistantMessage } from '../fixtures/messages.ts';
import { MessageList, type MessageListProps } from './message-list.tsx';

// Stories only: a reply that grows by a sentence per step, a paragraph every third step.
const sentence = 'Streaming keeps the first words fast while the rest of the answer arrives.';

function replyAt(step: number): string {
  let text = '';
  for (let i = 0; i < step; i++) text += i === 0 ? sentence : i % 3 === 0 ? `\n\n${sentence}` : ` ${sentence}`;
  return text;
}

interface StreamingListHarnessProps extends Omit<MessageListProps, 'messages' | 'status'> {
  history: UIMessage[];
  steps: number;
  stepMs: number;
}

/**
 * A MessageList whose last assistant message grows on a timer, `steps` times, `stepMs` apart. The
 * wrapper shows progress as `data-step` and `data-done` for play functions to wait on.
 */
export function StreamingListHarness({ history, steps, stepMs, ...props }: StreamingListHarnessProps) {
  const [step, setStep] = useState(0);
  const done = step >= steps;

  useEffect(() => {
    if (done) return;
    const timer = setTimeout(() => setStep((current) => current + 1), stepMs);
    return () => clearTimeout(timer);
  }, [done, step, stepMs]);

  const messages = useMemo(
    () => [...history, assistantMessage('live-reply', replyAt(step), done ? 'done' : 'streaming')],
    [history, step, done],
  );

  return (
    <div data-slot="streaming-harness" data-step={step} data-done={done}>
      <MessageList messages={messages} status={done ? 'ready' : 'streaming'} {...props} />
    </div>
  );
}
