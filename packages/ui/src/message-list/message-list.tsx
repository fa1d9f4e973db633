import { forwardRef, useMemo, useRef, useState, type HTMLAttributes, type ReactNode, type UIEvent } from 'react';
import type { UIMessage } from '@streamkit/core';
import type { ChatStatus } from '../chat-status.ts';
import { cn } from '../lib/cn.ts';
import { composeRefs } from '../lib/compose-refs.ts';
import { Message } from '../message/message.tsx';
import { TypingIndicator } from '../typing-indicator/typing-indicator.tsx';
import { estimateMessageHeight as defaultEstimateMessageHeight } from './estimate-message-height.ts';
import { isAwaitingFirstToken } from './is-awaiting-first-token.ts';
import { JumpToLatestButton } from './jump-to-latest-button.tsx';
import { MessageListItem } from './message-list-item.tsx';
import { useMessageVirtualizer } from './use-message-virtualizer.ts';
import { useStickToBottom } from './use-stick-to-bottom.ts';
import { VirtualMessageRows } from './virtual-message-rows.tsx';

export interface MessageListProps extends HTMLAttributes<HTMLDivElement> {
  messages: UIMessage[];
  status: ChatStatus;
  /**
   * Renders one message. Called again only for a message whose object changed, so keep it stable
   * (module scope or `useMemo`): a new function re-renders every message on screen.
   * Default: `<Message message={message} />`.
   */
  renderMessage?: (message: UIMessage) => ReactNode;
  /** Shown when there are no messages. Default: nothing. */
  emptyState?: ReactNode;
  /** Rendered after the messages and the typing indicator (an error banner, a retry button, …). */
  children?: ReactNode;
  /**
   * Above this many messages only the rows on screen (plus a few either side) are in the DOM, each
   * measured as it renders. `Infinity` renders every message always. Default: `100`.
   */
  virtualizeAfter?: number;
  /**
   * The height in px a message is assumed to take until it is measured (virtualized lists only).
   * Good guesses make the scrollbar steadier; the rows are measured either way. Read when rows are
   * laid out, so a new function takes effect for messages not yet measured.
   * Default: a guess from the length of the message's text.
   */
  estimateMessageHeight?: (message: UIMessage) => number;
  /** Text and accessible name of the button that scrolls back to the newest message. Default: `'Jump to latest'`. */
  jumpToLatestLabel?: string;
}

// Within this distance of the bottom the list counts as "at the bottom" and follows new content;
// farther up, the user is reading history and is left alone.
const stickThresholdPx = 48;

function defaultRenderMessage(message: UIMessage): ReactNode {
  return <Message message={message} />;
}

/**
 * The conversation as an accessible log. Shows a typing indicator from submit until the first
 * token and keeps scrolled to the bottom as the reply grows, unless the user has scrolled up; then a
 * "Jump to latest" button brings them back. Long conversations are virtualized.
 */
export const MessageList = forwardRef<HTMLDivElement, MessageListProps>(function MessageList(
  {
    messages,
    status,
    renderMessage = defaultRenderMessage,
    emptyState,
    children,
    virtualizeAfter = 100,
    estimateMessageHeight = defaultEstimateMessageHeight,
    jumpToLatestLabel = 'Jump to latest',
    className,
    onScroll,
    ...props
  },
  ref,
) {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const [content, setContent] = useState<HTMLDivElement | null>(null);
  const [latestRow, setLatestRow] = useState<HTMLDivElement | null>(null);
  const rowsRef = useRef<HTMLDivElement | null>(null);
  const composedRef = useMemo(() => composeRefs(scrollRef, ref), [ref]);
  const virtualized = messages.length > virtualizeAfter;
  const stick = useStickToBottom({ scrollRef, observed: virtualized ? latestRow : content, thresholdPx: stickThresholdPx });
  const virtualizer = useMessageVirtualizer({
    messages,
    enabled: virtualized,
    scrollRef,
    rowsRef,
    estimateMessageHeight,
    stuckRef: stick.stuckRef,
  });
  const awaiting = isAwaitingFirstToken(messages, status);

  function handleScroll(event: UIEvent<HTMLDivElement>) {
    onScroll?.(event);
    stick.handleScroll();
  }

  return (
    <div
      ref={composedRef}
      role="log"
      aria-live="polite"
      aria-relevant="additions"
      data-slot="message-list"
      data-status={status}
      data-empty={messages.length === 0 || undefined}
      data-virtualized={virtualized || undefined}
      // The virtualizer corrects the scroll position itself; the browser's scroll anchoring would correct it twice.
      className={cn('overflow-y-auto bg-sk-surface text-sk-foreground', virtualized && '[overflow-anchor:none]', className)}
      onScroll={handleScroll}
      {...props}
    >
      <div ref={setContent} data-slot="message-list-content" className="mx-auto flex w-full max-w-3xl flex-col gap-6 p-4">
        {messages.length === 0 ? emptyState : null}
        {virtualized ? (
          <VirtualMessageRows
            virtualizer={virtualizer}
            messages={messages}
            renderMessage={renderMessage}
            rowsRef={rowsRef}
            latestRowRef={setLatestRow}
          />
        ) : (
          messages.map((message) => <MessageListItem key={message.id} message={message} renderMessage={renderMessage} />)
        )}
        {awaiting ? <TypingIndicator /> : null}
        {children}
      </div>
      {stick.isStuck ? null : (
        // Sticky at the end of the scroll content, so it sits over the bottom edge of the list. Not
        // live: the button appearing is not news for the log to announce.
        <div aria-live="off" className="pointer-events-none sticky bottom-0 flex h-0 justify-center">
          <JumpToLatestButton label={jumpToLatestLabel} className="pointer-events-auto absolute bottom-4" onClick={stick.jumpToBottom} />
        </div>
      )}
    </div>
  );
});
