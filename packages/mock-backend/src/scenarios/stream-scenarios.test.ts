import { wireFormats } from '@streamkit/core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { chunks, foldReply, postConversation, shape, textOf, toolCalls, userMessage } from '../conversation.test-helper.ts';
import { createMockHandler } from '../mock-handler.ts';
import { startMockServer, type MockServer } from '../mock-server.ts';
import { mockReplyText } from '../reply-text.ts';
import { readSSE, resumeChat } from '../sse-client.test-helper.ts';
import { chatScenarioNames } from './pick-scenario.ts';
import { reasoningText } from './reasoning.ts';
import { withoutCommandWords } from './subject.ts';

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer({ port: 0, ttftMs: 0, tokensPerSecond: Infinity });
});

afterAll(async () => {
  await server.close();
});

afterEach(() => {
  vi.useRealTimers();
});

const ask = async (prompt: string, query = '', headers: Record<string, string> = {}) =>
  readSSE(await postConversation(server.url, [userMessage(prompt)], { chatId: 'chat-1', query, headers }));

describe('choosing the scenario', () => {
  it('answers a prompt without keywords with the plain reply', async () => {
    const { events } = await ask('Tell me about tides');
    expect(shape(events)).toEqual(['start', 'start-step', 'text-start', 'text-delta', 'text-end', 'finish-step', 'finish']);
    expect(textOf(foldReply(events))).toBe(mockReplyText('Tell me about tides'));
  });

  it('forces a scenario with ?scenario= whatever the prompt says', async () => {
    const { events } = await ask('Tell me about tides', '?scenario=weather');
    expect(toolCalls(foldReply(events))).toMatchObject([{ toolName: 'weather' }]);
  });

  it('forces a scenario with the x-streamkit-scenario header, the query winning over it', async () => {
    const byHeader = await ask('Tell me about tides', '', { 'x-streamkit-scenario': 'calculator' });
    expect(toolCalls(foldReply(byHeader.events))[0]?.toolName).toBe('calculator');
    const both = await ask('Tell me about tides', '?scenario=text', { 'x-streamkit-scenario': 'calculator' });
    expect(textOf(foldReply(both.events))).toBe(mockReplyText('Tell me about tides'));
  });

  it('answers 400 invalid-scenario listing the names for an unknown scenario', async () => {
    const response = await postConversation(server.url, [userMessage('Hi')], { query: '?scenario=nope' });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('request/invalid-scenario');
    expect(error.message).toBe(`Unknown scenario "nope". Use one of: ${chatScenarioNames.join(', ')} (with ?scenario= or the x-streamkit-scenario header).`);
  });
});

describe('the reasoning scenario', () => {
  it('streams reasoning start, deltas and end, then the text answer', async () => {
    const prompt = 'Think step by step about tides';
    const { events } = await ask(prompt);
    expect(shape(events)).toEqual([
      'start', 'start-step', 'reasoning-start', 'reasoning-delta', 'reasoning-end', 'text-start', 'text-delta', 'text-end', 'finish-step', 'finish',
    ]);
    expect(chunks(events).filter((chunk) => chunk.type === 'reasoning-delta').length).toBeGreaterThan(10);
    const message = foldReply(events);
    expect(message.parts.find((part) => part.type === 'reasoning')).toMatchObject({ text: reasoningText(prompt), state: 'done' });
    expect(reasoningText(prompt)).toMatch(/tides/);
    expect(textOf(message)).toBe(mockReplyText(withoutCommandWords(prompt)));
    expect(textOf(message)).toMatch(/tides/);
    expect(textOf(message)).not.toMatch(/think|step/i);
  });
});

