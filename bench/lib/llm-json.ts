import { pick, randomInt, seededRandom } from './seeded-random.ts';

const WORDS = (
  'the a of to and in for with on as by this that from is are was be can will it its at or an not your you our ' +
  'light compact durable travel kitchen garden outdoor premium classic modern wireless portable natural organic ' +
  'steel cotton leather bamboo ceramic glass wool recycled handmade adjustable waterproof lightweight everyday ' +
  'design comfort quality battery storage pocket strap handle lid bottle jacket lamp chair table backpack speaker ' +
  'keeps stays fits folds charges holds cleans lasts works feels looks ships includes supports protects'
).split(' ');
const NAMES = ['Ada', 'Grace', 'Linus', 'Margaret', 'Alan', 'Barbara', 'Ken', 'Radia', 'Dennis', 'Frances', 'Tim', 'Katherine'];
const CATEGORIES = ['home', 'outdoor', 'kitchen', 'travel', 'office', 'audio'];

function sentence(random: () => number, min: number, max: number): string {
  const words = Array.from({ length: randomInt(random, min, max) }, () => pick(random, WORDS));
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function item(random: () => number, id: number): unknown {
  return {
    id,
    name: `${sentence(random, 2, 4).slice(0, -1)}`,
    description: [sentence(random, 8, 20), sentence(random, 6, 16)].join(' '),
    category: pick(random, CATEGORIES),
    price: Math.round(random() * 50000) / 100,
    rating: Math.round((1 + random() * 4) * 10) / 10,
    inStock: random() < 0.8,
    tags: Array.from({ length: randomInt(random, 1, 4) }, () => pick(random, WORDS)),
    dimensions: { width: randomInt(random, 5, 120), height: randomInt(random, 5, 120), depth: randomInt(random, 1, 60), unit: 'cm' },
    reviews: Array.from({ length: randomInt(random, 0, 2) }, () => ({
      author: pick(random, NAMES),
      stars: randomInt(random, 1, 5),
      text: sentence(random, 5, 18),
    })),
  };
}

/**
 * A JSON document as an LLM writes structured output: compact (no whitespace), an object holding a
 * title, a summary and an array of product objects with strings, numbers, booleans, a nested
 * object and nested arrays. About `bytes` long (a little over); the same text for a given size.
 */
export function llmJSON(bytes: number): string {
  const random = seededRandom(bytes);
  const items: unknown[] = [];
  const document = { title: 'Product recommendations', summary: sentence(random, 12, 30), items };
  let length = JSON.stringify(document).length;
  while (length < bytes) {
    const next = item(random, items.length + 1);
    items.push(next);
    length += JSON.stringify(next).length + 1;
  }
  return JSON.stringify(document);
}
