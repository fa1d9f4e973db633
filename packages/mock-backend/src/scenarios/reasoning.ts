import { fnv1a } from '../fnv1a.ts';
import { mockReplyText } from '../reply-text.ts';
import { seededRandom } from '../seeded-random.ts';
import { subjectOf, withoutCommandWords } from './subject.ts';
import type { Scenario } from './types.ts';

const THOUGHTS = [
  'The user is asking about {topic}, so I should first work out what they most likely want to know.',
  'A definition alone would be too thin; one concrete example will make it stick.',
  'I should check whether there is a common misconception about {topic} worth clearing up.',
  'The order matters: the core idea first, then the details, then a short summary.',
  'They did not ask for much depth, so a few clear sentences should be enough.',
  'Let me make sure each step follows from the one before it.',
];

/** Three or four sentences of thinking about the prompt, chosen by its hash. */
export function reasoningText(prompt: string): string {
  const topic = subjectOf(prompt);
  const random = seededRandom(fnv1a(`reasoning\u0000${prompt.trim()}`));
  const pool = [...THOUGHTS];
  const count = 3 + Math.floor(random() * 2);
  const chosen = Array.from({ length: count }, () => pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return chosen.map((thought) => thought.replaceAll('{topic}', topic)).join(' ');
}

/** `reasoning`: a few sentences of thinking, then the plain answer to the prompt without its "think step by step". */
export const reasoningScenario: Scenario = ({ prompt }) => ({
  beats: [
    { type: 'reasoning', text: reasoningText(prompt) },
    { type: 'text', text: mockReplyText(withoutCommandWords(prompt)) },
  ],
  finishReason: 'stop',
});
