import type { UIMessagePart } from '../message/types.ts';
import type { StreamPart } from '../stream-part.ts';

type JSONRecord = Record<string, unknown>;

const isRecord = (value: unknown): value is JSONRecord => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asString = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Turns a whole, non-streamed JSON reply into the parts a stream would have carried, so a server that
 * cannot stream (or a proxy that forces buffering) still fills the chat. Understood shapes: a
 * UIMessage (`{ parts }`), `{ text }`, an OpenAI chat completion, and an Anthropic message.
 */
export function syncReplyToParts(body: unknown): StreamPart[] {
  if (!isRecord(body)) return [{ type: 'text-start', id: 'sync' }, { type: 'text-delta', id: 'sync', delta: String(body) }, { type: 'text-end', id: 'sync' }, finish()];
  const id = asString(body.id);
  const start: StreamPart = id ? { type: 'start', messageId: id } : { type: 'start' };
  if (Array.isArray(body.parts)) return [start, ...body.parts.flatMap(fromUIMessagePart), finish()];
  if (Array.isArray(body.choices)) return [start, ...fromOpenAIChoice(body.choices[0]), finish()];
  if (Array.isArray(body.content)) return [start, ...asArray(body.content).flatMap(fromAnthropicBlock), finish()];
  return [start, ...text('sync', asString(body.text)), finish()];
}

function finish(): StreamPart {
  return { type: 'finish', reason: 'stop' };
}

function text(id: string, value: string): StreamPart[] {
  return value ? [{ type: 'text-start', id }, { type: 'text-delta', id, delta: value }, { type: 'text-end', id }] : [];
}

function reasoning(id: string, value: string): StreamPart[] {
  return value ? [{ type: 'reasoning-start', id }, { type: 'reasoning-delta', id, delta: value }, { type: 'reasoning-end', id }] : [];
}

function toolCall(toolCallId: string, toolName: string, input: unknown): StreamPart[] {
  return [
    { type: 'tool-input-start', toolCallId, toolName },
    { type: 'tool-input-available', toolCallId, toolName, input },
  ];
}

function fromUIMessagePart(part: unknown, index: number): StreamPart[] {
  if (!isRecord(part)) return [];
  const typed = part as Partial<UIMessagePart> & JSONRecord;
  switch (typed.type) {
    case 'text':
      return text(`sync-${index}`, asString(typed.text));
    case 'reasoning':
      return reasoning(`sync-${index}`, asString(typed.text));
    case 'tool-call': {
      const parts = toolCall(asString(typed.toolCallId), asString(typed.toolName), typed.input);
      return 'output' in typed ? [...parts, { type: 'tool-output-available', toolCallId: asString(typed.toolCallId), output: typed.output }] : parts;
    }
    case 'source':
      return [{ type: 'source', sourceType: typed.sourceType === 'document' ? 'document' : 'url', id: asString(typed.id), url: asString(typed.url), title: asString(typed.title) }];
    default:
      return [];
  }
}

function fromOpenAIChoice(choice: unknown): StreamPart[] {
  const message = isRecord(choice) && isRecord(choice.message) ? choice.message : {};
  const parts = [...reasoning('sync-reasoning', asString(message.reasoning_content)), ...text('sync', asString(message.content))];
  for (const call of asArray(message.tool_calls)) {
    if (!isRecord(call) || !isRecord(call.function)) continue;
    parts.push(...toolCall(asString(call.id), asString(call.function.name), parseArguments(asString(call.function.arguments))));
  }
  return parts;
}

function fromAnthropicBlock(block: unknown, index: number): StreamPart[] {
  if (!isRecord(block)) return [];
  switch (block.type) {
    case 'text':
      return text(`sync-${index}`, asString(block.text));
    case 'thinking':
      return reasoning(`sync-${index}`, asString(block.thinking));
    case 'tool_use':
      return toolCall(asString(block.id), asString(block.name), block.input ?? {});
    default:
      return [];
  }
}

function parseArguments(text: string): unknown {
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
