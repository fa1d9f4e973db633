import { fnv1aHex } from './fnv1a.ts';
import type { ChatRequestSummary } from './read-chat-request.ts';
import { chatScenarios } from './scenarios/chat-scenarios.ts';
import { pickScenario, type ChatScenarioName } from './scenarios/pick-scenario.ts';
import { scenarioParts, type ReplyPlan } from './scenarios/scenario-parts.ts';

/**
 * The scripted reply to a chat request: the scenario (forced, or picked from the prompt's keywords)
 * answers the prompt given the tool outcomes the request carries. Every id is derived from the
 * request: the message id from the conversation length and prompt (a continuation after tool
 * results keeps the message it continues), tool call ids from the chat id, the turn and the step
 * (how many tool calls the turn already has), so a resumed or repeated request replays the same events.
 */
export function mockChatReply(chat: ChatRequestSummary, forced: ChatScenarioName | undefined, serverToolPauseMs: number): ReplyPlan {
  const scenario = chatScenarios[forced ?? pickScenario(chat.prompt)];
  const step = chat.calls.length;
  const messageId = chat.continuingId ?? `msg-${fnv1aHex(`${chat.messageCount}\u0000${chat.prompt}`)}`;
  return scenarioParts(
    scenario({ prompt: chat.prompt, calls: chat.calls }),
    {
      messageId,
      partPrefix: chat.continuingId === undefined ? messageId : `${messageId}-${step}`,
      toolCallPrefix: `call-${fnv1aHex(`${chat.chatId ?? ''}\u0000${chat.userTurns}\u0000${chat.prompt}`)}-${step}`,
    },
    serverToolPauseMs,
  );
}
