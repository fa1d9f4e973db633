import { jsonError } from './json-error.ts';
import { readToolCalls } from './read-tool-calls.ts';
import type { PastToolCall } from './scenarios/types.ts';
import { isRecord } from './is-record.ts';

export interface ChatRequestSummary {
  /** The text of the last user message; `''` when there is none. */
  prompt: string;
  messageCount: number;
  /** The body's `id` (the chat id), when it is a non-empty string. */
  chatId?: string;
  /** How many user messages the conversation has: which turn this is. */
  userTurns: number;
  /** The tool calls the assistant made since the last user message, with the client's outcomes. */
  calls: PastToolCall[];
  /** The id of the assistant message this request continues (the last message, after tool results), if any. */
  continuingId?: string;
}

const ROLES = new Set(['system', 'user', 'assistant']);

function textOf(parts: unknown[]): string {
  return parts
    .filter(isRecord)
    .filter((part) => part.type === 'text' && typeof part.text === 'string')
    .map((part) => part.text as string)
    .join('');
}

/**
 * Reads the AI SDK chat request body `{ id, messages: UIMessage[] }`. Only what the mock needs is
 * checked (each message has a role and a parts array); `id` and `metadata` are optional. Returns a
 * 400 response that says what was wrong instead of throwing.
 */
export async function readChatRequest(request: Request): Promise<ChatRequestSummary | Response> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return jsonError(400, 'request/invalid-json', 'The request body is not valid JSON.');
  }
  if (!isRecord(body) || !Array.isArray(body.messages)) {
    return jsonError(
      400,
      'request/invalid-messages',
      'Expected a JSON object with a "messages" array, e.g. {"id":"chat-1","messages":[{"id":"m1","role":"user","parts":[{"type":"text","text":"Hi"}]}]}.',
    );
  }
  const messages: unknown[] = body.messages;
  for (const [index, message] of messages.entries()) {
    if (!isRecord(message) || typeof message.role !== 'string' || !ROLES.has(message.role) || !Array.isArray(message.parts)) {
      return jsonError(
        400,
        'request/invalid-messages',
        `messages[${index}] must be an object with a role ("user", "assistant" or "system") and a "parts" array.`,
      );
    }
  }
  const checked = messages as (Record<string, unknown> & { role: string; parts: unknown[] })[];
  const lastUserIndex = checked.findLastIndex((message) => message.role === 'user');
  const turn = checked.slice(lastUserIndex + 1).filter((message) => message.role === 'assistant');
  const last = checked.at(-1);
  return {
    prompt: lastUserIndex === -1 ? '' : textOf(checked[lastUserIndex]!.parts),
    messageCount: messages.length,
    ...(typeof body.id === 'string' && body.id !== '' ? { chatId: body.id } : {}),
    userTurns: checked.filter((message) => message.role === 'user').length,
    calls: readToolCalls(turn),
    ...(last?.role === 'assistant' && typeof last.id === 'string' && last.id !== '' ? { continuingId: last.id } : {}),
  };
}
