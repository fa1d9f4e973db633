import type { JSONValue } from '@streamkit/core';
import { mockContact, type Contact } from './contact.ts';
import { mockItinerary, type Itinerary } from './itinerary.ts';
import { pickObjectScenario, type MockObjectInput } from './object-input.ts';
import { mockRecipe, type Recipe } from './recipe.ts';

/** The objects the route can finish with; `undefined` for `malformed`, whose text never parses. */
export type MockObject = Itinerary | Contact | Recipe | { [key: string]: JSONValue };

/** The itinerary's text with the comma nearest its middle removed: valid JSON up to there, a syntax error from there. */
function malformedText(prompt: string | undefined): string {
  const text = JSON.stringify(mockItinerary(prompt), null, 2);
  const commas = [...text.matchAll(/,\n/g)].map((match) => match.index);
  const middle = commas.reduce((best, at) => (Math.abs(at - text.length / 2) < Math.abs(best - text.length / 2) ? at : best));
  return text.slice(0, middle) + text.slice(middle + 1);
}

/** Valid JSON that breaks the itinerary's schema: `days` is a sentence, not an array, and the total is text. */
function schemaMismatch(prompt: string | undefined): { [key: string]: JSONValue } {
  const itinerary = mockItinerary(prompt);
  return {
    destination: itinerary.destination,
    days: `${itinerary.days.length} days of sightseeing in ${itinerary.destination}`,
    budget: { currency: itinerary.budget.currency, total: `about ${itinerary.budget.total}` },
  };
}

/**
 * The object the route streams for `input`, as `JSON.parse` of its text returns it, so tests can
 * compare a client's final object with it; `undefined` for `malformed`.
 */
export function mockObjectFor(input: MockObjectInput): MockObject | undefined {
  switch (pickObjectScenario(input)) {
    case 'itinerary':
      return mockItinerary(input.prompt ?? input.text);
    case 'contact':
      return mockContact(input.text ?? input.prompt);
    case 'recipe':
      return mockRecipe(input.prompt ?? input.text);
    case 'schema-mismatch':
      return schemaMismatch(input.prompt);
    case 'malformed':
      return undefined;
  }
}

/** The JSON text the route streams for `input` (without the fence or lead-in the itinerary gets), pretty-printed like a model writes it. */
export function mockObjectText(input: MockObjectInput): string {
  if (pickObjectScenario(input) === 'malformed') return malformedText(input.prompt);
  return JSON.stringify(mockObjectFor(input), null, 2);
}

/**
 * Everything the model "writes" for `input`: the itinerary as a ```json fence after a lead-in line,
 * every other document bare, so a client's fenced and bare paths are both exercised.
 */
export function mockObjectDocument(input: MockObjectInput): string {
  const json = mockObjectText(input);
  return pickObjectScenario(input) === 'itinerary' ? `Here is the itinerary:\n\n\`\`\`json\n${json}\n\`\`\`\n` : json;
}
