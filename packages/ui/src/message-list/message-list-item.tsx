import { memo, type ReactNode } from 'react';
import type { UIMessage } from '@streamkit/core';

interface MessageListItemProps {
  message: UIMessage;
  renderMessage: (message: UIMessage) => ReactNode;
}

/**
 * One message of the list, rendered through `renderMessage`. Memoized on the message object: the
 * chat store keeps a settled message's identity, so only the streaming message calls
 * `renderMessage` again as tokens arrive.
 */
export const MessageListItem = memo(function MessageListItem({ message, renderMessage }: MessageListItemProps) {
  return renderMessage(message);
});