describe('the citations scenario', () => {
  it('cites three https URLs as [1] [2] [3], each source right after its marker, plus one document, all inside the text', async () => {
    const { events } = await ask('Cite sources on black holes');
    const all = chunks(events);
    const urls = all.filter((chunk) => chunk.type === 'source-url');
    expect(urls).toHaveLength(3);
    for (const source of urls) expect(source).toMatchObject({ url: expect.stringMatching(/^https:\/\//), title: expect.stringContaining('black holes') });
    expect(all.filter((chunk) => chunk.type === 'source-document')).toMatchObject([{ title: 'Notes on black holes', mediaType: 'application/pdf' }]);
    let written = '';
    for (const [index, chunk] of all.entries()) {
      if (chunk.type === 'text-delta') written += chunk.delta as string;
      if (chunk.type === 'source-url') expect(written).toContain(`[${urls.indexOf(chunk) + 1}]`);
      if (chunk.type.startsWith('source-')) expect(all.slice(index).some((later) => later.type === 'text-end')).toBe(true);
    }
    expect(written).toMatch(/\[1\].*\[2\].*\[3\]/);
  });
});

describe('the server-tool scenario', () => {
  it('streams the webSearch input, then only keepalives for ?pause=, then its output and the text', async () => {
    const sent = performance.now();
    const { events, raw } = await ask('Search the web for streaming APIs', '?pause=300&fault=keepalive=100');
    expect(shape(events)).toEqual([
      'start', 'start-step', 'tool-input-start', 'tool-input-delta', 'tool-input-available', 'tool-output-available', 'text-start', 'text-delta', 'text-end', 'finish-step', 'finish',
    ]);
    const call = toolCalls(foldReply(events))[0]!;
    expect(call).toMatchObject({ toolName: 'webSearch', providerExecuted: true, state: 'output-available', input: { query: 'streaming APIs' } });
    expect((call.output as { results: unknown[] }).results).toHaveLength(3);

    const gap = raw.slice(raw.indexOf('\n\n', raw.indexOf('"tool-input-available"')) + 2, raw.lastIndexOf('id:', raw.indexOf('"tool-output-available"')));
    expect(gap).toMatch(/^(?::[^\n]*\n\n)+$/);
    expect(gap.split('\n\n').length - 1).toBeGreaterThanOrEqual(2);
    const output = events.find((event) => event.data.includes('"tool-output-available"'))!;
    expect(output.at - sent).toBeGreaterThanOrEqual(295);
  });

  it('pauses for serverToolPauseMs when the request has no ?pause=', async () => {
    vi.useFakeTimers();
    const handler = createMockHandler({ ttftMs: 0, tokensPerSecond: Infinity, serverToolPauseMs: 5000, keepaliveMs: 0 });
    const request = new Request('http://localhost/api/chat?scenario=server-tool', {
      method: 'POST',
      body: JSON.stringify({ messages: [userMessage('Slow tool please')] }),
    });
    const reader = (await handler(request)).body!.getReader();
    let received = '';
    void (async () => {
      for (let next = await reader.read(); !next.done; next = await reader.read()) received += new TextDecoder().decode(next.value);
    })();
    await vi.advanceTimersByTimeAsync(4999);
    expect(received).toContain('"tool-input-available"');
    expect(received).not.toContain('"tool-output-available"');
    await vi.advanceTimersByTimeAsync(1);
    expect(received).toContain('"tool-output-available"');
    await reader.cancel();
  });

  it('answers 400 invalid-pause for a ?pause= that is not a whole number', async () => {
    const response = await postConversation(server.url, [userMessage('Slow tool')], { query: '?pause=1.5' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('request/invalid-pause');
  });
});

describe('every scenario', () => {
  it.each(wireFormats.flatMap((format) => chatScenarioNames.map((scenario) => [format, scenario] as const)))(
    'streams in %s for the %s scenario, and the client decodes it without errors',
    async (format, scenario) => {
      const reading = await readSSE(await postConversation(server.url, [userMessage('Hi')], { query: `?format=${format}&scenario=${scenario}&pause=0` }));
      expect(reading.error).toBeUndefined();
      const message = foldReply(reading.events, format);
      expect(message.parts.some((part) => part.type === 'text' || part.type === 'tool-call')).toBe(true);
    },
  );

  it.each(['weather', 'parallel', 'multi-step', 'server-tool'])('replays identical events on resume after a drop (%s)', async (scenario) => {
    const chatId = `resume-${scenario}`;
    const clean = await readSSE(await postConversation(server.url, [userMessage('Hi')], { chatId, query: `?scenario=${scenario}&pause=50` }));
    const cut = await readSSE(
      await postConversation(server.url, [userMessage('Hi')], { chatId, query: `?scenario=${scenario}&pause=50&fault=drop-after-events=4` }),
    );
    expect(cut.error).toBeDefined();
    const rest = await readSSE(await resumeChat(server.url, chatId, cut.events.at(-1)!.id));
    expect([...cut.events, ...rest.events].map((event) => [event.id, event.data])).toEqual(clean.events.map((event) => [event.id, event.data]));
  });
});

describe('timing', () => {
  it('waits ttftMs before the first reasoning token, then 1000 / tokensPerSecond ms per delta of any kind', async () => {
    vi.useFakeTimers();
    const handler = createMockHandler({ ttftMs: 200, tokensPerSecond: 10 });
    const request = new Request('http://localhost/api/chat', { method: 'POST', body: JSON.stringify({ messages: [userMessage('Think about owls')] }) });
    const reader = (await handler(request)).body!.getReader();
    let received = '';
    void (async () => {
      for (let next = await reader.read(); !next.done; next = await reader.read()) received += new TextDecoder().decode(next.value);
    })();
    const deltas = () => (received.match(/"reasoning-delta"/g) ?? []).length;
    await vi.advanceTimersByTimeAsync(199);
    expect(received).not.toContain('reasoning-start');
    await vi.advanceTimersByTimeAsync(1);
    expect(deltas()).toBe(1);
    await vi.advanceTimersByTimeAsync(99);
    expect(deltas()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(deltas()).toBe(2);
    await reader.cancel();
  });
});
