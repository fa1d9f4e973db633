import type { StreamPart } from '../stream-part.ts';
import { appendPart, findLastPartIndex, replacePart, settleStreamingParts } from './part-updates.ts';
import { applyTextLikePart } from './text-handlers.ts';
import { applyToolPart } from './tool-handlers.ts';
import type { UIMessage } from './types.ts';

/** A fresh assistant message, the starting point `applyStreamPart` folds a reply into. */
export function createAssistantMessage(id: string): UIMessage {
  return { id, role: 'assistant', parts: [], metadata: {} };
}

/**
 * Folds one stream part into a message. Pure: returns a new message that shares every unchanged
 * part with the old one, or the very same message when the part changes nothing (lifecycle
 * parts such as `usage` or `error` are the store's business, not the message's).
 */
export function applyStreamPart(message: UIMessage, part: StreamPart): UIMessage {
  switch (part.type) {
    case 'text-start':
    case 'text-delta':
    case 'text-end':
    case 'reasoning-start':
    case 'reasoning-delta':
    case 'reasoning-end':
      return applyTextLikePart(message, part);
    case 'tool-input-start':
    case 'tool-input-delta':
    case 'tool-input-available':
    case 'tool-input-error':
    case 'tool-approval-request':
    case 'tool-output-available':
    case 'tool-output-error':
    case 'tool-output-denied':
      return applyToolPart(message, part);
    case 'source': {
      const { type, ...source } = part;
      return appendPart(message, { type, ...source });
    }
    case 'file':
      return appendPart(message, { type: 'file', url: part.url, mediaType: part.mediaType });
    case 'data':
      return applyDataPart(message, part);
    case 'step-start':
      return appendPart(message, { type: 'step-start' });
    case 'start':
      return applyStart(message, part);
    case 'metadata':
      return { ...message, metadata: { ...message.metadata, ...part.metadata } };
    case 'finish':
    case 'abort':
      return settleStreamingParts(message);
    case 'step-finish':
    case 'usage':
    case 'error':
      return message;
  }
}

function applyStart(message: UIMessage, part: Extract<StreamPart, { type: 'start' }>): UIMessage {
  const id = part.messageId ?? message.id;
  if (id === message.id && !part.metadata) return message;
  return { ...message, id, metadata: part.metadata ? { ...message.metadata, ...part.metadata } : message.metadata };
}

function applyDataPart(message: UIMessage, part: Extract<StreamPart, { type: 'data' }>): UIMessage {
  // Transient data is for the app's callbacks only and never becomes part of the message.
  if (part.transient) return message;
  const next = { type: 'data' as const, name: part.name, data: part.data, ...(part.id === undefined ? {} : { id: part.id }) };
  if (part.id !== undefined) {
    const index = findLastPartIndex(message, (candidate) => candidate.type === 'data' && candidate.name === part.name && candidate.id === part.id);
    if (index !== -1) return replacePart(message, index, next);
  }
  return appendPart(message, next);
}
