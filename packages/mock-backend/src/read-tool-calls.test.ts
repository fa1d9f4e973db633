import { toRequestMessages, type UIMessage } from '@streamkit/core';
import { describe, expect, it } from 'vitest';
import { readToolCalls } from './read-tool-calls.ts';

const call = { type: 'tool-call' as const, toolCallId: 'c1', toolName: 'weather', inputText: '{"city":"Oslo"}', input: { city: 'Oslo' } };

function sent(parts: UIMessage['parts']): Record<string, unknown>[] {
  return toRequestMessages([{ id: 'a1', role: 'assistant', parts, metadata: {} }]);
}

describe('readToolCalls', () => {
  it('reads an output-available tool part as the client sends it', () => {
    expect(readToolCalls(sent([{ ...call, state: 'output-available', output: { celsius: 4 } }]))).toEqual([
      { toolCallId: 'c1', toolName: 'weather', input: { city: 'Oslo' }, outcome: { state: 'output-available', output: { celsius: 4 } } },
    ]);
  });

  it('reads output-error with its text, and output-denied', () => {
    const [failed, denied] = readToolCalls(sent([
      { ...call, state: 'output-error', errorText: 'Timeout' },
      { ...call, toolCallId: 'c2', state: 'denied', approved: false },
    ]));
    expect(failed?.outcome).toEqual({ state: 'output-error', errorText: 'Timeout' });
    expect(denied?.outcome).toEqual({ state: 'output-denied' });
  });

  it('counts an approval answered "no" as a denial', () => {
    expect(readToolCalls(sent([{ ...call, state: 'executing', approvalId: 'ap1', approved: false }]))[0]?.outcome).toEqual({ state: 'output-denied' });
  });

  it('leaves a call without an outcome unanswered', () => {
    expect(readToolCalls(sent([{ ...call, state: 'input-available' }]))[0]).not.toHaveProperty('outcome');
  });

  it('reads the AI SDK dynamic-tool part by its toolName, and ignores other parts', () => {
    const message = { id: 'a', role: 'assistant', parts: [{ type: 'text', text: 'hi' }, { type: 'dynamic-tool', toolName: 'search', toolCallId: 'd1', state: 'input-available', input: {} }] };
    expect(readToolCalls([message])).toEqual([{ toolCallId: 'd1', toolName: 'search', input: {} }]);
  });
});
