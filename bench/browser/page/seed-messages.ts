import type { UIMessage } from '@streamkit/core';

const paragraphs = [
  'Server-sent events keep one HTTP response open and write each event as it happens.',
  'A proxy that buffers responses holds the events back until it has enough bytes, so the first word arrives late.',
  'Keepalive comments every fifteen seconds stop a load balancer from closing a connection that looks idle.',
  'When the network drops, the client reconnects and sends `Last-Event-ID`, and the server replays what was missed.',
  '- tool calls stream their arguments\n- thinking streams apart from the answer\n- stop keeps what arrived',
];

/**
 * A settled conversation of `count` messages, alternating user and assistant, with markdown of a
 * few lengths in the replies, so that rows differ in height as they do in a real thread. The shape
 * is valid for both Streamkit and the AI SDK (`metadata` is optional there).
 */
export function seedMessages(count: number): UIMessage[] {
  return Array.from({ length: count }, (_, index): UIMessage => {
    const role = index % 2 === 0 ? 'user' : 'assistant';
    const text =
      role === 'user'
        ? `Question ${index / 2 + 1}: how do streams survive production?`
        : paragraphs.slice(0, 1 + (index % paragraphs.length)).join('\n\n');
    return { id: `seed-${index}`, role, parts: [{ type: 'text', text, state: 'done' }], metadata: {} };
  });
}
