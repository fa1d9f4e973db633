import type { StreamPart } from '@streamkit/core';
import { delay } from './delay.ts';
import { fnv1a } from './fnv1a.ts';
import { mockReplyText } from './reply-text.ts';
import { tokenize } from './tokenize.ts';

export interface MockReplyTiming {
  ttftMs: number;
  tokensPerSecond: number;
  /** A silence of `ms` before the part at index `beforePart` (a server tool at work). Default: none. */
  pause?: { beforePart: number; ms: number };
}

/** Why a reply stream ended: it sent `finish`, or it was cancelled first (client gone, stop, shutdown). */
export interface MockStreamEndInfo {
  reason: 'finished' | 'cancelled';
}

/**
 * The scripted model's reply as StreamParts: start, step-start, the text one token at a time,
 * text-end, step-finish, finish. The message id hashes the prompt and the conversation length, so
 * a request always gets the same id while the same question asked twice in one chat gets two.
 */
export function mockReplyParts(prompt: string, messageCount: number): StreamPart[] {
  const messageId = `msg-${fnv1a(`${messageCount}\u0000${prompt}`).toString(16).padStart(8, '0')}`;
  const textId = `${messageId}-text`;
  return [
    { type: 'start', messageId },
    { type: 'step-start' },
    { type: 'text-start', id: textId },
    ...tokenize(mockReplyText(prompt)).map((token): StreamPart => ({ type: 'text-delta', id: textId, delta: token })),
    { type: 'text-end', id: textId },
    { type: 'step-finish' },
    { type: 'finish', reason: 'stop' },
  ];
}

/**
 * Plays `parts` in model time: `ttftMs` before the text starts, then one token per
 * `1000 / tokensPerSecond` ms. Every wait ends as soon as `signal` aborts.
 */
export async function* playMockReply(
  parts: StreamPart[],
  timing: MockReplyTiming,
  signal: AbortSignal,
  onEnd?: (info: MockStreamEndInfo) => void,
): AsyncGenerator<StreamPart> {
  const tokenDelayMs = 1000 / timing.tokensPerSecond;
  let finished = false;
  let firstDelta = true;
  try {
    for (const [index, part] of parts.entries()) {
      if (index === timing.pause?.beforePart) await delay(timing.pause.ms, signal);
      if (part.type === 'text-start') await delay(timing.ttftMs, signal);
      if (part.type === 'text-delta' && !firstDelta) await delay(tokenDelayMs, signal);
      if (part.type === 'text-delta') firstDelta = false;
      yield part;
    }
    finished = true;
  } finally {
    onEnd?.({ reason: finished ? 'finished' : 'cancelled' });
  }
}
