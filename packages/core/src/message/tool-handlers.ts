import type { StreamPart } from '../stream-part.ts';
import { appendPart, findLastPartIndex, replacePart } from './part-updates.ts';
import type { ToolCallPart, UIMessage } from './types.ts';

type ToolStreamPart = Extract<StreamPart, { type: `tool-${string}` }>;

function newToolCall(toolCallId: string, toolName: string): ToolCallPart {
  return { type: 'tool-call', toolCallId, toolName, state: 'input-streaming', inputText: '', input: undefined };
}

/** Tool calls are found by `toolCallId`; an update for an unknown call opens it, so nothing that arrives is dropped. */
export function applyToolPart(message: UIMessage, part: ToolStreamPart): UIMessage {
  const index = findLastPartIndex(message, (candidate) => candidate.type === 'tool-call' && candidate.toolCallId === part.toolCallId);
  const toolName = 'toolName' in part ? part.toolName : '';
  const existing = index === -1 ? newToolCall(part.toolCallId, toolName) : (message.parts[index] as ToolCallPart);
  const updated = nextToolCall(existing, part);
  if (index === -1) return appendPart(message, updated);
  return replacePart(message, index, updated);
}

function nextToolCall(call: ToolCallPart, part: ToolStreamPart): ToolCallPart {
  switch (part.type) {
    case 'tool-input-start':
      return { ...call, toolName: part.toolName, ...(part.providerExecuted ? { providerExecuted: true } : {}) };
    case 'tool-input-delta':
      return { ...call, inputText: call.inputText + part.delta, ...(part.input === undefined ? {} : { input: part.input }) };
    case 'tool-input-available':
      return {
        ...call,
        toolName: part.toolName,
        state: 'input-available',
        input: part.input,
        ...(part.providerExecuted ? { providerExecuted: true } : {}),
      };
    case 'tool-input-error':
      return { ...call, toolName: part.toolName, state: 'output-error', input: part.input, errorText: part.errorText };
    case 'tool-approval-request':
      return { ...call, state: 'awaiting-approval', approvalId: part.approvalId };
    case 'tool-output-available':
      return { ...call, state: part.preliminary ? 'executing' : 'output-available', output: part.output };
    case 'tool-output-error':
      return { ...call, state: 'output-error', errorText: part.errorText };
    case 'tool-output-denied':
      return { ...call, state: 'denied' };
  }
}
