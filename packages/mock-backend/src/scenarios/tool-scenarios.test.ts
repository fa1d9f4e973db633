import type { UIMessage } from '@streamkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunks, foldReply, postConversation, settle, shape, textOf, toolCalls, userMessage } from '../conversation.test-helper.ts';
import { startMockServer, type MockServer } from '../mock-server.ts';
import { readSSE } from '../sse-client.test-helper.ts';

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer({ port: 0, ttftMs: 0, tokensPerSecond: Infinity });
});

afterAll(async () => {
  await server.close();
});

const TOOL_STEP = ['start', 'start-step', 'tool-input-start', 'tool-input-delta', 'tool-input-available', 'finish-step', 'finish'];
const TEXT_STEP = ['start', 'start-step', 'text-start', 'text-delta', 'text-end', 'finish-step', 'finish'];

/** Sends the conversation and reads the reply: its events and the message the client builds from them. */
async function turn(messages: UIMessage[], chatId = 'chat-1') {
  const reading = await readSSE(await postConversation(server.url, messages, { chatId }));
  expect(reading.error).toBeUndefined();
  return { events: reading.events, raw: reading.raw, message: foldReply(reading.events) };
}

describe('the weather scenario', () => {
  const user = userMessage('What is the weather in Bergen?');

  it('calls weather with the city in the prompt, its input in several fragments, and stops for the tool', async () => {
    const { events, message } = await turn([user]);
    expect(shape(events)).toEqual(TOOL_STEP);
    const deltas = chunks(events).filter((chunk) => chunk.type === 'tool-input-delta');
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.map((chunk) => chunk.inputTextDelta).join('')).toBe('{"city":"Bergen"}');
    expect(chunks(events).at(-1)).toEqual({ type: 'finish', finishReason: 'tool-calls' });
    expect(toolCalls(message)).toMatchObject([{ toolName: 'weather', state: 'input-available', input: { city: 'Bergen' } }]);
  });

  it('asks about Oslo when the prompt names no city', async () => {
    const { message } = await turn([userMessage('How is the weather today?')]);
    expect(toolCalls(message)[0]?.input).toEqual({ city: 'Oslo' });
  });

  it('sends identical events, toolCallIds included, for two identical requests', async () => {
    const first = await turn([user]);
    const second = await turn([user]);
    expect(second.raw).toBe(first.raw);
    expect(toolCalls(first.message)[0]?.toolCallId).toMatch(/^call-[0-9a-f]{8}-0-0$/);
  });

  it('gives the same prompt in another chat other toolCallIds', async () => {
    const here = await turn([user], 'chat-1');
    const elsewhere = await turn([user], 'chat-2');
    expect(toolCalls(elsewhere.message)[0]?.toolCallId).not.toBe(toolCalls(here.message)[0]?.toolCallId);
  });

  it('answers from the result’s fields once the request carries output-available, continuing the same message', async () => {
    const first = await turn([user]);
    const id = toolCalls(first.message)[0]!.toolCallId;
    const answered = settle(first.message, id, { state: 'output-available', output: { celsius: 4, sky: 'cloudy' } });
    const second = await turn([user, answered]);
    expect(shape(second.events)).toEqual(TEXT_STEP);
    expect(textOf(second.message)).toBe('It is 4 °C and cloudy in Bergen.');
    expect(second.message.id).toBe(first.message.id);
    expect(chunks(second.events).at(-1)).toEqual({ type: 'finish', finishReason: 'stop' });
  });

  it('says the tool failed and quotes the error on output-error', async () => {
    const first = await turn([user]);
    const failed = settle(first.message, toolCalls(first.message)[0]!.toolCallId, { state: 'output-error', errorText: 'Service unavailable' });
    const { message } = await turn([user, failed]);
    expect(textOf(message)).toBe('Sorry, the weather tool failed: “Service unavailable”. I could not get the weather for Bergen.');
  });

  it('acknowledges a denial on output-denied', async () => {
    const first = await turn([user]);
    const denied = settle(first.message, toolCalls(first.message)[0]!.toolCallId, { state: 'denied', approved: false });
    const { message } = await turn([user, denied]);
    expect(textOf(message)).toMatch(/^Understood: you declined the weather tool/);
  });
});

