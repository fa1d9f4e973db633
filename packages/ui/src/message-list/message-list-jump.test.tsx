import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import type { UIMessage } from '@streamkit/core';
import { assistantMessage, generateConversation, userMessage } from '../fixtures/messages.ts';
import { MessageList } from './message-list.tsx';

const question = userMessage('u1', 'What is SSE?');
const history = [question, assistantMessage('a1', 'Server', 'streaming')];
const grown = [question, assistantMessage('a1', 'Server-sent events', 'streaming')];

// jsdom does no layout; give the list the geometry a browser would measure.
function setGeometry(el: HTMLElement, { scrollHeight, clientHeight }: { scrollHeight: number; clientHeight: number }) {
  Object.defineProperty(el, 'scrollHeight', { configurable: true, value: scrollHeight });
  Object.defineProperty(el, 'clientHeight', { configurable: true, value: clientHeight });
}

function renderList(messages: UIMessage[] = history) {
  const view = render(<MessageList messages={messages} status="streaming" />);
  const log = screen.getByRole('log');
  setGeometry(log, { scrollHeight: 1000, clientHeight: 400 });
  log.scrollTop = 600; // at the bottom
  act(() => log.dispatchEvent(new Event('scroll')));
  return { ...view, log };
}

function scrollTo(log: HTMLElement, top: number) {
  log.scrollTop = top;
  act(() => log.dispatchEvent(new Event('scroll')));
}

function jumpButton() {
  return screen.queryByRole('button', { name: 'Jump to latest' });
}

describe('MessageList stick to bottom and Jump to latest', () => {
  it('shows no Jump to latest button while at the bottom', () => {
    renderList();
    expect(jumpButton()).not.toBeInTheDocument();
  });

  it('shows Jump to latest after the user scrolls up, over the list, and hides it once clicked', async () => {
    const user = userEvent.setup();
    const { log } = renderList();
    scrollTo(log, 200);
    const button = jumpButton();
    expect(button).toBeInTheDocument();
    expect(button).toHaveAttribute('data-slot', 'message-list-jump');
    expect(log).toContainElement(button);

    await user.click(button!);
    expect(jumpButton()).not.toBeInTheDocument();
    expect(log.scrollTop).toBe(1000);
  });

  it('follows growth again after Jump to latest', async () => {
    const user = userEvent.setup();
    const { log, rerender } = renderList();
    scrollTo(log, 200);
    await user.click(jumpButton()!);
    setGeometry(log, { scrollHeight: 1300, clientHeight: 400 });
    rerender(<MessageList messages={grown} status="streaming" />);
    expect(log.scrollTop).toBe(1300);
  });

  it('holds the reading position while the reply grows below it', () => {
    const { log, rerender } = renderList();
    scrollTo(log, 200);
    setGeometry(log, { scrollHeight: 1300, clientHeight: 400 });
    rerender(<MessageList messages={grown} status="streaming" />);
    expect(log.scrollTop).toBe(200);
    expect(jumpButton()).toBeInTheDocument();
  });

  it('escapes on a small wheel nudge up, even within 48px of the bottom', () => {
    const { log, rerender } = renderList();
    act(() => log.dispatchEvent(new WheelEvent('wheel', { deltaY: -10 })));
    scrollTo(log, 590);
    expect(jumpButton()).toBeInTheDocument();
    setGeometry(log, { scrollHeight: 1300, clientHeight: 400 });
    rerender(<MessageList messages={grown} status="streaming" />);
    expect(log.scrollTop).toBe(590);
  });

  it('escapes on Page Up, even within 48px of the bottom', () => {
    const { log } = renderList();
    act(() => log.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageUp', bubbles: true })));
    scrollTo(log, 570);
    expect(jumpButton()).toBeInTheDocument();
  });

  it('judges a user scroll whose event has not arrived before following new content', () => {
    const { log, rerender } = renderList();
    act(() => log.dispatchEvent(new WheelEvent('wheel', { deltaY: -100 })));
    log.scrollTop = 500; // moved, scroll event still to come
    setGeometry(log, { scrollHeight: 1300, clientHeight: 400 });
    rerender(<MessageList messages={grown} status="streaming" />);
    expect(log.scrollTop).toBe(500);
    expect(jumpButton()).toBeInTheDocument();
  });

  it('does not unstick on a layout-driven scroll that keeps the list within 48px of the bottom', () => {
    const { log, rerender } = renderList();
    // No wheel, key or touch: the browser or a virtualizer moved the list (a row above shrank).
    scrollTo(log, 580);
    expect(jumpButton()).not.toBeInTheDocument();
    setGeometry(log, { scrollHeight: 1300, clientHeight: 400 });
    rerender(<MessageList messages={grown} status="streaming" />);
    expect(log.scrollTop).toBe(1300);
  });

  it('sticks again and hides the button when the user scrolls back to the bottom', () => {
    const { log } = renderList();
    scrollTo(log, 200);
    expect(jumpButton()).toBeInTheDocument();
    scrollTo(log, 600);
    expect(jumpButton()).not.toBeInTheDocument();
  });

  it('hides the button when what was below shrinks away', () => {
    const { log, rerender } = renderList();
    scrollTo(log, 200);
    setGeometry(log, { scrollHeight: 600, clientHeight: 400 });
    rerender(<MessageList messages={[question]} status="submitted" />);
    expect(jumpButton()).not.toBeInTheDocument();
  });

  it('has no axe violations with the button shown', async () => {
    const { log, container } = renderList();
    scrollTo(log, 200);
    expect(jumpButton()).toBeInTheDocument();
    // jsdom does no rendering, so axe cannot compute color contrast there.
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });

  it('names the button with jumpToLatestLabel', () => {
    render(<MessageList messages={history} status="streaming" jumpToLatestLabel="Aller au dernier message" />);
    const log = screen.getByRole('log');
    setGeometry(log, { scrollHeight: 1000, clientHeight: 400 });
    scrollTo(log, 100);
    expect(screen.getByRole('button', { name: 'Aller au dernier message' })).toBeInTheDocument();
  });

  it('shows and works the same in a virtualized list', async () => {
    const user = userEvent.setup();
    render(<MessageList messages={generateConversation(500)} status="ready" />);
    const log = screen.getByRole('log');
    expect(log).toHaveAttribute('data-virtualized');
    setGeometry(log, { scrollHeight: 40_000, clientHeight: 400 });
    scrollTo(log, 39_600);
    scrollTo(log, 1_000);
    await user.click(jumpButton()!);
    expect(jumpButton()).not.toBeInTheDocument();
    expect(log.scrollTop).toBe(40_000);
  });
});
