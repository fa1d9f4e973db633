import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createChatStore, type ToolCallPart } from '@streamkit/core';
import { convertToModelMessages, jsonSchema, streamText, tool, type UIMessage } from 'ai';
import { MockLanguageModelV4, simulateReadableStream } from 'ai/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A real Vercel AI SDK route — streamText on the SDK's own mock model, answered with
 * toUIMessageStreamResponse() — on a loopback server, consumed through createChatStore.
 */
const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 20, text: 20, reasoning: undefined },
};

function firstTurn() {
  return [
    { type: 'stream-start' as const, warnings: [] },
    { type: 'reasoning-start' as const, id: 'r1' },
    { type: 'reasoning-delta' as const, id: 'r1', delta: 'The user wants ' },
    { type: 'reasoning-delta' as const, id: 'r1', delta: 'the weather.' },
    { type: 'reasoning-end' as const, id: 'r1' },
    { type: 'text-start' as const, id: 't1' },
    { type: 'text-delta' as const, id: 't1', delta: 'Let me ' },
    { type: 'text-delta' as const, id: 't1', delta: 'check.' },
    { type: 'text-end' as const, id: 't1' },
    { type: 'tool-input-start' as const, id: 'call-1', toolName: 'weather' },
    { type: 'tool-input-delta' as const, id: 'call-1', delta: '{"city":' },
    { type: 'tool-input-delta' as const, id: 'call-1', delta: '"Oslo"}' },
    { type: 'tool-input-end' as const, id: 'call-1' },
    { type: 'tool-call' as const, toolCallId: 'call-1', toolName: 'weather', input: '{"city":"Oslo"}' },
    { type: 'finish' as const, finishReason: { unified: 'tool-calls' as const, raw: 'tool_calls' }, usage },
  ];
}

function secondTurn() {
  return [
    { type: 'stream-start' as const, warnings: [] },
    { type: 'text-start' as const, id: 't2' },
    { type: 'text-delta' as const, id: 't2', delta: 'It is 4 °C in Oslo.' },
    { type: 'text-end' as const, id: 't2' },
    { type: 'finish' as const, finishReason: { unified: 'stop' as const, raw: 'stop' }, usage },
  ];
}

let server: Server;
let url: string;
const prompts: unknown[] = [];

beforeAll(async () => {
  server = createServer(async (request, response) => {
    let raw = '';
    for await (const chunk of request) raw += chunk;
    const { messages } = JSON.parse(raw) as { messages: UIMessage[] };
    const modelMessages = await convertToModelMessages(messages);
    prompts.push(modelMessages);
    const hasToolResult = modelMessages.some((message) => message.role === 'tool');
    const result = streamText({
      model: new MockLanguageModelV4({ doStream: async () => ({ stream: simulateReadableStream({ chunks: hasToolResult ? secondTurn() : firstTurn() }) }) }),
      messages: modelMessages,
      tools: { weather: tool({ inputSchema: jsonSchema<{ city: string }>({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }) }) },
    });
    const web = result.toUIMessageStreamResponse({ sendReasoning: true });
    response.writeHead(web.status, Object.fromEntries(web.headers));
    for await (const chunk of web.body!) response.write(chunk);
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/chat`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('an AI SDK route consumed by createChatStore', () => {
  it('brings text, reasoning and tool calls through unchanged, and the tool loop continues against it', async () => {
    const store = createChatStore({
      api: url,
      tools: { weather: { execute: (input: { city: string }) => ({ city: input.city, celsius: 4 }) } },
    });
    await store.send('Weather in Oslo?');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect.poll(() => prompts.length).toBe(2);
    await expect.poll(() => store.getSnapshot().status).toBe('ready');

    const { messages, error } = store.getSnapshot();
    expect(error).toBeUndefined();
    const assistant = messages.at(-1)!;
    expect(assistant.role).toBe('assistant');
    const reasoning = assistant.parts.find((part) => part.type === 'reasoning');
    expect(reasoning).toMatchObject({ text: 'The user wants the weather.', state: 'done' });
    const texts = assistant.parts.flatMap((part) => (part.type === 'text' ? [part.text] : []));
    expect(texts).toEqual(['Let me check.', 'It is 4 °C in Oslo.']);
    const call = assistant.parts.find((part): part is ToolCallPart => part.type === 'tool-call');
    expect(call).toMatchObject({ toolCallId: 'call-1', toolName: 'weather', input: { city: 'Oslo' }, state: 'output-available', output: { city: 'Oslo', celsius: 4 } });

    // The SDK's own convertToModelMessages read our request: the tool result went back as a tool message.
    const second = prompts[1] as { role: string; content: unknown }[];
    expect(second.find((message) => message.role === 'tool')?.content).toEqual([
      expect.objectContaining({ type: 'tool-result', toolCallId: 'call-1', toolName: 'weather', output: { type: 'json', value: { city: 'Oslo', celsius: 4 } } }),
    ]);
  });
});
