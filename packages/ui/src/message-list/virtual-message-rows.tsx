import type { ReactNode, RefObject } from 'react';
import type { UIMessage } from '@streamkit/core';
import { cn } from '../lib/cn.ts';
import { MessageListItem } from './message-list-item.tsx';
import type { MessageVirtualizer } from './use-message-virtualizer.ts';

interface VirtualMessageRowsProps {
  virtualizer: MessageVirtualizer;
  messages: readonly UIMessage[];
  renderMessage: (message: UIMessage) => ReactNode;
  rowsRef: RefObject<HTMLDivElement | null>;
  /** Receives the newest message's row, which is laid out in flow rather than measured by the virtualizer. */
  latestRowRef: (element: HTMLDivElement | null) => void;
}

// Cannot be a message id: React keys of the rows are message ids.
const spacerKey = '\u0000spacer';

/**
 * Every message but the newest as virtual rows: the ones on screen (plus overscan), absolutely placed
 * over a spacer as tall as all of them, each measured by the virtualizer's ResizeObserver (its top
 * padding is the gap to the row above, so the measured size includes it). The newest message, the
 * one that streams, follows the spacer in flow: its growth lengthens the list by layout alone, with
 * no measurement and no second render per frame. All rows share one parent and are keyed by message
 * id, so the newest row keeps its DOM (and its state) when a reply after it makes it a virtual row.
 */
export function VirtualMessageRows({ virtualizer, messages, renderMessage, rowsRef, latestRowRef }: VirtualMessageRowsProps) {
  const scrollMargin = virtualizer.options.scrollMargin;
  const latest = messages.at(-1);
  // One flat array of keyed siblings: React matches keys only within the same array, so a nested
  // array for the virtual rows would remount the newest row when it turns virtual.
  const rows: ReactNode[] = [
    <div key={spacerKey} aria-hidden="true" data-slot="message-list-spacer" style={{ height: virtualizer.getTotalSize() }} />,
  ];
  for (const item of virtualizer.getVirtualItems()) {
    const message = messages[item.index];
    if (!message) continue;
    rows.push(
      <div
        key={message.id}
        ref={virtualizer.measureElement}
        data-index={item.index}
        data-slot="message-list-row"
        className={cn('absolute inset-x-0 top-0', item.index > 0 && 'pt-6')}
        style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
      >
        <MessageListItem message={message} renderMessage={renderMessage} />
      </div>,
    );
  }
  if (latest) {
    rows.push(
      <div key={latest.id} ref={latestRowRef} data-slot="message-list-row" data-latest="" className={cn(messages.length > 1 && 'pt-6')}>
        <MessageListItem message={latest} renderMessage={renderMessage} />
      </div>,
    );
  }
  return (
    <div ref={rowsRef} data-slot="message-list-rows" className="relative w-full">
      {rows}
    </div>
  );
}
