import { describe, expect, it } from 'vitest';
import type { Itinerary } from './itinerary.ts';
import { mockObjectDocument, mockObjectFor, mockObjectText } from './mock-object.ts';
import { pickObjectScenario } from './object-input.ts';
import type { Recipe } from './recipe.ts';

describe('pickObjectScenario', () => {
  it.each([
    [{ scenario: 'recipe' as const, prompt: 'a trip' }, 'recipe'],
    [{ prompt: 'Plan a trip to Rome' }, 'itinerary'],
    [{ prompt: 'My itinerary please' }, 'itinerary'],
    [{ prompt: 'A recipe for four' }, 'recipe'],
    [{ prompt: 'Extract the contact' }, 'contact'],
    [{ text: 'write to jo@example.com' }, 'contact'],
    [{}, 'itinerary'],
  ])('%j → %s', (input, scenario) => {
    expect(pickObjectScenario(input)).toBe(scenario);
  });
});

describe('mockObjectFor', () => {
  it('plans 3 days in the place the prompt names, each with timed activities, and a budget', () => {
    const itinerary = mockObjectFor({ prompt: 'Plan a trip to Kyoto' }) as Itinerary;
    expect(itinerary.destination).toBe('Kyoto');
    expect(itinerary.days.map((day) => day.day)).toEqual([1, 2, 3]);
    for (const day of itinerary.days) expect(day.activities[0]).toEqual({ time: expect.stringMatching(/^\d\d:\d\d$/), name: expect.any(String), notes: expect.any(String) });
    expect(itinerary.budget).toEqual({ currency: 'EUR', total: 540 });
  });

  it('plans 4 days when the prompt asks for 4 or more, and Lisbon when it names no place', () => {
    const itinerary = mockObjectFor({ prompt: 'A 5-day itinerary' }) as Itinerary;
    expect(itinerary.days).toHaveLength(4);
    expect(itinerary.destination).toBe('Lisbon');
  });

  it('scales the recipe to the servings asked for', () => {
    const recipe = mockObjectFor({ prompt: 'recipe for 2' }) as Recipe;
    expect(recipe.servings).toBe(2);
    expect(recipe.ingredients[0]).toEqual({ item: 'spaghetti', quantity: 200, unit: 'g' });
    expect(recipe.steps.length).toBeGreaterThan(3);
  });

  it('makes pancakes when the prompt asks for them', () => {
    expect((mockObjectFor({ prompt: 'A recipe for pancakes' }) as Recipe).title).toBe('Fluffy pancakes');
  });

  it('has no object for malformed, whose text fails to parse', () => {
    expect(mockObjectFor({ scenario: 'malformed' })).toBeUndefined();
    expect(() => JSON.parse(mockObjectText({ scenario: 'malformed' }))).toThrow(SyntaxError);
    expect(mockObjectText({ scenario: 'malformed' })).toMatch(/^\{\n {2}"destination": "Lisbon",/);
  });

  it('gives schema-mismatch valid JSON whose days is a string', () => {
    const value = JSON.parse(mockObjectText({ scenario: 'schema-mismatch' })) as { days: unknown };
    expect(value).toEqual(mockObjectFor({ scenario: 'schema-mismatch' }));
    expect(typeof value.days).toBe('string');
  });
});

describe('mockObjectDocument', () => {
  it('fences the itinerary in ```json after a lead-in line', () => {
    const input = { scenario: 'itinerary' as const };
    expect(mockObjectDocument(input)).toBe(`Here is the itinerary:\n\n\`\`\`json\n${mockObjectText(input)}\n\`\`\`\n`);
  });

  it.each(['contact', 'recipe', 'malformed', 'schema-mismatch'] as const)('writes %s bare', (scenario) => {
    expect(mockObjectDocument({ scenario })).toBe(mockObjectText({ scenario }));
  });
});
