import { syncReplyToParts, type UIMessage } from '@streamkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldReply, postConversation, postObject, toolCalls, userMessage } from './conversation.test-helper.ts';
import { startMockServer, type MockServer } from './mock-server.ts';
import { mockObjectFor, mockObjectText } from './objects/mock-object.ts';
import { mockReplyText } from './reply-text.ts';
import { readSSE } from './sse-client.test-helper.ts';

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer({ port: 0, ttftMs: 0, tokensPerSecond: Infinity });
});

afterAll(async () => {
  await server.close();
});

const JSON_ONLY = { Accept: 'application/json' };

describe('a POST that accepts only JSON (the sync fallback)', () => {
  it('gets the chat reply whole, as the assistant UIMessage', async () => {
    const response = await postConversation(server.url, [userMessage('Tell me about tides')], { headers: JSON_ONLY });
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const message = (await response.json()) as UIMessage;
    expect(message).toMatchObject({ id: expect.stringMatching(/^msg-/), role: 'assistant', metadata: {} });
    expect(message.parts.filter((part) => part.type === 'text')).toMatchObject([{ type: 'text', text: mockReplyText('Tell me about tides') }]);
  });

  it('gets the same message the stream builds, tool call included, in the shape the client reads', async () => {
    const prompt = [userMessage('Weather in Oslo?')];
    const message = (await (await postConversation(server.url, prompt, { chatId: 'c1', headers: JSON_ONLY })).json()) as UIMessage;
    expect(toolCalls(message)).toMatchObject([{ type: 'tool-call', toolName: 'weather', state: 'input-available', input: { city: 'Oslo' } }]);
    const streamed = foldReply((await readSSE(await postConversation(server.url, prompt, { chatId: 'c1' }))).events);
    expect(message).toEqual({ ...streamed, metadata: {} });
    expect(syncReplyToParts(message)).toContainEqual({ type: 'tool-input-available', toolCallId: toolCalls(streamed)[0]!.toolCallId, toolName: 'weather', input: { city: 'Oslo' } });
  });

  it('includes a server tool’s output at once, without the pause', async () => {
    const sent = performance.now();
    const message = (await (await postConversation(server.url, [userMessage('Search the web for SSE')], { headers: JSON_ONLY })).json()) as UIMessage;
    expect(performance.now() - sent).toBeLessThan(1000);
    expect(toolCalls(message)).toMatchObject([{ toolName: 'webSearch', providerExecuted: true, state: 'output-available' }]);
  });

  it('gets the object itself from the object route', async () => {
    const input = { scenario: 'itinerary' as const };
    const response = await postObject(server.url, { id: 'o1', input }, { headers: JSON_ONLY });
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual(mockObjectFor(input));
  });

  it('gets the broken text of the malformed object, as a model would have written it', async () => {
    const response = await postObject(server.url, { input: { scenario: 'malformed' } }, { headers: JSON_ONLY });
    expect(await response.text()).toBe(mockObjectText({ scenario: 'malformed' }));
  });

  it('streams when Accept names text/event-stream as well, or when it is a wildcard', async () => {
    for (const accept of ['text/event-stream, application/json', '*/*']) {
      const response = await postConversation(server.url, [userMessage('Hi')], { headers: { Accept: accept } });
      expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      await response.body?.cancel();
    }
  });

  it('still honours the status fault', async () => {
    const response = await postConversation(server.url, [userMessage('Hi')], { query: '?fault=status=503', headers: JSON_ONLY });
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('fault/injected');
  });
});
