import type { JSONPath } from '@streamkit/core';
import type { FieldSpec } from './field-spec.ts';
import { setAt } from './form-value.ts';

/** One notification of an object store, as a `StreamingForm` receives it. */
export interface FormSnapshot {
  object: unknown;
  activePath: JSONPath | undefined;
  isComplete: (path: JSONPath) => boolean;
}

const pathKey = (path: JSONPath) => JSON.stringify(path.map(String));

/**
 * The snapshots an object store would publish while a model writes `final` as JSON, `charsPerStep`
 * characters of each string at a time. Built from the finished object (ui may not run core's parser),
 * following the same rules: a container shows as soon as it opens, a string grows from its opening
 * quote, a number or literal appears whole, and the active path is the value being written.
 */
export function snapshotsOf(final: unknown, charsPerStep = 4): FormSnapshot[] {
  const snapshots: FormSnapshot[] = [];
  const completed = new Set<string>();
  let object: unknown;

  function emit(activePath: JSONPath | undefined) {
    const done = new Set(completed);
    snapshots.push({ object, activePath, isComplete: (path) => done.has(pathKey(path)) });
  }

  function write(path: JSONPath, value: unknown) {
    if (Array.isArray(value)) {
      object = setAt(object, path, []);
      emit(path);
      value.forEach((item, index) => write([...path, index], item));
    } else if (typeof value === 'object' && value !== null) {
      object = setAt(object, path, {});
      emit(path);
      for (const [key, member] of Object.entries(value)) write([...path, key], member);
    } else if (typeof value === 'string') {
      for (let end = 0; end === 0 || end < value.length + charsPerStep; end += charsPerStep) {
        object = setAt(object, path, value.slice(0, end));
        emit(path);
      }
    } else {
      emit(path);
      object = setAt(object, path, value);
    }
    completed.add(pathKey(path));
  }

  write([], final);
  emit(undefined);
  return snapshots;
}

export const itineraryFields: FieldSpec[] = [
  { name: 'title', label: 'Trip name', required: true },
  { name: 'destination', required: true },
  { name: 'startDate', kind: 'date' },
  { name: 'travelers', kind: 'number' },
  { name: 'pace', kind: 'select', options: ['relaxed', 'balanced', 'packed'] },
  {
    name: 'days',
    array: {
      of: [
        { name: 'title' },
        { name: 'activities', array: { of: [{ name: 'time' }, { name: 'name', label: 'Activity' }] } },
      ],
    },
  },
  { name: 'notes', kind: 'textarea' },
];

export const itinerary = {
  title: 'Three days in Lisbon',
  destination: 'Lisbon, Portugal',
  startDate: '2025-05-14',
  travelers: 2,
  pace: 'balanced',
  days: [
    {
      title: 'Alfama and the castle',
      activities: [
        { time: '09:30', name: 'Tram 28 to Graça' },
        { time: '11:00', name: 'São Jorge Castle' },
        { time: '19:30', name: 'Fado dinner in Alfama' },
      ],
    },
    {
      title: 'Belém by the river',
      activities: [
        { time: '10:00', name: 'Jerónimos Monastery' },
        { time: '12:30', name: 'Pastéis de Belém' },
      ],
    },
    {
      title: 'Day trip to Sintra',
      activities: [
        { time: '08:45', name: 'Train from Rossio' },
        { time: '10:30', name: 'Pena Palace' },
      ],
    },
  ],
  notes: 'Buy a Viva Viagem card on arrival; the castle queue is shortest before 11.',
};

/** As `z.toJSONSchema` writes it for the itinerary, nested lists and all. */
export const itinerarySchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    title: { type: 'string', title: 'Trip name' },
    destination: { type: 'string' },
    startDate: { type: 'string', format: 'date' },
    travelers: { type: 'integer', minimum: 1 },
    pace: { type: 'string', enum: ['relaxed', 'balanced', 'packed'] },
    days: {
      type: 'array',
      items: {
        type: 'object',
        title: 'Day',
        properties: {
          title: { type: 'string' },
          activities: {
            type: 'array',
            items: { $ref: '#/$defs/activity' },
          },
        },
        required: ['title', 'activities'],
        additionalProperties: false,
      },
    },
    notes: { type: ['string', 'null'], maxLength: 2000, description: 'Anything the traveller should know.' },
  },
  required: ['title', 'destination', 'startDate', 'travelers', 'pace', 'days'],
  additionalProperties: false,
  $defs: {
    activity: {
      type: 'object',
      properties: { time: { type: 'string' }, name: { type: 'string', title: 'Activity' } },
      required: ['time', 'name'],
    },
  },
} as const;

export const recipeSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', title: 'Recipe' },
    servings: { type: 'integer' },
    difficulty: { type: 'string', enum: ['easy', 'medium', 'hard'] },
    vegetarian: { type: 'boolean' },
    source: { type: 'string', format: 'uri' },
    ingredients: {
      type: 'array',
      items: {
        type: 'object',
        properties: { quantity: { type: 'string' }, item: { type: 'string' } },
        required: ['quantity', 'item'],
      },
    },
    steps: { type: 'array', items: { type: 'string', title: 'Step' } },
  },
  required: ['name', 'servings', 'ingredients', 'steps'],
};

export const recipe = {
  name: 'Shakshuka',
  servings: 4,
  difficulty: 'easy',
  vegetarian: true,
  source: 'https://example.com/recipes/shakshuka',
  ingredients: [
    { quantity: '2 tbsp', item: 'olive oil' },
    { quantity: '1', item: 'onion, sliced' },
    { quantity: '2', item: 'red peppers, sliced' },
    { quantity: '800 g', item: 'chopped tomatoes' },
    { quantity: '6', item: 'eggs' },
  ],
  steps: [
    'Soften the onion and peppers in the oil for 10 minutes.',
    'Add the tomatoes and simmer until thick.',
    'Make six wells, crack in the eggs, cover and cook for 8 minutes.',
  ],
};

export const contactFields: FieldSpec[] = [
  { name: 'name', required: true },
  { name: 'email', kind: 'email', required: true },
  { name: 'company' },
  { name: 'topic', kind: 'select', options: ['Sales', 'Support', 'Partnership'] },
  { name: 'message', kind: 'textarea', description: 'Drafted by the assistant from your chat.' },
  { name: 'subscribe', label: 'Send me product updates', kind: 'boolean' },
];

export const contact = {
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  company: 'Analytical Engines Ltd',
  topic: 'Sales',
  message: 'We would like a quote for 40 seats, billed yearly, starting next month.',
  subscribe: false,
};
