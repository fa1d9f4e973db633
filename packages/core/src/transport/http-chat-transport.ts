import { createHTTPStreamClient, type HTTPStreamOptions } from './http-stream-client.ts';
import { toRequestMessages } from './to-request-messages.ts';
import type { ChatTransport } from './types.ts';

export type HTTPChatTransportOptions = HTTPStreamOptions;

/**
 * POSTs `{ id, messages, trigger }` — the Vercel AI SDK's request shape, so its routes accept it —
 * and keeps the SSE reply alive across drops.
 */
export function createHTTPChatTransport(options: HTTPChatTransportOptions): ChatTransport {
  const client = createHTTPStreamClient(options);
  return {
    async sendMessages({ chatId, messages, trigger, signal, observer }) {
      return client.stream(chatId, { id: chatId, messages: toRequestMessages(messages), trigger: `${trigger}-message` }, signal, observer);
    },
    reconnectToStream: ({ chatId, signal, observer }) => client.resume(chatId, signal, observer),
    cancel: (chatId) => client.cancel(chatId),
  };
}
