import type { StreamPart } from '../stream-part.ts';
import { appendPart, findLastPartIndex, replacePart } from './part-updates.ts';
import type { ReasoningPart, TextPart, UIMessage } from './types.ts';

type TextLikePart = TextPart | ReasoningPart;
type TextLikeStreamPart = Extract<
  StreamPart,
  { type: 'text-start' | 'text-delta' | 'text-end' | 'reasoning-start' | 'reasoning-delta' | 'reasoning-end' }
>;

/** Text and reasoning stream alike: start opens a part, deltas append, end settles it. */
export function applyTextLikePart(message: UIMessage, part: TextLikeStreamPart): UIMessage {
  const kind: TextLikePart['type'] = part.type.startsWith('text') ? 'text' : 'reasoning';
  const index = findLastPartIndex(message, (candidate) => candidate.type === kind && candidate.id === part.id);
  const existing = index === -1 ? undefined : (message.parts[index] as TextLikePart);

  switch (part.type) {
    case 'text-start':
    case 'reasoning-start':
      if (existing?.state === 'streaming') return message;
      return appendPart(message, { type: kind, id: part.id, text: '', state: 'streaming' });
    case 'text-delta':
    case 'reasoning-delta': {
      if (part.delta === '') return message;
      // A delta without its start still carries text worth keeping: open the part implicitly.
      if (!existing) return appendPart(message, { type: kind, id: part.id, text: part.delta, state: 'streaming' });
      return replacePart(message, index, { ...existing, text: existing.text + part.delta, state: 'streaming' });
    }
    case 'text-end':
    case 'reasoning-end': {
      const redacted = part.type === 'reasoning-end' && part.redacted === true;
      if (!existing) {
        return redacted ? appendPart(message, { type: 'reasoning', id: part.id, text: '', state: 'done', redacted }) : message;
      }
      if (existing.state === 'done' && !redacted) return message;
      const settledPart: TextLikePart = { ...existing, state: 'done' };
      if (redacted && settledPart.type === 'reasoning') settledPart.redacted = true;
      return replacePart(message, index, settledPart);
    }
  }
}
