import { act, render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { UIMessage } from '@streamkit/core';
import { assistantMessage, conversation, userMessage } from '../fixtures/messages.ts';
import { MessageList } from './message-list.tsx';

const question = userMessage('u1', 'What is SSE?');

// jsdom does no layout; give the list the geometry a browser would measure.
function setGeometry(el: HTMLElement, { scrollHeight, clientHeight }: { scrollHeight: number; clientHeight: number }) {
  Object.defineProperty(el, 'scrollHeight', { configurable: true, value: scrollHeight });
  Object.defineProperty(el, 'clientHeight', { configurable: true, value: clientHeight });
}

describe('MessageList', () => {
  it('is a polite log of additions', () => {
    render(<MessageList messages={conversation} status="ready" />);
    const log = screen.getByRole('log');
    expect(log).toHaveAttribute('aria-live', 'polite');
    expect(log).toHaveAttribute('aria-relevant', 'additions');
    expect(log).toHaveAttribute('data-status', 'ready');
  });

  it('renders every message in order', () => {
    render(<MessageList messages={conversation} status="ready" />);
    const roles = [...screen.getByRole('log').querySelectorAll('[data-slot="message"]')].map((el) =>
      el.getAttribute('data-role'),
    );
    expect(roles).toEqual(['user', 'assistant', 'user', 'assistant']);
  });

  it('shows the empty state only when there are no messages', () => {
    const { rerender } = render(<MessageList messages={[]} status="ready" emptyState={<p>Ask me anything</p>} />);
    expect(screen.getByText('Ask me anything')).toBeInTheDocument();
    rerender(<MessageList messages={[question]} status="submitted" emptyState={<p>Ask me anything</p>} />);
    expect(screen.queryByText('Ask me anything')).not.toBeInTheDocument();
  });

  it('shows the typing indicator while submitted', () => {
    render(<MessageList messages={[question]} status="submitted" />);
    expect(screen.getByRole('status', { name: 'Assistant is typing' })).toBeInTheDocument();
  });

  it('keeps the typing indicator while streaming until the reply has visible content', () => {
    const { rerender } = render(
      <MessageList messages={[question, assistantMessage('a1', '', 'streaming')]} status="streaming" />,
    );
    expect(screen.getByRole('status')).toBeInTheDocument();
    rerender(<MessageList messages={[question, assistantMessage('a1', 'Server', 'streaming')]} status="streaming" />);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('hides the typing indicator when ready or on error', () => {
    const { rerender } = render(<MessageList messages={[question]} status="ready" />);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    rerender(<MessageList messages={[question]} status="error" />);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('uses renderMessage for each message and appends children after the messages', () => {
    const renderMessage = vi.fn((message: UIMessage) => <article key={message.id}>{message.id}</article>);
    render(
      <MessageList messages={conversation} status="ready" renderMessage={renderMessage}>
        <p>Something went wrong</p>
      </MessageList>,
    );
    expect(renderMessage).toHaveBeenCalledTimes(conversation.length);
    const articles = screen.getAllByRole('article');
    expect(articles.map((el) => el.textContent)).toEqual(['u1', 'a1', 'u2', 'a2']);
    const notice = screen.getByText('Something went wrong');
    expect(articles.at(-1)!.compareDocumentPosition(notice) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('does not call renderMessage again for settled messages when the last one grows', () => {
    const renderMessage = vi.fn((message: UIMessage) => <article>{message.id}</article>);
    const { rerender } = render(
      <MessageList messages={[...conversation, assistantMessage('a3', 'Str', 'streaming')]} status="streaming" renderMessage={renderMessage} />,
    );
    renderMessage.mockClear();
    rerender(
      <MessageList messages={[...conversation, assistantMessage('a3', 'Stream', 'streaming')]} status="streaming" renderMessage={renderMessage} />,
    );
    expect(renderMessage.mock.calls.map(([message]) => message.id)).toEqual(['a3']);
  });

  it('merges className last and forwards its ref', () => {
    const ref = createRef<HTMLDivElement>();
    render(<MessageList ref={ref} messages={[]} status="ready" className="custom overflow-hidden" />);
    const log = screen.getByRole('log');
    expect(log).toHaveClass('custom', 'overflow-hidden');
    expect(log).not.toHaveClass('overflow-y-auto');
    expect(ref.current).toBe(log);
  });

  it('scrolls to the bottom as content grows', () => {
    const { rerender } = render(<MessageList messages={[question]} status="submitted" />);
    const log = screen.getByRole('log');
    setGeometry(log, { scrollHeight: 1000, clientHeight: 400 });
    rerender(<MessageList messages={[question, assistantMessage('a1', 'Long reply', 'streaming')]} status="streaming" />);
    expect(log.scrollTop).toBe(1000);
  });

  it('stays put when the user has scrolled up more than 48px', () => {
    const { rerender } = render(<MessageList messages={[question]} status="submitted" />);
    const log = screen.getByRole('log');
    setGeometry(log, { scrollHeight: 1000, clientHeight: 400 });
    log.scrollTop = 500; // 100px above the bottom
    act(() => log.dispatchEvent(new Event('scroll')));
    setGeometry(log, { scrollHeight: 1200, clientHeight: 400 });
    rerender(<MessageList messages={[question, assistantMessage('a1', 'Long reply', 'streaming')]} status="streaming" />);
    expect(log.scrollTop).toBe(500);
  });

  it('follows again when the user scrolls back within 48px of the bottom', () => {
    const { rerender } = render(<MessageList messages={[question]} status="submitted" />);
    const log = screen.getByRole('log');
    setGeometry(log, { scrollHeight: 1000, clientHeight: 400 });
    log.scrollTop = 300;
    act(() => log.dispatchEvent(new Event('scroll')));
    log.scrollTop = 560; // 40px above the bottom
    act(() => log.dispatchEvent(new Event('scroll')));
    setGeometry(log, { scrollHeight: 1200, clientHeight: 400 });
    rerender(<MessageList messages={[question, assistantMessage('a1', 'Long reply', 'streaming')]} status="streaming" />);
    expect(log.scrollTop).toBe(1200);
  });

  it('calls a caller onScroll too', () => {
    const onScroll = vi.fn();
    render(<MessageList messages={[question]} status="ready" onScroll={onScroll} />);
    act(() => screen.getByRole('log').dispatchEvent(new Event('scroll')));
    expect(onScroll).toHaveBeenCalledTimes(1);
  });
});
