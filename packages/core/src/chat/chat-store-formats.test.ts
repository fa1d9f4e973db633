import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../../../test/fixtures.ts';
import type { WireFormat } from '../decoders/types.ts';
import type { ToolCallPart, UIMessage } from '../message/types.ts';
import { createObjectStore } from '../object/object-store.ts';
import { syncScheduler } from '../store/notifier.ts';
import { createHTTPStreamClient } from '../transport/http-stream-client.ts';
import { createChatStore } from './chat-store.ts';

// The stores load a provider format's decoder on demand. Every test in this file is the first request
// of its format in a fresh module graph, so each one covers the load.

const fixture = (name: string) => ({
  sse: readFileSync(path.join(fixturesDir, 'providers', `${name}.sse`), 'utf8'),
  expected: JSON.parse(readFileSync(path.join(fixturesDir, 'providers', `${name}.expected.json`), 'utf8')) as { text: string },
});

/** A fetch that answers every request with the recorded stream. */
const replay = (sse: string) => (async () => new Response(sse, { headers: { 'Content-Type': 'text/event-stream' } })) as typeof fetch;

const textOf = (message: UIMessage | undefined) => message?.parts.map((part) => (part.type === 'text' ? part.text : '')).join('');

describe('createChatStore with a provider wire format', () => {
  it.each([
    ['openai-chat', 'openai-chat/openai-text'],
    ['openai-responses', 'azure/azure-text.1'],
    ['anthropic', 'anthropic/anthropic-text'],
  ] as const)('streams a recorded %s reply in full on its first request', async (format, name) => {
    const { sse, expected } = fixture(name);
    const store = createChatStore({ api: '/api/chat', format, fetch: replay(sse), scheduler: syncScheduler });
    await store.send('Hello');
    const { status, error, messages } = store.getSnapshot();
    expect(error).toBeUndefined();
    expect(status).toBe('ready');
    expect(textOf(messages.at(-1))).toBe(expected.text);
  });

  it('shows tool-call input filling in from a recorded anthropic stream', async () => {
    const { sse } = fixture('anthropic/anthropic-sdk-typescript/tool_use_response');
    const store = createChatStore({ format: 'anthropic', fetch: replay(sse), scheduler: syncScheduler, onToolCall: () => {} });
    await store.send('Weather in Paris?');
    const call = store
      .getSnapshot()
      .messages.at(-1)
      ?.parts.find((part): part is ToolCallPart => part.type === 'tool-call');
    expect(call).toMatchObject({ toolName: 'get_weather', state: 'input-available', input: { location: 'Paris' } });
  });

  it('rejects an unknown format when the store is created, naming the formats', () => {
    expect(() => createChatStore({ format: 'gemini' as WireFormat })).toThrow(
      expect.objectContaining({ code: 'options/invalid', message: expect.stringContaining('ui-message-stream, openai-chat, openai-responses, anthropic') }),
    );
  });
});

describe('createObjectStore and createHTTPStreamClient with an unknown format', () => {
  it('createObjectStore throws decode/unknown-format at construction', () => {
    expect(() => createObjectStore({ api: '/api/object', format: 'gemini' as WireFormat })).toThrow(
      expect.objectContaining({ code: 'decode/unknown-format', message: expect.stringContaining('Use one of: ui-message-stream') }),
    );
  });

  it('createHTTPStreamClient throws decode/unknown-format at construction', () => {
    expect(() => createHTTPStreamClient({ api: '/api/x', format: 'constructor' as WireFormat })).toThrow(
      expect.objectContaining({ code: 'decode/unknown-format' }),
    );
  });
});
