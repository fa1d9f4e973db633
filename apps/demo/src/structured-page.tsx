import type { WireFormat } from '@streamkit/core';
import { useStreamingObject } from '@streamkit/react';
import { ConnectionStatus, StreamingForm, StreamMetrics, type FieldSpec } from '@streamkit/ui';
import { useState } from 'react';
import { requestOptionsFromLocation } from './request-options.ts';

type Scenario = 'itinerary' | 'contact' | 'recipe' | 'malformed' | 'schema-mismatch';

const scenarios: { id: Scenario; label: string; prompt: string; fields: FieldSpec[] }[] = [
  {
    id: 'itinerary',
    label: 'Trip itinerary',
    prompt: 'Plan a three-day trip to Lisbon',
    fields: [
      { name: 'destination' },
      {
        name: 'days',
        array: {
          of: [{ name: 'day', kind: 'number' }, { name: 'title' }, { name: 'activities', array: { of: [{ name: 'time' }, { name: 'name' }, { name: 'notes', kind: 'textarea' }] } }],
        },
      },
      { name: 'budget', fields: [{ name: 'currency' }, { name: 'total', kind: 'number' }] },
    ],
  },
  {
    id: 'contact',
    label: 'Contact from pasted text',
    prompt: 'Ada Lovelace, Analytical Engines Ltd, lead engineer — ada@example.com, +44 20 7946 0958',
    fields: [{ name: 'name' }, { name: 'email', kind: 'email' }, { name: 'phone' }, { name: 'company' }, { name: 'role' }],
  },
  {
    id: 'recipe',
    label: 'Recipe',
    prompt: 'A recipe for pancakes',
    fields: [
      { name: 'title' },
      { name: 'servings', kind: 'number' },
      { name: 'ingredients', array: { of: [{ name: 'item' }, { name: 'quantity', kind: 'number' }, { name: 'unit' }] } },
      { name: 'steps', array: { of: 'text' } },
    ],
  },
  { id: 'malformed', label: 'Malformed JSON', prompt: 'Plan a trip (the model breaks its JSON)', fields: [{ name: 'destination' }, { name: 'days', array: { of: [{ name: 'title' }] } }] },
  { id: 'schema-mismatch', label: 'Schema mismatch', prompt: 'Plan a trip (the model ignores the schema)', fields: [{ name: 'destination' }, { name: 'days', array: { of: [{ name: 'title' }] } }] },
];

const requestOptions = requestOptionsFromLocation();

/** Days must be an array: what the schema-mismatch scenario breaks. A zod or valibot schema fits here just as well. */
const tripSchema = {
  '~standard': {
    version: 1 as const,
    vendor: 'streamkit-demo',
    validate: (value: unknown) => {
      const days = (value as { days?: unknown } | undefined)?.days;
      return days === undefined || Array.isArray(days) ? { value } : { issues: [{ message: 'Expected "days" to be a list', path: ['days'] }] };
    },
  },
};

export function StructuredPage() {
  const [scenario, setScenario] = useState(scenarios[0]!);
  const [submitted, setSubmitted] = useState<unknown>();
  const stream = useStreamingObject({
    api: '/api/object',
    headers: requestOptions.headers,
    schema: tripSchema,
    ...(requestOptions.format ? { format: requestOptions.format as WireFormat } : {}),
  });

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3 overflow-auto">
      <div className="flex flex-wrap items-center gap-2">
        {scenarios.map((item) => (
          <button
            key={item.id}
            type="button"
            aria-pressed={item.id === scenario.id}
            className="rounded-full border border-sk-border px-3 py-1 text-sm aria-pressed:bg-sk-muted"
            onClick={() => {
              setScenario(item);
              setSubmitted(undefined);
              void stream.submit({ scenario: item.id, prompt: item.prompt, text: item.prompt });
            }}
          >
            {item.label}
          </button>
        ))}
        {(stream.status === 'streaming' || stream.status === 'submitted') && (
          <button type="button" className="rounded-full border border-sk-border px-3 py-1 text-sm" onClick={stream.stop}>
            Stop
          </button>
        )}
      </div>
      <p className="text-sm text-sk-muted-foreground">{scenario.prompt}</p>
      <StreamingForm
        title={scenario.label}
        fields={scenario.fields}
        value={stream.object}
        status={stream.status}
        activePath={stream.activePath}
        isComplete={stream.isComplete}
        error={stream.error}
        onSubmit={setSubmitted}
      />
      <div className="flex items-center justify-between gap-3">
        <ConnectionStatus connection={stream.connection} status={stream.status} error={stream.error} />
        <StreamMetrics metrics={stream.metrics} compact />
      </div>
      {submitted !== undefined && (
        <pre data-testid="submitted" className="overflow-auto rounded-lg border border-sk-border p-3 text-xs">
          {JSON.stringify(submitted, null, 2)}
        </pre>
      )}
    </div>
  );
}
