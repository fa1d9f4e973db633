import type { StreamPart } from '@streamkit/core';
import { createEncoder } from '@streamkit/server';
import { pick, randomInt, seededRandom } from './seeded-random.ts';

// LLM-sized tokens: mostly ASCII words with their space, some punctuation and newlines (escaped in
// the JSON). About 1 token in 30 is non-ASCII (dashes, quotes, accents, emoji, CJK), so the byte
// benchmarks cut multi-byte characters as real English replies do.
const ASCII_TOKENS = [
  'The ', 'stream', 'ing ', 'parser ', 'reads ', 'each ', 'event ', 'as ', 'soon ', 'as ', 'it ', 'arrives', '. ',
  'In ', 'practice', ', ', 'most ', 'tokens ', 'are ', 'short ', 'words ', 'with ', 'a ', 'space', '.\n\n', '- ',
  '**', 'note', '** ', '`code`', ' (', 'see ', 'below', ')', ': ', ' 42', '%', ' of ', 'the ', 'time', '\n', 'JSON ',
  '"key"', '{', '}', 'response', 'model ', 'server', '-sent ', 'events ', 'token', 'ization ',
];
const OTHER_TOKENS = ['café ', 'naïve ', '— ', '→ ', '“quoted” ', '🙂', 'über', 'straße ', '東京 ', '…'];

function token(random: () => number): string {
  return random() < 1 / 30 ? pick(random, OTHER_TOKENS) : pick(random, ASCII_TOKENS);
}

/**
 * A long session as the AI SDK's UI message stream protocol sends it (`data: <chunk JSON>\n\n`, no
 * `id:` lines, `data: [DONE]` last): replies of text deltas, some with reasoning and a streamed tool
 * call, encoded by our own server encoder. Exactly `events` events; the same text for a given count.
 */
export function uiMessageStreamCorpus(events: number): string {
  const random = seededRandom(7);
  const encoder = createEncoder('ui-message-stream');
  const frames: string[] = [];
  const add = (part: StreamPart): void => {
    for (const message of encoder.encode(part)) frames.push(`data: ${message.data}\n\n`);
  };
  // Reserve room for the closing parts of the last reply and [DONE].
  for (let reply = 0; frames.length < events - 4; reply++) {
    add({ type: 'start', messageId: `msg-${reply.toString(36).padStart(6, '0')}` });
    if (reply % 4 === 1) {
      add({ type: 'reasoning-start', id: `rs-${reply}` });
      for (let i = randomInt(random, 20, 120); i > 0 && frames.length < events - 6; i--) {
        add({ type: 'reasoning-delta', id: `rs-${reply}`, delta: token(random) });
      }
      add({ type: 'reasoning-end', id: `rs-${reply}` });
    }
    if (reply % 5 === 2) {
      const toolCallId = `call_${reply}`;
      add({ type: 'tool-input-start', toolCallId, toolName: 'search' });
      for (const delta of ['{"query":', '"weather in ', 'Paris', '","days"', ':3}']) add({ type: 'tool-input-delta', toolCallId, delta });
      add({ type: 'tool-input-available', toolCallId, toolName: 'search', input: { query: 'weather in Paris', days: 3 } });
    }
    const id = `txt-${reply}`;
    add({ type: 'text-start', id });
    for (let i = randomInt(random, 100, 900); i > 0 && frames.length < events - 4; i--) {
      add({ type: 'text-delta', id, delta: token(random) });
    }
    add({ type: 'text-end', id });
    if (frames.length < events - 2) add({ type: 'finish', reason: 'stop' });
  }
  while (frames.length < events - 1) add({ type: 'text-delta', id: 'txt-last', delta: 'end ' });
  frames.push('data: [DONE]\n\n');
  return frames.join('');
}
