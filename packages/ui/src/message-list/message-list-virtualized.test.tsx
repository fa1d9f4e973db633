import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UIMessage } from '@streamkit/core';
import { assistantMessage, generateConversation } from '../fixtures/messages.ts';
import { MessageList } from './message-list.tsx';

// jsdom does no layout. Give the log a 600px viewport and every row a 100px height, which is what
// the virtualizer reads (clientHeight of the scroller, offsetHeight of a row it measures).
const viewportPx = 600;
const rowPx = 100;

beforeEach(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.getAttribute('role') === 'log' ? viewportPx : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.dataset['slot'] === 'message-list-row' ? rowPx : 0;
    },
  });
});

afterEach(() => {
  // Back to jsdom's own getters on Element.prototype.
  Reflect.deleteProperty(HTMLElement.prototype, 'clientHeight');
  Reflect.deleteProperty(HTMLElement.prototype, 'offsetHeight');
});

const tenThousand = generateConversation(10_000);

function renderId(message: UIMessage) {
  return <p data-testid="row">{message.id}</p>;
}

function renderedIds(): string[] {
  return screen.queryAllByTestId('row').map((row) => row.textContent ?? '');
}

describe('MessageList virtualization', () => {
  it('renders every message when there are exactly virtualizeAfter of them', () => {
    render(<MessageList messages={generateConversation(100)} status="ready" renderMessage={renderId} />);
    expect(renderedIds()).toHaveLength(100);
    expect(screen.getByRole('log')).not.toHaveAttribute('data-virtualized');
  });

  it('virtualizes one message past virtualizeAfter', () => {
    render(<MessageList messages={generateConversation(101)} status="ready" renderMessage={renderId} />);
    expect(screen.getByRole('log')).toHaveAttribute('data-virtualized');
    expect(renderedIds().length).toBeLessThan(101);
  });

  it('keeps a 10,000-message list to the rows on screen, opening at the latest message', () => {
    render(<MessageList messages={tenThousand} status="ready" renderMessage={renderId} />);
    const ids = renderedIds();
    // 6 rows fill the viewport; 6 more of overscan above it.
    expect(ids.length).toBeLessThanOrEqual(20);
    expect(ids.at(-1)).toBe('m9999');
    expect(ids).not.toContain('m0');
  });

  it('renders the first message once scrolled to the top', () => {
    render(<MessageList messages={tenThousand} status="ready" renderMessage={renderId} />);
    const log = screen.getByRole('log');
    log.scrollTop = 0;
    act(() => log.dispatchEvent(new Event('scroll')));
    expect(renderedIds()[0]).toBe('m0');
    expect(renderedIds().length).toBeLessThanOrEqual(20);
  });

  it('renders every message with virtualizeAfter={Infinity}', () => {
    render(<MessageList messages={generateConversation(150)} status="ready" renderMessage={renderId} virtualizeAfter={Infinity} />);
    expect(renderedIds()).toHaveLength(150);
  });

  it('sizes unmeasured messages with estimateMessageHeight', () => {
    // Measured rows are 100px including their 24px gap; estimating 76px leaves nothing to correct.
    const estimate = vi.fn(() => rowPx - 24);
    render(<MessageList messages={tenThousand} status="ready" renderMessage={renderId} estimateMessageHeight={estimate} />);
    expect(estimate).toHaveBeenCalledWith(tenThousand[0]);
    // The newest message follows the virtual rows in flow; the spacer holds the other 9,999.
    const spacer = screen.getByRole('log').querySelector<HTMLElement>('[data-slot="message-list-spacer"]');
    expect(spacer?.style.height).toBe(`${rowPx - 24 + 9_998 * rowPx}px`);
  });

  it('keeps the typing indicator and children after the rows', () => {
    render(
      <MessageList messages={tenThousand} status="submitted" renderMessage={renderId}>
        <p>Something went wrong</p>
      </MessageList>,
    );
    const rows = screen.getByRole('log').querySelector('[data-slot="message-list-rows"]')!;
    const indicator = screen.getByRole('status', { name: 'Assistant is typing' });
    const notice = screen.getByText('Something went wrong');
    expect(rows.compareDocumentPosition(indicator) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(indicator.compareDocumentPosition(notice) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('does not render settled rows again when the streaming message grows', () => {
    const history = tenThousand.slice(0, 9_999);
    const renderMessage = vi.fn(renderId);
    const { rerender } = render(
      <MessageList messages={[...history, assistantMessage('live', 'Hel', 'streaming')]} status="streaming" renderMessage={renderMessage} />,
    );
    const rowsBefore = screen.getAllByTestId('row');
    renderMessage.mockClear();
    rerender(<MessageList messages={[...history, assistantMessage('live', 'Hello', 'streaming')]} status="streaming" renderMessage={renderMessage} />);
    expect(renderMessage.mock.calls.map(([message]) => message.id)).toEqual(['live']);
    // Same DOM nodes (identity, not only equal markup): keyed by message id, nothing remounted.
    const rowsAfter = screen.getAllByTestId('row');
    rowsBefore.slice(0, -1).forEach((row, index) => expect(rowsAfter[index]).toBe(row));
  });

  it('keeps rows mounted when a message is appended', () => {
    const { rerender } = render(<MessageList messages={tenThousand.slice(0, 9_999)} status="ready" renderMessage={renderId} />);
    const last = screen.getByText('m9998');
    rerender(<MessageList messages={tenThousand} status="ready" renderMessage={renderId} />);
    expect(screen.getByText('m9998')).toBe(last);
  });
});
