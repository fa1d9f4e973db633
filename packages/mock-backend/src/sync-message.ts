import { applyStreamPart, createAssistantMessage, type StreamPart, type UIMessage } from '@streamkit/core';

/**
 * The reply a stream of `parts` builds, as one UIMessage (`{ id, role: 'assistant', parts, metadata }`),
 * folded by the client's own reducer so it has exactly the shape a client ends up with: text and
 * reasoning parts, tool calls as `{ type: 'tool-call', toolCallId, toolName, state, input, … }`, sources.
 */
export function syncMessage(parts: StreamPart[]): UIMessage {
  return parts.reduce(applyStreamPart, createAssistantMessage(''));
}
