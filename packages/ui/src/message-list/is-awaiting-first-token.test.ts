import { describe, expect, it } from 'vitest';
import { assistantMessage, messageWithParts, userMessage } from '../fixtures/messages.ts';
import { isAwaitingFirstToken } from './is-awaiting-first-token.ts';

const question = userMessage('u1', 'Hi?');

describe('isAwaitingFirstToken', () => {
  it('is true while submitted', () => {
    expect(isAwaitingFirstToken([question], 'submitted')).toBe(true);
  });

  it('is true while submitted even if an old assistant reply is last (regenerate)', () => {
    expect(isAwaitingFirstToken([question, assistantMessage('a1', 'Old answer')], 'submitted')).toBe(true);
  });

  it('is false when ready', () => {
    expect(isAwaitingFirstToken([question], 'ready')).toBe(false);
  });

  it('is false on error, even with no reply', () => {
    expect(isAwaitingFirstToken([question], 'error')).toBe(false);
  });

  it('is false when ready with no messages', () => {
    expect(isAwaitingFirstToken([], 'ready')).toBe(false);
  });

  it('is true while streaming and the last message is the user message', () => {
    expect(isAwaitingFirstToken([question], 'streaming')).toBe(true);
  });

  it('is true while streaming and the assistant message has no parts yet', () => {
    expect(isAwaitingFirstToken([question, messageWithParts('a1', 'assistant', [])], 'streaming')).toBe(true);
  });

  it('is true while streaming and the assistant text is still empty', () => {
    expect(isAwaitingFirstToken([question, assistantMessage('a1', '', 'streaming')], 'streaming')).toBe(true);
  });

  it('is true while streaming and the assistant text is only whitespace', () => {
    expect(isAwaitingFirstToken([question, assistantMessage('a1', '\n ', 'streaming')], 'streaming')).toBe(true);
  });

  it('is true while streaming and the assistant has only a step-start part', () => {
    const reply = messageWithParts('a1', 'assistant', [{ type: 'step-start' }]);
    expect(isAwaitingFirstToken([question, reply], 'streaming')).toBe(true);
  });

  it('is false once the assistant text has its first token', () => {
    expect(isAwaitingFirstToken([question, assistantMessage('a1', 'Hel', 'streaming')], 'streaming')).toBe(false);
  });

  it('is false once reasoning text arrives', () => {
    const reply = messageWithParts('a1', 'assistant', [{ type: 'reasoning', text: 'Hmm', state: 'streaming' }]);
    expect(isAwaitingFirstToken([question, reply], 'streaming')).toBe(false);
  });

  it('is true while the reasoning part is still empty', () => {
    const reply = messageWithParts('a1', 'assistant', [{ type: 'reasoning', text: '', state: 'streaming' }]);
    expect(isAwaitingFirstToken([question, reply], 'streaming')).toBe(true);
  });

  it('is false once a tool call starts, even before its input', () => {
    const reply = messageWithParts('a1', 'assistant', [
      { type: 'tool-call', toolCallId: 't1', toolName: 'search', state: 'input-streaming', inputText: '', input: undefined },
    ]);
    expect(isAwaitingFirstToken([question, reply], 'streaming')).toBe(false);
  });
});
