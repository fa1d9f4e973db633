import { syncScheduler, type StandardSchemaV1 } from '@streamkit/core';
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useStreamingObject } from './use-streaming-object.ts';

const encoder = new TextEncoder();
const frame = (chunk: object) => encoder.encode(`data: ${JSON.stringify(chunk)}\n\n`);

/** A fetch whose SSE body the test writes piece by piece. */
function openFetch() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const fetch = (async () => new Response(body, { headers: { 'Content-Type': 'text/event-stream' } })) as typeof globalThis.fetch;
  return {
    fetch,
    delta: (text: string) => controller.enqueue(frame({ type: 'text-delta', id: 't', delta: text })),
    finish: () => {
      controller.enqueue(frame({ type: 'finish' }));
      controller.close();
    },
  };
}

const tripSchema: StandardSchemaV1<{ city: string; days: number }> = {
  '~standard': {
    version: 1,
    vendor: 'test',
    validate: (value) => {
      const trip = value as { city?: unknown; days?: unknown };
      return typeof trip.city === 'string' && typeof trip.days === 'number'
        ? { value: { city: trip.city, days: trip.days } }
        : { issues: [{ message: 'Expected city and days', path: ['days'] }] };
    },
  },
};

const flush = () => act(async () => void (await new Promise((resolve) => setTimeout(resolve, 0))));

describe('useStreamingObject', () => {
  it('shows the object growing, the active path, and the validated result', async () => {
    const server = openFetch();
    const { result } = renderHook(() => useStreamingObject({ api: '/api/trip', fetch: server.fetch, schema: tripSchema, scheduler: syncScheduler }));
    let done: Promise<void> | undefined;
    act(() => {
      done = result.current.submit({ prompt: 'Lisbon' });
    });
    expect(result.current.status).toBe('submitted');

    server.delta('{"city": "Lis');
    await flush();
    expect(result.current.object).toEqual({ city: 'Lis' });
    expect(result.current.activePath).toEqual(['city']);
    expect(result.current.isComplete('city')).toBe(false);

    server.delta('bon", "days": 3}');
    server.finish();
    await act(async () => done);
    expect(result.current).toMatchObject({ status: 'ready', error: undefined, object: { city: 'Lisbon', days: 3 } });
    expect(result.current.isComplete('city')).toBe(true);
  });

  it('fails schema validation with a typed error and keeps the object', async () => {
    const server = openFetch();
    const { result } = renderHook(() => useStreamingObject({ api: '/api/trip', fetch: server.fetch, schema: tripSchema, scheduler: syncScheduler }));
    let done: Promise<void> | undefined;
    act(() => {
      done = result.current.submit({});
    });
    server.delta('{"city": "Lisbon"}');
    server.finish();
    await act(async () => done);
    expect(result.current.status).toBe('error');
    expect(result.current.error?.code).toBe('object/schema-mismatch');
    expect(result.current.object).toEqual({ city: 'Lisbon' });
  });

  it('stop keeps what arrived', async () => {
    const server = openFetch();
    const { result } = renderHook(() => useStreamingObject({ api: '/api/trip', fetch: server.fetch, scheduler: syncScheduler }));
    act(() => {
      void result.current.submit({});
    });
    server.delta('{"city": "Lisbon", "days": [1, ');
    await flush();
    act(() => result.current.stop());
    expect(result.current).toMatchObject({ status: 'ready', object: { city: 'Lisbon', days: [1] } });
  });

  it('reports malformed JSON as an error without losing the object', async () => {
    const server = openFetch();
    const { result } = renderHook(() => useStreamingObject({ api: '/api/trip', fetch: server.fetch, scheduler: syncScheduler }));
    let done: Promise<void> | undefined;
    act(() => {
      done = result.current.submit({});
    });
    server.delta('{"city": "Lisbon",, ');
    server.finish();
    await act(async () => done);
    expect(result.current.status).toBe('error');
    expect(result.current.error?.code).toBe('json/unexpected-token');
    expect(result.current.object).toEqual({ city: 'Lisbon' });
  });
});
