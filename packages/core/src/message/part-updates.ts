import type { ToolCallPart, UIMessage, UIMessagePart } from './types.ts';

/**
 * Structural-sharing helpers for the reducer: each copies only the message and its parts array,
 * so untouched parts (and every other message) keep their identity for memoized components.
 */

export function findLastPartIndex(message: UIMessage, predicate: (part: UIMessagePart) => boolean): number {
  // Searching from the end: the part being streamed is almost always the last one.
  for (let index = message.parts.length - 1; index >= 0; index--) {
    if (predicate(message.parts[index]!)) return index;
  }
  return -1;
}

export function appendPart(message: UIMessage, part: UIMessagePart): UIMessage {
  return { ...message, parts: [...message.parts, part] };
}

export function replacePart(message: UIMessage, index: number, part: UIMessagePart): UIMessage {
  if (message.parts[index] === part) return message;
  const parts = message.parts.slice();
  parts[index] = part;
  return { ...message, parts };
}

/** Settles every part still streaming; returns the same message when none is. */
export function settleStreamingParts(message: UIMessage): UIMessage {
  let parts: UIMessagePart[] | undefined;
  message.parts.forEach((part, index) => {
    if ((part.type === 'text' || part.type === 'reasoning') && part.state === 'streaming') {
      parts ??= message.parts.slice();
      parts[index] = { ...part, state: 'done' };
    }
  });
  return parts ? { ...message, parts } : message;
}

/** Applies `patch` to the tool call with `toolCallId`; the same message when there is no such call. */
export function updateToolCall(message: UIMessage, toolCallId: string, patch: Partial<ToolCallPart>): UIMessage {
  const index = findLastPartIndex(message, (part) => part.type === 'tool-call' && part.toolCallId === toolCallId);
  if (index === -1) return message;
  return replacePart(message, index, { ...(message.parts[index] as ToolCallPart), ...patch });
}
