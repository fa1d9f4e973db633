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
}

/**
 * The rows on screen (plus overscan), absolutely placed in a box as tall as all messages. Each row
 * is measured by the virtualizer's ResizeObserver; its top padding is the gap to the row above, so
 * the measured size includes it. Keys are message ids, so a row keeps its DOM as the list grows.
 */
export function VirtualMessageRows({ virtualizer, messages, renderMessage, rowsRef }: VirtualMessageRowsProps) {
  const scrollMargin = virtualizer.options.scrollMargin;
  return (
    <div ref={rowsRef} data-slot="message-list-rows" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => {
        const message = messages[item.index];
        if (!message) return null;
        return (
          <div
            key={message.id}
            ref={virtualizer.measureElement}
            data-index={item.index}
            data-slot="message-list-row"
            className={cn('absolute inset-x-0 top-0', item.index > 0 && 'pt-6')}
            style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
          >
            <MessageListItem message={message} renderMessage={renderMessage} />
          </div>
        );
      })}
    </div>
  );
}
