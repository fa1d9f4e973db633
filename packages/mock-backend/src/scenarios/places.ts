// Words that follow "in"/"to"/"for" without naming a place ("weather for today", "in the morning").
const NOT_PLACES = new Set(
  'a an the my our your this that these those today tonight tomorrow now here there me us it them weather week weekend morning evening days day'.split(' '),
);

const PLACE_AFTER = /\b(?:in|for|at|to|and|vs|versus|between|visit|visiting)\s+([\p{L}][\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)/gu;

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * The places a prompt names, in order and without repeats: a word after "in", "for", "to", "and"… plus
 * the capitalized words that follow it ("weather in New York and oslo" → ["New York", "Oslo"]).
 */
export function placesIn(prompt: string): string[] {
  const places: string[] = [];
  for (const match of prompt.matchAll(PLACE_AFTER)) {
    const words = match[1]!.split(/\s+/);
    if (NOT_PLACES.has(words[0]!.toLowerCase())) continue;
    const place = words.map(capitalize).join(' ');
    if (!places.includes(place)) places.push(place);
  }
  return places;
}
