import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement, createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ToolCallState, UIMessage } from '@streamkit/core';
import { assistantMessage, messageWithParts, userMessage } from '../fixtures/messages.ts';
import type { ToolRendererProps } from '../tool-call-card/tool-call-card.tsx';
import { Message } from './message.tsx';

function weatherCall(state: ToolCallState): UIMessage {
  return messageWithParts('a1', 'assistant', [
    { type: 'tool-call', toolCallId: 't1', toolName: 'weather', state, inputText: '{"city":"Paris"}', input: { city: 'Paris' } },
  ]);
}

// Counts renders of the text renderer: it renders exactly when its Message does, so it shows
// whether memo skipped the Message.
const textRenders = vi.hoisted(() => ({ count: 0 }));
vi.mock('./message-text.tsx', async (importOriginal) => {
  const original = await importOriginal<typeof import('./message-text.tsx')>();
  return {
    ...original,
    MessageText: (props: Parameters<typeof original.MessageText>[0]) => {
      textRenders.count += 1;
      return createElement(original.MessageText, props);
    },
  };
});

describe('Message', () => {
  it('renders a user message with data-role="user"', () => {
    render(<Message message={userMessage('u1', 'Hello there')} />);
    const text = screen.getByText('Hello there');
    expect(text.closest('[data-slot="message"]')).toHaveAttribute('data-role', 'user');
  });

  it('renders an assistant message with data-role="assistant"', () => {
    render(<Message message={assistantMessage('a1', 'Hi!')} />);
    expect(screen.getByText('Hi!').closest('[data-slot="message"]')).toHaveAttribute('data-role', 'assistant');
  });

  it('renders assistant text as Markdown', () => {
    render(<Message message={assistantMessage('a1', 'one\ntwo\n\n**three**')} />);
    const text = screen.getByText((_, el) => el?.getAttribute('data-slot') === 'message-text');
    expect(text).toHaveAttribute('data-format', 'markdown');
    expect(text.querySelectorAll('p')).toHaveLength(2);
    expect(within(text).getByText('three').tagName).toBe('STRONG');
  });

  it('renders model output as text, never as HTML', () => {
    render(<Message message={assistantMessage('a1', '<img src=x onerror="alert(1)">')} />);
    expect(screen.getByText('<img src=x onerror="alert(1)">')).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('names the speaker for screen readers', () => {
    render(<Message message={userMessage('u1', 'Hello')} />);
    expect(screen.getByText('You:')).toHaveClass('sr-only');
  });

  it('has data-status="streaming" while any part streams', () => {
    const message = messageWithParts('a1', 'assistant', [
      { type: 'text', text: 'First part.', state: 'done' },
      { type: 'text', text: 'Second', state: 'streaming' },
    ]);
    render(<Message message={message} data-testid="m" />);
    expect(screen.getByTestId('m')).toHaveAttribute('data-status', 'streaming');
    expect(screen.getByTestId('m')).toHaveAttribute('aria-busy', 'true');
  });

  it('counts a tool call whose input is streaming as streaming', () => {
    const message = messageWithParts('a1', 'assistant', [
      { type: 'tool-call', toolCallId: 't1', toolName: 'weather', state: 'input-streaming', inputText: '{"ci', input: {} },
    ]);
    render(<Message message={message} data-testid="m" />);
    expect(screen.getByTestId('m')).toHaveAttribute('data-status', 'streaming');
  });

  it('has data-status="done" when every part is done', () => {
    render(<Message message={assistantMessage('a1', 'Finished.')} data-testid="m" />);
    expect(screen.getByTestId('m')).toHaveAttribute('data-status', 'done');
    expect(screen.getByTestId('m')).not.toHaveAttribute('aria-busy');
  });

  it('shows a file part as a quiet placeholder, and hides data and step-start parts', () => {
    const message = messageWithParts('a1', 'assistant', [
      { type: 'step-start' },
      { type: 'file', url: 'https://example.com/a.png', mediaType: 'image/png' },
      { type: 'data', name: 'progress', data: { percent: 50 } },
      { type: 'text', text: 'Answer', state: 'done' },
    ]);
    const { container } = render(<Message message={message} />);
    const placeholders = [...container.querySelectorAll('[data-slot="message-part-placeholder"]')];
    expect(placeholders.map((el) => el.textContent)).toEqual(['File: image/png']);
    expect(screen.getByText('Answer')).toBeInTheDocument();
  });

  it('shows a streaming reasoning part in an open thinking panel', () => {
    const message = messageWithParts('a1', 'assistant', [{ type: 'reasoning', text: 'Compare 9.11 and 9.9', state: 'streaming' }]);
    render(<Message message={message} />);
    expect(screen.getByRole('button', { name: 'Thinking…' })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('Compare 9.11 and 9.9')).toBeVisible();
  });

  it('collapses the thinking panel once the reasoning part is done', () => {
    const streaming = messageWithParts('a1', 'assistant', [{ type: 'reasoning', text: 'Compare', state: 'streaming' }]);
    const { rerender } = render(<Message message={streaming} />);
    rerender(<Message message={messageWithParts('a1', 'assistant', [{ type: 'reasoning', text: 'Compare', state: 'done' }])} />);
    expect(screen.getByRole('button', { name: /^Thought for/ })).toHaveAttribute('aria-expanded', 'false');
  });

  it('shows redacted reasoning as redacted', () => {
    const message = messageWithParts('a1', 'assistant', [{ type: 'reasoning', text: '', state: 'done', redacted: true }]);
    render(<Message message={message} />);
    expect(screen.getByRole('button', { name: 'Thinking redacted by the provider' })).toBeDisabled();
  });

  it('shows a tool call as a ToolCallCard and passes approve and deny through', async () => {
    const user = userEvent.setup();
    const onToolApprove = vi.fn();
    const onToolDeny = vi.fn();
    render(<Message message={weatherCall('awaiting-approval')} onToolApprove={onToolApprove} onToolDeny={onToolDeny} />);
    expect(screen.getByRole('group', { name: 'Tool call: weather' })).toHaveAttribute('data-state', 'awaiting-approval');
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    expect(onToolApprove).toHaveBeenCalledWith('t1');
    await user.click(screen.getByRole('button', { name: 'Deny' }));
    expect(onToolDeny).toHaveBeenCalledWith('t1');
  });

  it('uses the custom renderer for its tool and the ToolCallCard for the others', () => {
    const message = messageWithParts('a1', 'assistant', [
      ...weatherCall('output-available').parts,
      { type: 'tool-call', toolCallId: 't2', toolName: 'search', state: 'input-available', inputText: '{}', input: { q: 'sse' } },
    ]);
    const toolRenderers = { weather: ({ part }: ToolRendererProps) => <p>Weather in {String((part.input as { city: string }).city)}</p> };
    render(<Message message={message} toolRenderers={toolRenderers} />);
    expect(screen.getByText('Weather in Paris')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Tool call: weather' })).not.toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Tool call: search' })).toBeInTheDocument();
  });

  it('passes approve and deny to a custom renderer', async () => {
    const user = userEvent.setup();
    const onToolApprove = vi.fn();
    const toolRenderers = {
      weather: ({ part, onApprove }: ToolRendererProps) => <button onClick={() => onApprove?.(part.toolCallId)}>Allow weather</button>,
    };
    render(<Message message={weatherCall('awaiting-approval')} toolRenderers={toolRenderers} onToolApprove={onToolApprove} />);
    await user.click(screen.getByRole('button', { name: 'Allow weather' }));
    expect(onToolApprove).toHaveBeenCalledWith('t1');
  });

  it('does not mistake an inherited property for a renderer when the model names a tool "constructor"', () => {
    const message = messageWithParts('a1', 'assistant', [
      { type: 'tool-call', toolCallId: 't1', toolName: 'constructor', state: 'input-available', inputText: '{}', input: {} },
    ]);
    render(<Message message={message} toolRenderers={{}} />);
    expect(screen.getByRole('group', { name: 'Tool call: constructor' })).toBeInTheDocument();
  });

  it('gathers source parts into one numbered list after the text', () => {
    const message = messageWithParts('a1', 'assistant', [
      { type: 'source', sourceType: 'url', id: 's1', url: 'https://example.com', title: 'Example' },
      { type: 'text', text: 'Answer', state: 'done' },
      { type: 'source', sourceType: 'url', id: 's2', url: 'javascript:alert(1)', title: 'Hostile' },
    ]);
    const { container } = render(<Message message={message} />);
    const list = screen.getByRole('list', { name: 'Sources' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '1Example (opens in a new tab)example.com',
      '2Hostilejavascript:alert(1)',
    ]);
    expect(screen.getAllByRole('link')).toHaveLength(1);
    const slots = [...container.querySelectorAll('[data-slot="message-content"] > [data-slot]')].map((el) => el.getAttribute('data-slot'));
    expect(slots).toEqual(['message-text', 'sources']);
  });

  it('does not render an empty text part', () => {
    const { container } = render(<Message message={assistantMessage('a1', '', 'streaming')} />);
    expect(container.querySelector('[data-slot="message-text"]')).toBeNull();
  });

  it('merges className last and forwards its ref', () => {
    const ref = createRef<HTMLDivElement>();
    render(<Message ref={ref} message={userMessage('u1', 'Hi')} className="custom justify-center" data-testid="m" />);
    const el = screen.getByTestId('m');
    expect(el).toHaveClass('custom', 'justify-center');
    expect(el).not.toHaveClass('justify-start');
    expect(ref.current).toBe(el);
  });

  it('skips re-rendering when the message keeps its identity', () => {
    const settled = assistantMessage('a1', 'Settled.');
    const { rerender } = render(<Message message={settled} />);
    const before = textRenders.count;
    rerender(<Message message={settled} />);
    expect(textRenders.count).toBe(before);
  });

  it('re-renders when it gets a new message object or other props', () => {
    const { rerender } = render(<Message message={assistantMessage('a1', 'Grow')} />);
    const before = textRenders.count;
    rerender(<Message message={assistantMessage('a1', 'Growing')} />);
    expect(textRenders.count).toBe(before + 1);
    expect(screen.getByText('Growing')).toBeInTheDocument();
    const same = assistantMessage('a1', 'Growing');
    rerender(<Message message={same} />);
    rerender(<Message message={same} className="px-2" />);
    expect(textRenders.count).toBe(before + 3);
  });
});
