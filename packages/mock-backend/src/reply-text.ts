import { fnv1a } from './fnv1a.ts';
import { pick, seededRandom } from './seeded-random.ts';

const OPENINGS = [
  'Here is a short overview of {topic}.',
  'Good question: it pays to understand {topic} well.',
  "Let's walk through {topic} step by step.",
  "There is a lot to say about {topic}, so let's start with the essentials.",
  'In short, the idea behind {topic} is simpler than it first looks.',
];

const BODY = [
  'At the heart of {topic} are a few ideas that build on each other.',
  'A useful way to approach {topic} is to start from the questions people were trying to answer.',
  'Most people first meet {topic} through a concrete example, and that is a good place to start.',
  'The details matter less than the overall shape, at least at first.',
  'Experts disagree about some finer points, but the basics are well established.',
  'One common mistake is to make {topic} sound more complicated than necessary.',
  'Ideas like this tend to evolve slowly, one small improvement at a time.',
  'In practice, the easiest way to learn about {topic} is to try things and see what happens.',
  'There are trade-offs, and knowing them tells you what matters most about {topic}.',
  'It also helps to compare {topic} with the alternatives, since the differences are instructive.',
];

const CLOSINGS = [
  'To sum up, learning about {topic} rewards curiosity and patience.',
  'If you want to go deeper, try explaining {topic} to someone else in your own words.',
  'I hope this gives you a clear starting point.',
  'Feel free to ask a follow-up question about any part of it.',
];

/** Words that frame a question rather than name its subject ("tell me about", "what is a"). */
const LEADING_FILLER = new Set(
  ('a an the me my i you your we us our please tell explain describe what whats what’s what\'s how why who ' +
    'when where which is are was were do does did can could would should will about of to in on for with ' +
    'give show write some something briefly quickly summarize hi hello hey it this that they them these those')
    .split(' '),
);

/** Words that end a question without being part of its subject ("how does X work?"). */
const TRAILING_FILLER = new Set(
  'a an the of to in on for with and or is are do does work works mean means happen happens matter matters please me us you'.split(' '),
);

const MAX_TOPIC_WORDS = 6;

/** The subject of the prompt, as the user wrote it: "Tell me about the history of Rome?" → "history of Rome". */
export function topicOf(prompt: string): string {
  const words = prompt.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  let start = 0;
  while (start < words.length && LEADING_FILLER.has(words[start]!.toLowerCase())) start++;
  const kept = words.slice(start, start + MAX_TOPIC_WORDS);
  while (kept.length > 0 && TRAILING_FILLER.has(kept[kept.length - 1]!.toLowerCase())) kept.pop();
  return kept.length > 0 ? kept.join(' ') : 'this topic';
}

/**
 * The mock model's answer to `prompt`: 3–6 sentences about its topic (an opening, one to four body
 * sentences without repeats, a closing), chosen by the FNV-1a hash of the prompt, so the same prompt
 * always gets the same reply.
 */
export function mockReplyText(prompt: string): string {
  const topic = topicOf(prompt);
  const random = seededRandom(fnv1a(prompt.trim()));
  const sentenceCount = 3 + Math.floor(random() * 4);
  const body = [...BODY];
  const sentences = [pick(OPENINGS, random)];
  for (let i = 0; i < sentenceCount - 2; i++) {
    sentences.push(body.splice(Math.floor(random() * body.length), 1)[0]!);
  }
  sentences.push(pick(CLOSINGS, random));
  return sentences.map((sentence) => sentence.replaceAll('{topic}', topic)).join(' ');
}
