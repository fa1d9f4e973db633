import { pick, randomInt, seededRandom } from '../lib/seeded-random.ts';

const words = ['stream', 'token', 'reply', 'buffer', 'proxy', 'event', 'socket', 'render', 'frame', 'parser', 'model', 'client', 'server', 'retry', 'delta'];

function sentence(random: () => number): string {
  const length = randomInt(random, 6, 16);
  const parts = Array.from({ length }, () => pick(random, words));
  if (random() < 0.3) parts[randomInt(random, 0, length - 1)] = `**${pick(random, words)}**`;
  if (random() < 0.2) parts[randomInt(random, 0, length - 1)] = `\`${pick(random, words)}()\``;
  const text = parts.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function block(random: () => number, index: number): string {
  const kind = index % 7;
  if (kind === 2) return Array.from({ length: randomInt(random, 3, 6) }, () => `- ${sentence(random)}`).join('\n');
  if (kind === 4) {
    const lines = Array.from({ length: randomInt(random, 4, 10) }, (_, line) => `  const ${pick(random, words)}${line} = await read(${pick(random, words)});`);
    return ['```ts', 'async function handle() {', ...lines, '}', '```'].join('\n');
  }
  if (kind === 6) return `## ${sentence(random).slice(0, -1)}`;
  return Array.from({ length: randomInt(random, 2, 5) }, () => sentence(random)).join(' ');
}

/**
 * A long markdown reply of about `size` characters (paragraphs, lists, code blocks, headings) and the
 * deltas it streams in: 2–12 characters each, as model tokens come. The same seed gives the same text.
 */
export function longMarkdownReply(size: number): { text: string; deltas: string[] } {
  const random = seededRandom(50);
  const blocks: string[] = [];
  let length = 0;
  for (let index = 0; length < size; index++) {
    const next = block(random, index);
    blocks.push(next);
    length += next.length + 2;
  }
  const text = blocks.join('\n\n').slice(0, size);
  const deltas: string[] = [];
  for (let at = 0; at < text.length; ) {
    const step = randomInt(random, 2, 12);
    deltas.push(text.slice(at, at + step));
    at += step;
  }
  return { text, deltas };
}
