import { parseSSEStream } from '@streamkit/core';
import { createMockHandler, mockReplyText } from '@streamkit/mock-backend';
import { chatRequestBody } from './load-protocol.ts';
import { randomInt, seededRandom } from './seeded-random.ts';

/** A prompt and what the mock model answers to it. */
export interface MockReply {
  prompt: string;
  /** Text-delta events in the reply. */
  deltas: number;
  /** The deltas joined. */
  text: string;
  /** Every SSE event of the reply, `[DONE]` included. */
  events: number;
}

type Handler = ReturnType<typeof createMockHandler>;

async function replyTo(handler: Handler, prompt: string): Promise<MockReply> {
  const request = new Request('http://mock.local/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: chatRequestBody(prompt),
  });
  const response = await handler(request);
  if (!response.ok || !response.body) throw new Error(`The mock answered ${response.status}`);
  const reply: MockReply = { prompt, deltas: 0, text: '', events: 0 };
  for await (const event of parseSSEStream(response.body)) {
    reply.events++;
    if (event.data === '[DONE]') continue;
    const chunk = JSON.parse(event.data) as { type: string; delta?: string };
    if (chunk.type === 'text-delta') {
      reply.deltas++;
      reply.text += chunk.delta;
    }
  }
  return reply;
}

/** Letters only, so the mock takes it as part of the topic and cuts it into ~4-letter tokens. */
function word(random: () => number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += String.fromCharCode(97 + Math.floor(random() * 26));
  return text;
}

/**
 * The mock's token count for `text` by its documented rule (each word with its trailing space, words
 * over six letters cut into 4-letter pieces). Only a cheap filter: the real reply decides.
 */
function estimateTokens(text: string): number {
  let count = 0;
  for (const match of text.matchAll(/\S+/g)) count += match[0].length <= 6 ? 1 : Math.ceil(match[0].length / 4);
  return count;
}

/**
 * A prompt whose mock reply has exactly `deltas` text deltas (the default `'Hi'` when `deltas` is
 * undefined). The mock answers 3–6 sentences about the prompt's topic and has no length option, so
 * long replies come from long topic words, which it streams in 4-letter tokens; the reply depends
 * on the prompt's hash, so this searches seeded random topics until one fits.
 */
export async function findMockPrompt(deltas?: number): Promise<MockReply> {
  const handler = createMockHandler({ ttftMs: 0, tokensPerSecond: Number.POSITIVE_INFINITY, resumable: false });
  if (deltas === undefined) return replyTo(handler, 'Hi');
  const random = seededRandom(deltas);
  // Topic tokens needed per mention of the topic; the mock uses up to six topic words.
  const maxLength = Math.max(8, Math.ceil((deltas * 4) / 6 / 2));
  for (let attempt = 0; attempt < 100_000; attempt++) {
    const words = Array.from({ length: 6 }, () => word(random, randomInt(random, 7, maxLength)));
    const prompt = `Tell me about ${words.join(' ')}`;
    if (estimateTokens(mockReplyText(prompt)) !== deltas) continue;
    const reply = await replyTo(handler, prompt);
    if (reply.deltas === deltas) return reply;
  }
  throw new Error(`No prompt found whose mock reply has exactly ${deltas} text deltas`);
}
