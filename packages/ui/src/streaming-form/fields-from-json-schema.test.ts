import { describe, expect, it } from 'vitest';
import { fieldsFromJSONSchema } from './fields-from-json-schema.ts';
import { itinerarySchema, recipeSchema } from './form-fixtures.ts';
import type { FieldSpec } from './field-spec.ts';

function withoutFunctions(fields: FieldSpec[]): unknown {
  return JSON.parse(JSON.stringify(fields));
}

describe('fieldsFromJSONSchema', () => {
  it('builds an itinerary: formats, enums, nested rows through a $ref, a long nullable string as a textarea', () => {
    const fields = fieldsFromJSONSchema(itinerarySchema);
    expect(withoutFunctions(fields)).toEqual([
      { name: 'title', label: 'Trip name', kind: 'text', required: true },
      { name: 'destination', kind: 'text', required: true },
      { name: 'startDate', kind: 'date', required: true },
      { name: 'travelers', kind: 'number', required: true },
      { name: 'pace', kind: 'select', options: ['relaxed', 'balanced', 'packed'], required: true },
      {
        name: 'days',
        array: {
          of: [
            { name: 'title', kind: 'text', required: true },
            { name: 'activities', array: { of: [{ name: 'time', kind: 'text', required: true }, { name: 'name', label: 'Activity', kind: 'text', required: true }] } },
          ],
        },
      },
      { name: 'notes', kind: 'textarea', description: 'Anything the traveller should know.' },
    ]);
  });

  it('names rows after the items title', () => {
    const days = fieldsFromJSONSchema(itinerarySchema).find((field) => field.name === 'days');
    expect(days?.array?.itemLabel?.(1)).toBe('Day 2');
  });

  it('builds a recipe: a boolean, a url, rows of ingredients and a list of plain steps', () => {
    const fields = fieldsFromJSONSchema(recipeSchema);
    expect(withoutFunctions(fields)).toEqual([
      { name: 'name', label: 'Recipe', kind: 'text', required: true },
      { name: 'servings', kind: 'number', required: true },
      { name: 'difficulty', kind: 'select', options: ['easy', 'medium', 'hard'] },
      { name: 'vegetarian', kind: 'boolean' },
      { name: 'source', kind: 'url' },
      { name: 'ingredients', array: { of: [{ name: 'quantity', kind: 'text', required: true }, { name: 'item', kind: 'text', required: true }] } },
      { name: 'steps', array: { of: 'text' } },
    ]);
    expect(fields.find((field) => field.name === 'steps')?.array?.itemLabel?.(0)).toBe('Step 1');
  });

  it('turns a nested object into a group', () => {
    const fields = fieldsFromJSONSchema({
      type: 'object',
      properties: { address: { type: 'object', title: 'Shipping address', properties: { city: { type: 'string' } } } },
    });
    expect(fields).toEqual([{ name: 'address', label: 'Shipping address', fields: [{ name: 'city', kind: 'text' }] }]);
  });

  it('unwraps a nullable anyOf, as zod writes .nullable() on an object', () => {
    const fields = fieldsFromJSONSchema({
      type: 'object',
      properties: { email: { anyOf: [{ type: 'string', format: 'email' }, { type: 'null' }] } },
    });
    expect(fields).toEqual([{ name: 'email', kind: 'email' }]);
  });

  it('gives an array of enum values its options', () => {
    const fields = fieldsFromJSONSchema({
      type: 'object',
      properties: { tags: { type: 'array', items: { type: 'string', enum: ['beach', 'city'] } } },
    });
    expect(withoutFunctions(fields)).toEqual([{ name: 'tags', array: { of: 'select' }, options: ['beach', 'city'] }]);
  });

  it('stops at a recursive $ref instead of unfolding forever', () => {
    const fields = fieldsFromJSONSchema({
      $ref: '#/$defs/node',
      $defs: { node: { type: 'object', properties: { name: { type: 'string' }, child: { $ref: '#/$defs/node' } } } },
    });
    expect(fields[0]).toEqual({ name: 'name', kind: 'text' });
    expect(fields[1]?.name).toBe('child');
  });

  it('throws a TypeError that says the fix when the root is not an object schema', () => {
    expect(() => fieldsFromJSONSchema({ type: 'string' })).toThrow(TypeError);
    expect(() => fieldsFromJSONSchema({ type: 'string' })).toThrow(/object schema with "properties" \(got string\)/);
  });
});
