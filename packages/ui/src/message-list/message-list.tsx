import {
  forwardRef,
  Fragment,
  useLayoutEffect,
  useMemo,
  useRef,
  type HTMLAttributes,
  type ReactNode,
  type UIEvent,
} from 'react';
import type { UIMessage } from '@streamkit/core';
import type { ChatStatus } from '../chat-status.ts';
import { cn } from '../lib/cn.ts';
import { composeRefs } from '../lib/compose-refs.ts';
import { Message } from '../message/message.tsx';
import { TypingIndicator } from '../typing-indicator/typing-indicator.tsx';
import { isAwaitingFirstToken } from './is-awaiting-first-token.ts';

export interface MessageListProps extends HTMLAttributes<HTMLDivElement> {
  messages: UIMessage[];
  status: ChatStatus;
  /** Renders one message. Default: `<Message message={message} />`. */
  renderMessage?: (message: UIMessage) => ReactNode;
  /** Shown when there are no messages. Default: nothing. */
  emptyState?: ReactNode;
  /** Rendered after the messages and the typing indicator (an error banner, a retry button, …). */
  children?: ReactNode;
}

// Within this distance of the bottom the list counts as "at the bottom" and follows new content;
// farther up, the user is reading history and is left alone.
const stickThresholdPx = 48;

function defaultRenderMessage(message: UIMessage): ReactNode {
  return <Message message={message} />;
}

/**
 * The conversation as an accessible log. Shows a typing indicator from submit until the first
 * token and keeps scrolled to the bottom as the reply grows, unless the user has scrolled up.
 */
export const MessageList = forwardRef<HTMLDivElement, MessageListProps>(function MessageList(
  { messages, status, renderMessage = defaultRenderMessage, emptyState, children, className, onScroll, ...props },
  ref,
) {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const contentRef = useRef<HTMLDivElement | null>(null);
  const stickToBottom = useRef(true);
  const composedRef = useMemo(() => composeRefs(scrollRef, ref), [ref]);
  const awaiting = isAwaitingFirstToken(messages, status);

  function scrollToBottomIfStuck() {
    const el = scrollRef.current;
    if (el && stickToBottom.current) el.scrollTop = el.scrollHeight;
  }

  function handleScroll(event: UIEvent<HTMLDivElement>) {
    onScroll?.(event);
    const el = event.currentTarget;
    stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight <= stickThresholdPx;
  }

  // Every render may have added content (a new message, more tokens); follow it before paint.
  useLayoutEffect(scrollToBottomIfStuck);

  // Content can also grow without this component rendering (an image loads, a panel expands).
  useLayoutEffect(() => {
    const content = contentRef.current;
    if (!content || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(scrollToBottomIfStuck);
    observer.observe(content);
    return () => observer.disconnect();
  }, []);

  return (
    <div
      ref={composedRef}
      role="log"
      aria-live="polite"
      aria-relevant="additions"
      data-slot="message-list"
      data-status={status}
      data-empty={messages.length === 0 || undefined}
      className={cn('overflow-y-auto bg-sk-surface text-sk-foreground', className)}
      onScroll={handleScroll}
      {...props}
    >
      <div ref={contentRef} data-slot="message-list-content" className="mx-auto flex w-full max-w-3xl flex-col gap-6 p-4">
        {messages.length === 0 ? emptyState : null}
        {messages.map((message) => (
          <Fragment key={message.id}>{renderMessage(message)}</Fragment>
        ))}
        {awaiting ? <TypingIndicator /> : null}
        {children}
      </div>
    </div>
  );
});
