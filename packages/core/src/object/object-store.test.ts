import { describe, expect, it } from 'vitest';
import { syncScheduler } from '../store/notifier.ts';
import { createObjectStore } from './object-store.ts';
import type { StandardSchemaV1 } from './standard-schema.ts';

const frame = (chunk: object) => `data: ${JSON.stringify(chunk)}\n\n`;
const textReply = (pieces: string[]) =>
  [frame({ type: 'start' }), frame({ type: 'text-start', id: 't' }), ...pieces.map((delta) => frame({ type: 'text-delta', id: 't', delta })), frame({ type: 'text-end', id: 't' }), frame({ type: 'finish' })].join('');

/** A fetch whose reply body is released frame by frame as the test asks. */
function fakeFetch(body: string) {
  const requests: unknown[] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    requests.push(JSON.parse(String(init.body)));
    return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

interface Contact {
  name: string;
  email: string;
}

const contactSchema: StandardSchemaV1<Contact> = {
  '~standard': {
    version: 1,
    vendor: 'test',
    validate(value) {
      const record = value as Partial<Contact>;
      if (typeof record?.email === 'string' && record.email.includes('@')) return { value: record as Contact };
      return { issues: [{ message: 'Expected an email address', path: ['email'] }] };
    },
  },
};

describe('createObjectStore', () => {
  it('streams a fenced JSON object from text deltas and validates it', async () => {
    const { fetch, requests } = fakeFetch(textReply(['Here:\n```json\n{"name": "Ada', ' Lovelace", "email": "ada@', 'example.com"}\n```']));
    const store = createObjectStore({ api: '/api/object', fetch, schema: contactSchema, scheduler: syncScheduler });
    const seen: unknown[] = [];
    store.subscribe(() => seen.push(store.getSnapshot().object));
    await store.submit({ text: 'Ada Lovelace, ada@example.com' });

    expect(requests[0]).toMatchObject({ input: { text: 'Ada Lovelace, ada@example.com' } });
    expect(store.getSnapshot()).toMatchObject({ status: 'ready', error: undefined, object: { name: 'Ada Lovelace', email: 'ada@example.com' } });
    expect(seen).toContainEqual({ name: 'Ada' });
    expect(store.isComplete('name')).toBe(true);
  });

  it('reports a schema mismatch as a typed error that keeps the text and the object', async () => {
    const { fetch } = fakeFetch(textReply(['{"name": "Ada", "email": "none"}']));
    const store = createObjectStore({ api: '/api/object', fetch, schema: contactSchema, scheduler: syncScheduler });
    await store.submit({});
    const { status, error, object } = store.getSnapshot();
    expect(status).toBe('error');
    expect(error).toMatchObject({ code: 'object/schema-mismatch', text: '{"name": "Ada", "email": "none"}', object: { name: 'Ada', email: 'none' } });
    expect(error?.message).toContain('at email');
    expect(object).toEqual({ name: 'Ada', email: 'none' });
  });

  it('stops at malformed JSON with a positioned error, keeping the object so far', async () => {
    const { fetch } = fakeFetch(textReply(['{"name": "Ada", ', '"email" "x"}']));
    const store = createObjectStore({ api: '/api/object', fetch, scheduler: syncScheduler });
    await store.submit({});
    const { status, error, object } = store.getSnapshot();
    expect(status).toBe('error');
    expect(error?.code).toMatch(/^json\//);
    expect(object).toEqual({ name: 'Ada' });
  });

  it('takes the object from ui-message-stream data parts', async () => {
    const body = [frame({ type: 'data-object', data: '{"name": "Ad' }), frame({ type: 'data-object', data: 'a"}' }), frame({ type: 'finish' })].join('');
    const { fetch } = fakeFetch(body);
    const store = createObjectStore<{ name: string }>({ api: '/api/object', fetch, scheduler: syncScheduler });
    await store.submit({});
    expect(store.getSnapshot().object).toEqual({ name: 'Ada' });
  });

  it('says clearly when the stream carried no JSON at all', async () => {
    const { fetch } = fakeFetch(textReply(['I cannot help with that.']));
    const store = createObjectStore({ api: '/api/object', fetch, scheduler: syncScheduler });
    await store.submit({});
    expect(store.getSnapshot().error).toMatchObject({ code: 'object/no-json' });
  });

  it('ignores prose after the JSON document', async () => {
    const { fetch } = fakeFetch(textReply(['{"name": "Ada", "email": "a@b.c"}', ' Let me know', '} if you need more.']));
    const store = createObjectStore({ api: '/api/object', fetch, schema: contactSchema, scheduler: syncScheduler });
    await store.submit({});
    expect(store.getSnapshot()).toMatchObject({ status: 'ready', object: { name: 'Ada' } });
  });

  it('ignores prose that arrives in the same chunk as the closing brace', async () => {
    const { fetch } = fakeFetch(textReply(['{"name": "Ada", "email": "a@b.c"', '} Anything else?']));
    const store = createObjectStore({ api: '/api/object', fetch, schema: contactSchema, scheduler: syncScheduler });
    await store.submit({});
    expect(store.getSnapshot()).toMatchObject({ status: 'ready', object: { name: 'Ada', email: 'a@b.c' } });
  });

  it('streams the object from an openai-chat reply on the first request of that format (its decoder loads on demand)', async () => {
    const chunk = (content: string) => `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;
    const done = `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`;
    const { fetch } = fakeFetch(['{"name": "Ada', ' Lovelace", "email": "ada@', 'example.com"}'].map(chunk).join('') + done);
    const store = createObjectStore({ api: '/api/object', format: 'openai-chat', fetch, schema: contactSchema, scheduler: syncScheduler });
    const seen: unknown[] = [];
    store.subscribe(() => seen.push(store.getSnapshot().object));
    await store.submit({});
    expect(store.getSnapshot()).toMatchObject({ status: 'ready', error: undefined, object: { name: 'Ada Lovelace', email: 'ada@example.com' } });
    expect(seen).toContainEqual({ name: 'Ada' });
  });

  it('rejects a missing api with the fix in the message', () => {
    expect(() => createObjectStore({} as { api: string })).toThrow(/needs an "api" URL/);
  });
});

describe('createObjectStore sync fallback', () => {
  it('takes a whole application/json reply as the object', async () => {
    const fetch = (async () => Response.json({ name: 'Ada', email: 'ada@example.com' })) as typeof globalThis.fetch;
    const store = createObjectStore({ api: '/api/object', fetch, schema: contactSchema, scheduler: syncScheduler });
    await store.submit({});
    expect(store.getSnapshot()).toMatchObject({ status: 'ready', object: { name: 'Ada', email: 'ada@example.com' } });
  });
});
