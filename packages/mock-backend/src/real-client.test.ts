import { createChatStore, createObjectStore, syncScheduler, type StandardSchemaV1, type ToolCallPart } from '@streamkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textOf, toolCalls } from './conversation.test-helper.ts';
import { startMockServer, type MockServer } from './mock-server.ts';
import { mockObjectFor } from './objects/mock-object.ts';

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer({ port: 0, ttftMs: 5, tokensPerSecond: 2000 });
});

afterAll(async () => {
  await server.close();
});

const lastAssistant = (store: ReturnType<typeof createChatStore>) => store.getSnapshot().messages.findLast((message) => message.role === 'assistant')!;

describe('createChatStore against the mock scenarios', () => {
  it('runs the weather tool, sends its result back and shows the answer that uses it', async () => {
    const store = createChatStore({
      api: `${server.url}/api/chat`,
      scheduler: syncScheduler,
      tools: { weather: { execute: () => ({ celsius: 4, sky: 'cloudy' }) } },
    });
    await store.send('What is the weather in Oslo?');
    const { messages, status, error } = store.getSnapshot();
    expect(error).toBeUndefined();
    expect(status).toBe('ready');
    expect(messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    expect(toolCalls(lastAssistant(store))).toMatchObject([
      { toolName: 'weather', state: 'output-available', input: { city: 'Oslo' }, output: { celsius: 4, sky: 'cloudy' } },
    ]);
    expect(textOf(lastAssistant(store))).toContain('4 °C');
  });

  it('runs the same tool loop over whole JSON replies when it falls back to sync', async () => {
    const store = createChatStore({
      api: `${server.url}/api/chat`,
      scheduler: syncScheduler,
      reconnect: { syncFallbackAfter: 0 },
      tools: { weather: { execute: () => ({ celsius: 4, sky: 'cloudy' }) } },
    });
    await store.send('What is the weather in Oslo?');
    expect(toolCalls(lastAssistant(store))).toMatchObject([{ toolName: 'weather', state: 'output-available' }]);
    expect(textOf(lastAssistant(store))).toBe('It is 4 °C and cloudy in Oslo.');
  });

  it('walks the multi-step plan with two client tools in one assistant message', async () => {
    const store = createChatStore({
      api: `${server.url}/api/chat`,
      scheduler: syncScheduler,
      tools: { search: { execute: () => ({ results: ['a', 'b', 'c'] }) }, calculator: { execute: () => 8760 } },
    });
    await store.send('Research the history of tea');
    expect(toolCalls(lastAssistant(store)).map((call) => [call.toolName, call.state])).toEqual([
      ['search', 'output-available'],
      ['calculator', 'output-available'],
    ]);
    expect(textOf(lastAssistant(store))).toMatch(/^I found 3 results about history of tea\..*365 \* 24 = 8760/);
  });

  it('waits for approval of deleteFile and answers the denial', async () => {
    let ran = false;
    const store = createChatStore({
      api: `${server.url}/api/chat`,
      scheduler: syncScheduler,
      tools: { deleteFile: { needsApproval: true, execute: () => (ran = true) } },
    });
    await store.send('Delete /tmp/report.txt');
    const call = toolCalls(lastAssistant(store))[0] as ToolCallPart;
    expect(call.state).toBe('awaiting-approval');
    store.respondToToolApproval(call.toolCallId, false);
    await expect.poll(() => textOf(lastAssistant(store))).toBe('Understood, I did not delete /tmp/report.txt; it is still there.');
    expect(ran).toBe(false);
  });
});

describe('createObjectStore against the object route', () => {
  const days: StandardSchemaV1<{ days: unknown[] }> = {
    '~standard': {
      version: 1,
      vendor: 'test',
      validate: (value) =>
        Array.isArray((value as { days?: unknown }).days) ? { value: value as { days: unknown[] } } : { issues: [{ message: 'days must be an array', path: ['days'] }] },
    },
  };

  it('builds the itinerary from the fenced stream', async () => {
    const store = createObjectStore({ api: `${server.url}/api/object`, scheduler: syncScheduler });
    const input = { scenario: 'itinerary' as const, prompt: 'Plan a trip to Porto' };
    await store.submit(input);
    expect(store.getSnapshot()).toMatchObject({ status: 'ready', error: undefined });
    expect(store.getSnapshot().object).toEqual(mockObjectFor(input));
  });

  it('builds a bare contact document', async () => {
    const store = createObjectStore({ api: `${server.url}/api/object`, scheduler: syncScheduler });
    const input = { text: 'Jane Doe, CTO at Initech\njane@initech.com' };
    await store.submit(input);
    expect(store.getSnapshot().object).toEqual(mockObjectFor(input));
  });

  it('ends in an error for the malformed document', async () => {
    const store = createObjectStore({ api: `${server.url}/api/object`, scheduler: syncScheduler });
    await store.submit({ scenario: 'malformed' });
    expect(store.getSnapshot().status).toBe('error');
    expect(store.getSnapshot().error?.code).toMatch(/^json\//);
  });

  it('fails schema validation for the schema-mismatch document', async () => {
    const store = createObjectStore({ api: `${server.url}/api/object`, scheduler: syncScheduler, schema: days });
    await store.submit({ scenario: 'schema-mismatch' });
    expect(store.getSnapshot().status).toBe('error');
    expect(store.getSnapshot().error?.message).toMatch(/days must be an array/);
  });
});
