import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
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

function firstTurn(): LanguageModelV4StreamPart[] {
  return [
    { type: 'stream-start', warnings: [] },
    { type: 'reasoning-start', id: 'r1' },
    { type: 'reasoning-delta', id: 'r1', delta: 'The user wants ' },
    { type: 'reasoning-delta', id: 'r1', delta: 'the weather.' },
    { type: 'reasoning-end', id: 'r1' },
    { type: 'text-start', id: 't1' },
    { type: 'text-delta', id: 't1', delta: 'Let me ' },
    { type: 'text-delta', id: 't1', delta: 'check.' },
    { type: 'text-end', id: 't1' },
    { type: 'tool-input-start', id: 'call-1', toolName: 'weather' },
    { type: 'tool-input-delta', id: 'call-1', delta: '{"city":' },
    { type: 'tool-input-delta', id: 'call-1', delta: '"Oslo"}' },
    { type: 'tool-input-end', id: 'call-1' },
    { type: 'tool-call', toolCallId: 'call-1', toolName: 'weather', input: '{"city":"Oslo"}' },
    { type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_calls' }, usage },
  ];
}

function secondTurn(): LanguageModelV4StreamPart[] {
  return [
    { type: 'stream-start', warnings: [] },
    { type: 'text-start', id: 't2' },
    { type: 'text-delta', id: 't2', delta: 'It is 4 °C in Oslo.' },
    { type: 'text-end', id: 't2' },
    { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage },
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
    const reader = web.body!.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) response.write(read.value);
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
