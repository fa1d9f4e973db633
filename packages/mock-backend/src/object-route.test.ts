import { createJSONTextExtractor } from '@streamkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunks, foldReply, postObject, shape, textOf } from './conversation.test-helper.ts';
import { startMockServer, type MockServer } from './mock-server.ts';
import { mockObjectDocument, mockObjectFor } from './objects/mock-object.ts';
import { readSSE } from './sse-client.test-helper.ts';

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer({ port: 0, ttftMs: 0, tokensPerSecond: Infinity });
});

afterAll(async () => {
  await server.close();
});

/** The JSON text in the deltas, found the way the object client finds it (fenced or bare). */
function jsonIn(deltas: string[]): string {
  const extractor = createJSONTextExtractor();
  return deltas.map((delta) => extractor.push(delta)).join('');
}

const deltasOf = (events: Parameters<typeof chunks>[0]) =>
  chunks(events)
    .filter((chunk) => chunk.type === 'text-delta')
    .map((chunk) => chunk.delta as string);

describe('POST /api/object', () => {
  it.each([
    ['itinerary', { scenario: 'itinerary', prompt: 'Plan 4 days in Porto' }],
    ['contact', { text: 'Jane Doe, CTO at Initech\njane@initech.com\n+1 555 010 2030' }],
    ['recipe', { prompt: 'A recipe for 6' }],
    ['schema-mismatch', { scenario: 'schema-mismatch' }],
  ] as const)('streams the %s document whose JSON parses to mockObjectFor(input)', async (_, input) => {
    const { events, error } = await readSSE(await postObject(server.url, { id: 'o1', input }));
    expect(error).toBeUndefined();
    expect(shape(events)).toEqual(['start', 'text-start', 'text-delta', 'text-end', 'finish']);
    expect(deltasOf(events).join('')).toBe(mockObjectDocument(input));
    expect(JSON.parse(jsonIn(deltasOf(events)))).toEqual(mockObjectFor(input));
  });

  it('streams malformed JSON that fails to parse, then finishes normally', async () => {
    const { events } = await readSSE(await postObject(server.url, { id: 'o1', input: { scenario: 'malformed' } }));
    expect(() => JSON.parse(jsonIn(deltasOf(events)))).toThrow(SyntaxError);
    expect(chunks(events).at(-1)).toEqual({ type: 'finish', finishReason: 'stop' });
  });

  it('fences the itinerary and leaves the others bare', async () => {
    const itinerary = deltasOf((await readSSE(await postObject(server.url, { input: { scenario: 'itinerary' } }))).events).join('');
    const recipe = deltasOf((await readSSE(await postObject(server.url, { input: { scenario: 'recipe' } }))).events).join('');
    expect(itinerary).toMatch(/^Here is the itinerary:\n\n```json\n\{[\s\S]*\}\n```\n$/);
    expect(recipe.startsWith('{')).toBe(true);
  });

  it('sends the JSON a few characters per delta', async () => {
    const deltas = deltasOf((await readSSE(await postObject(server.url, { input: { scenario: 'recipe' } }))).events);
    expect(deltas.length).toBeGreaterThan(50);
    for (const delta of deltas) expect(delta.length).toBeLessThanOrEqual(6);
  });

  it('takes a string input as the prompt', async () => {
    const { events } = await readSSE(await postObject(server.url, { id: 'o1', input: 'recipe for 2' }));
    expect(JSON.parse(jsonIn(deltasOf(events)))).toEqual(mockObjectFor({ prompt: 'recipe for 2' }));
  });

  it('streams in another wire format too', async () => {
    const { events } = await readSSE(await postObject(server.url, { input: { scenario: 'contact' } }, { query: '?format=anthropic' }));
    expect(textOf(foldReply(events, 'anthropic'))).toBe(mockObjectDocument({ scenario: 'contact' }));
  });

  it('answers 400 invalid-scenario for an unknown input.scenario', async () => {
    const response = await postObject(server.url, { input: { scenario: 'poem' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: 'request/invalid-scenario', message: 'Unknown object scenario "poem". Use one of: itinerary, contact, recipe, malformed, schema-mismatch.' },
    });
  });

  it('answers 400 invalid-object for a body that is not { id, input }', async () => {
    for (const body of [[1, 2], { input: 42 }, { input: { prompt: 7 } }]) {
      const response = await postObject(server.url, body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('request/invalid-object');
    }
  });
});

describe('resuming and stopping an object stream', () => {
  it('resumes by id after a drop with exactly the missing events', async () => {
    const input = { scenario: 'itinerary' as const };
    const first = await readSSE(await postObject(server.url, { id: 'trip-1', input }, { query: '?fault=drop-after-events=10' }));
    expect(first.error).toBeDefined();
    const rest = await readSSE(await fetch(`${server.url}/api/object/trip-1/stream`, { headers: { 'Last-Event-ID': first.events.at(-1)!.id! } }));
    const all = [...first.events, ...rest.events];
    expect(all.map((event) => Number(event.id))).toEqual(all.map((_, index) => index));
    expect(deltasOf(all).join('')).toBe(mockObjectDocument(input));
  });

  it('keeps object and chat streams apart even when they share an id', async () => {
    await readSSE(await postObject(server.url, { id: 'shared', input: { scenario: 'recipe' } }));
    expect((await fetch(`${server.url}/api/chat/shared/stream`)).status).toBe(204);
    const replay = await fetch(`${server.url}/api/object/shared/stream`);
    expect(replay.status).toBe(200);
    await replay.body?.cancel();
  });

  it('stops on DELETE and then has nothing to resume', async () => {
    const slow = await startMockServer({ port: 0, ttftMs: 0, tokensPerSecond: 5 });
    try {
      const reading = readSSE(await postObject(slow.url, { id: 'o1', input: { scenario: 'recipe' } }));
      expect((await fetch(`${slow.url}/api/object/o1/stream`, { method: 'DELETE' })).status).toBe(204);
      expect((await reading).raw).not.toContain('"finish"');
      expect((await fetch(`${slow.url}/api/object/o1/stream`)).status).toBe(204);
    } finally {
      await slow.close();
    }
  });
});
