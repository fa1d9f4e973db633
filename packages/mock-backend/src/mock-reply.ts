import type { StreamPart } from '@streamkit/core';
import { delay } from './delay.ts';
import { fnv1a } from './fnv1a.ts';
import { mockReplyText } from './reply-text.ts';
import { tokenize } from './tokenize.ts';

export interface MockReplyTiming {
  ttftMs: number;
  tokensPerSecond: number;
}

/** Why a reply stream ended: it sent `finish`, or the client went away first. */
export interface MockStreamEndInfo {
  reason: 'finished' | 'cancelled';
}

/**
 * The scripted model's reply as StreamParts: start, step-start, the text one token at a time,
 * text-end, step-finish, finish. The message id hashes the prompt and the conversation length, so
 * a request always gets the same id while the same question asked twice in one chat gets two.
 */
export async function* mockReply(
  prompt: string,
  messageCount: number,
  timing: MockReplyTiming,
  signal: AbortSignal,
  onEnd?: (info: MockStreamEndInfo) => void,
): AsyncGenerator<StreamPart> {
  const messageId = `msg-${fnv1a(`${messageCount}\u0000${prompt}`).toString(16).padStart(8, '0')}`;
  const textId = `${messageId}-text`;
  const tokenDelayMs = 1000 / timing.tokensPerSecond;
  let finished = false;
  try {
    yield { type: 'start', messageId };
    yield { type: 'step-start' };
    await delay(timing.ttftMs, signal);
    yield { type: 'text-start', id: textId };
    for (const [index, token] of tokenize(mockReplyText(prompt)).entries()) {
      if (index > 0) await delay(tokenDelayMs, signal);
      yield { type: 'text-delta', id: textId, delta: token };
    }
    yield { type: 'text-end', id: textId };
    yield { type: 'step-finish' };
    yield { type: 'finish', reason: 'stop' };
    finished = true;
  } finally {
    onEnd?.({ reason: finished ? 'finished' : 'cancelled' });
  }
}