describe('the calculator scenario', () => {
  it('calls calculator with the expression in the prompt, then states the result', async () => {
    const user = userMessage('what is 12 * 7');
    const first = await turn([user]);
    expect(toolCalls(first.message)).toMatchObject([{ toolName: 'calculator', input: { expression: '12 * 7' } }]);
    const answered = settle(first.message, toolCalls(first.message)[0]!.toolCallId, { state: 'output-available', output: 84 });
    expect(textOf((await turn([user, answered])).message)).toBe('12 * 7 = 84.');
  });
});

describe('the parallel scenario', () => {
  const user = userMessage('Compare the weather in Oslo and Paris');

  it('calls weather for both cities in one step', async () => {
    const { events, message } = await turn([user]);
    expect(shape(events).filter((type) => type === 'start-step')).toHaveLength(1);
    const calls = toolCalls(message);
    expect(calls.map((call) => call.input)).toEqual([{ city: 'Oslo' }, { city: 'Paris' }]);
    expect(new Set(calls.map((call) => call.toolCallId)).size).toBe(2);
    expect(chunks(events).at(-1)).toEqual({ type: 'finish', finishReason: 'tool-calls' });
  });

  it('answers with both results once both are in', async () => {
    const first = await turn([user]);
    const [oslo, paris] = toolCalls(first.message);
    let answered = settle(first.message, oslo!.toolCallId, { state: 'output-available', output: { celsius: 4, sky: 'cloudy' } });
    answered = settle(answered, paris!.toolCallId, { state: 'output-available', output: { celsius: 12, sky: 'sunny' } });
    const { message } = await turn([user, answered]);
    expect(textOf(message)).toBe('Here is the comparison. It is 4 °C and cloudy in Oslo. It is 12 °C and sunny in Paris.');
  });
});

describe('the approval scenario', () => {
  const user = userMessage('Please delete /tmp/report.txt');

  it('calls deleteFile with the path in the prompt', async () => {
    const { events, message } = await turn([user]);
    expect(shape(events)).toEqual(TOOL_STEP);
    expect(toolCalls(message)).toMatchObject([{ toolName: 'deleteFile', input: { path: '/tmp/report.txt' } }]);
  });

  it('confirms the deletion after an approved call’s output', async () => {
    const first = await turn([user]);
    const done = settle(first.message, toolCalls(first.message)[0]!.toolCallId, { state: 'output-available', approved: true, output: { deleted: true } });
    expect(textOf((await turn([user, done])).message)).toBe('Done: I deleted /tmp/report.txt.');
  });

  it('says the file is still there after a denial', async () => {
    const first = await turn([user]);
    const denied = settle(first.message, toolCalls(first.message)[0]!.toolCallId, { state: 'denied', approved: false });
    expect(textOf((await turn([user, denied])).message)).toBe('Understood, I did not delete /tmp/report.txt; it is still there.');
  });
});

describe('the multi-step scenario', () => {
  it('goes search → text and calculator → final text, one step per request, in one assistant message', async () => {
    const user = userMessage('Research the history of tea');
    const first = await turn([user]);
    expect(shape(first.events)).toEqual(TOOL_STEP);
    const search = toolCalls(first.message)[0]!;
    expect(search).toMatchObject({ toolName: 'search', input: { query: 'history of tea' } });

    const afterSearch = settle(first.message, search.toolCallId, { state: 'output-available', output: { results: [{ title: 'a' }, { title: 'b' }] } });
    const second = await turn([user, afterSearch]);
    expect(shape(second.events)).toEqual([
      'start', 'start-step', 'text-start', 'text-delta', 'text-end', 'tool-input-start', 'tool-input-delta', 'tool-input-available', 'finish-step', 'finish',
    ]);
    expect(chunks(second.events).at(-1)).toEqual({ type: 'finish', finishReason: 'tool-calls' });
    const calculator = toolCalls(second.message)[0]!;
    expect(calculator).toMatchObject({ toolName: 'calculator', input: { expression: '365 * 24' } });
    expect(calculator.toolCallId).not.toBe(search.toolCallId);
    expect(textOf(second.message)).toBe('I found 2 results about history of tea. Let me check one number before I answer.');

    // The client keeps one message for the turn: the second reply's parts follow the first's.
    const merged: UIMessage = { ...afterSearch, parts: [...afterSearch.parts, ...second.message.parts] };
    const afterCalculator = settle(merged, calculator.toolCallId, { state: 'output-available', output: 8760 });
    const third = await turn([user, afterCalculator]);
    expect(shape(third.events)).toEqual(TEXT_STEP);
    expect(textOf(third.message)).toContain('365 * 24 = 8760');
  });
});
