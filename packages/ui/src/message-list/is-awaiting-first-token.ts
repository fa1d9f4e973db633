import type { UIMessage, UIMessagePart } from '@streamkit/core';
import type { ChatStatus } from '../chat-status.ts';

function isVisible(part: UIMessagePart): boolean {
  if (part.type === 'tool-call') return true;
  if (part.type === 'text' || part.type === 'reasoning') return part.text.trim() !== '';
  return false;
}

/**
 * Whether the user is waiting for the reply to show anything: from submit until the first visible
 * token. True while `submitted`, and while `streaming` until the last message is an assistant
 * message with visible content (non-blank text or reasoning, or any tool call). Start and metadata
 * events arrive before the first token, so `streaming` alone does not mean there is something to see.
 */
export function isAwaitingFirstToken(messages: readonly UIMessage[], status: ChatStatus): boolean {
  if (status === 'submitted') return true;
  if (status !== 'streaming') return false;
  const last = messages.at(-1);
  return !(last?.role === 'assistant' && last.parts.some(isVisible));
}
