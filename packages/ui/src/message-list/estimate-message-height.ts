import type { UIMessage } from '@streamkit/core';

// What `Message` renders in the list's max-w-3xl column at text-sm / leading-relaxed: about 23 px
// a line and 90 characters a line. Only a first guess: each row is measured once it renders.
const lineHeightPx = 23;
const charsPerLine = 90;
const userBubblePaddingPx = 16;
const collapsedPartPx = 32;
const toolCardPx = 96;

/**
 * The default height guess (px) for a message not yet measured, from the length of its text.
 * Cheap on purpose (string lengths, no scanning): it runs for every message when the list changes.
 */
export function estimateMessageHeight(message: UIMessage): number {
  let chars = 0;
  let extra = message.role === 'user' ? userBubblePaddingPx : 0;
  for (const part of message.parts) {
    if (part.type === 'text') chars += part.text.length;
    else if (part.type === 'reasoning') extra += collapsedPartPx;
    else if (part.type === 'tool-call') extra += toolCardPx;
  }
  return Math.max(1, Math.ceil(chars / charsPerLine)) * lineHeightPx + extra;
}
