import type { PastToolCall, ToolOutcome } from './scenarios/types.ts';
import { isRecord } from './is-record.ts';

type JSONRecord = Record<string, unknown>;

/** The tool name of an AI SDK tool part (`tool-${name}`, or `dynamic-tool` with `toolName`), or of our own `tool-call` part. */
function toolNameOf(part: JSONRecord): string | undefined {
  if (typeof part.type !== 'string' || typeof part.toolCallId !== 'string') return undefined;
  if (part.type === 'dynamic-tool' || part.type === 'tool-call') return typeof part.toolName === 'string' ? part.toolName : undefined;
  return part.type.startsWith('tool-') ? part.type.slice('tool-'.length) : undefined;
}

/** The AI SDK states (and our `denied`); an approval answered "no" counts as a denial whatever the state says. */
function outcomeOf(part: JSONRecord): ToolOutcome | undefined {
  if (part.state === 'output-denied' || part.state === 'denied') return { state: 'output-denied' };
  if (isRecord(part.approval) && part.approval.approved === false) return { state: 'output-denied' };
  if (part.state === 'output-available') return { state: 'output-available', output: part.output };
  if (part.state === 'output-error') return { state: 'output-error', errorText: typeof part.errorText === 'string' ? part.errorText : 'Unknown error.' };
  return undefined;
}

/**
 * The tool calls in `messages` (the assistant messages of the current turn), oldest first, with the
 * outcome the client recorded for each, as `toRequestMessages` and the AI SDK send them.
 */
export function readToolCalls(messages: JSONRecord[]): PastToolCall[] {
  const calls: PastToolCall[] = [];
  for (const message of messages) {
    for (const part of Array.isArray(message.parts) ? message.parts : []) {
      if (!isRecord(part)) continue;
      const toolName = toolNameOf(part);
      if (toolName === undefined) continue;
      const outcome = outcomeOf(part);
      calls.push({ toolCallId: part.toolCallId as string, toolName, input: part.input, ...(outcome ? { outcome } : {}) });
    }
  }
  return calls;
}
