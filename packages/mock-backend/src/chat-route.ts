import { mockChatReply } from './mock-chat-reply.ts';
import { readChatRequest } from './read-chat-request.ts';
import { readPause, readScenario } from './request-scenario.ts';
import { serveReply, type ReplyContext } from './serve-reply.ts';
import { syncMessage } from './sync-message.ts';

/** `POST …/chat`: the scripted reply to the conversation, streamed (or whole, as JSON) with the requested faults. */
export function handleChat(request: Request, url: URL, context: ReplyContext): Promise<Response> {
  return serveReply(request, url, context, async () => {
    const scenario = readScenario(request, url);
    if (scenario instanceof Response) return scenario;
    const pauseMs = readPause(url, context.serverToolPauseMs);
    if (pauseMs instanceof Response) return pauseMs;
    const chat = await readChatRequest(request);
    if (chat instanceof Response) return chat;
    const plan = mockChatReply(chat, scenario, pauseMs);
    return { plan, key: chat.chatId, json: () => JSON.stringify(syncMessage(plan.parts)) };
  });
}
