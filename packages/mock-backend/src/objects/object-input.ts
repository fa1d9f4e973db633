/** The object route's scenarios: three documents, one broken mid-way and one with the wrong shape. */
export const objectScenarioNames = ['itinerary', 'contact', 'recipe', 'malformed', 'schema-mismatch'] as const;

export type ObjectScenarioName = (typeof objectScenarioNames)[number];

/** The `input` of `POST {basePath}/object` (`{ id, input }`). */
export interface MockObjectInput {
  /** Chooses the document; without it the keywords of `prompt` and `text` do. */
  scenario?: ObjectScenarioName;
  /** What the user asked for, e.g. "Plan a 4-day trip to Lisbon". */
  prompt?: string;
  /** Pasted text to extract from (the `contact` scenario reads names, emails and phones in it). */
  text?: string;
}

export const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;

/**
 * The scenario of an input: its `scenario`, else keywords, case-insensitive, in `prompt` and `text`:
 * "trip" or "itinerary" → itinerary, "recipe" → recipe, "contact" or an email address → contact;
 * itinerary when nothing matches.
 */
export function pickObjectScenario(input: MockObjectInput): ObjectScenarioName {
  if (input.scenario) return input.scenario;
  const words = `${input.prompt ?? ''}\n${input.text ?? ''}`;
  if (/\btrip|\bitinerar/i.test(words)) return 'itinerary';
  if (/\brecipe/i.test(words)) return 'recipe';
  if (/\bcontact/i.test(words) || EMAIL.test(words)) return 'contact';
  return 'itinerary';
}

export function isObjectScenarioName(name: unknown): name is ObjectScenarioName {
  return (objectScenarioNames as readonly unknown[]).includes(name);
}
