import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import type { ChatConnection, HTTPError, StreamkitError } from '@streamkit/core';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionStatus } from './connection-status.tsx';

function connection(overrides: Partial<ChatConnection> = {}): ChatConnection {
  return { state: 'open', attempt: 0, maxAttempts: 5, online: true, ...overrides };
}

// Plain objects of the same shape: ui imports core for types only.
function httpError(status: number): HTTPError {
  return { name: 'HTTPError', code: 'http/status', status, body: '', message: `The server answered ${status}.` };
}

function streamkitError(code: StreamkitError['code'], message: string): StreamkitError {
  return { name: 'StreamkitError', code, message };
}

const region = () => screen.getByRole('status');

describe('ConnectionStatus', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is a polite live region in every state', () => {
    render(<ConnectionStatus connection={connection()} status="streaming" />);
    expect(region()).toHaveAttribute('aria-live', 'polite');
    expect(region()).toHaveAttribute('data-slot', 'connection-status');
  });

  it('shows only a quiet dot and announces nothing while all is well', () => {
    render(<ConnectionStatus connection={connection()} status="streaming" />);
    expect(region()).toHaveAttribute('data-state', 'ok');
    expect(region()).toHaveTextContent('');
    expect(region().querySelector('[data-slot="connection-status-dot"]')).toHaveAttribute('aria-hidden', 'true');
  });

  it('shows a pulsing dot, still under reduced motion, while connecting', () => {
    render(<ConnectionStatus connection={connection({ state: 'connecting' })} status="submitted" />);
    expect(region()).toHaveAttribute('data-state', 'connecting');
    expect(region()).toHaveTextContent('');
    expect(region().querySelector('[data-slot="connection-status-dot"]')).toHaveClass('animate-pulse', 'motion-reduce:animate-none');
  });

  it('shows the reconnection attempt out of the maximum', () => {
    render(<ConnectionStatus connection={connection({ state: 'reconnecting', attempt: 2 })} status="streaming" />);
    expect(region()).toHaveAttribute('data-state', 'reconnecting');
    expect(screen.getByText('Reconnecting… (attempt 2 of 5)')).toBeInTheDocument();
  });

  it('counts a reconnection the store has not counted yet as attempt 1', () => {
    render(<ConnectionStatus connection={connection({ state: 'reconnecting', attempt: 0 })} status="streaming" />);
    expect(screen.getByText('Reconnecting… (attempt 1 of 5)')).toBeInTheDocument();
  });

  it('leaves out the maximum when attempts are unlimited', () => {
    render(
      <ConnectionStatus connection={connection({ state: 'reconnecting', attempt: 3, maxAttempts: Infinity })} status="streaming" />,
    );
    expect(screen.getByText('Reconnecting… (attempt 3)')).toBeInTheDocument();
  });

  it('stops its spinner under reduced motion', () => {
    render(<ConnectionStatus connection={connection({ state: 'reconnecting', attempt: 1 })} status="streaming" />);
    expect(region().querySelector('[data-slot="connection-status-spinner"]')).toHaveClass('animate-spin', 'motion-reduce:animate-none');
  });

  it('counts down to the next attempt once a second, then hides the countdown', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    render(
      <ConnectionStatus
        connection={connection({ state: 'reconnecting', attempt: 2, nextAttemptAt: 1_000_000 + 3000 })}
        status="streaming"
      />,
    );
    expect(screen.getByText('Retrying in 3 s')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(999));
    expect(screen.getByText('Retrying in 3 s')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(1));
    expect(screen.getByText('Retrying in 2 s')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByText('Retrying in 1 s')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.queryByText(/Retrying in/)).not.toBeInTheDocument();
    expect(screen.getByText('Reconnecting… (attempt 2 of 5)')).toBeInTheDocument();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rounds a partial second up and ticks on the whole-second boundary', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    render(
      <ConnectionStatus
        connection={connection({ state: 'reconnecting', attempt: 1, nextAttemptAt: 1_000_000 + 2500 })}
        status="streaming"
      />,
    );
    expect(screen.getByText('Retrying in 3 s')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(500));
    expect(screen.getByText('Retrying in 2 s')).toBeInTheDocument();
  });

  it('restarts the countdown for the next attempt', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const { rerender } = render(
      <ConnectionStatus
        connection={connection({ state: 'reconnecting', attempt: 1, nextAttemptAt: 1_000_000 + 1000 })}
        status="streaming"
      />,
    );
    act(() => vi.advanceTimersByTime(4000));
    rerender(
      <ConnectionStatus
        connection={connection({ state: 'reconnecting', attempt: 2, nextAttemptAt: 1_000_000 + 4000 + 2000 })}
        status="streaming"
      />,
    );
    expect(screen.getByText('Reconnecting… (attempt 2 of 5)')).toBeInTheDocument();
    expect(screen.getByText('Retrying in 2 s')).toBeInTheDocument();
  });

  it('shows no countdown while an attempt is under way', () => {
    render(<ConnectionStatus connection={connection({ state: 'reconnecting', attempt: 2 })} status="streaming" />);
    expect(screen.queryByText(/Retrying in/)).not.toBeInTheDocument();
  });

  it('keeps the ticking countdown out of the announcements', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    render(
      <ConnectionStatus
        connection={connection({ state: 'reconnecting', attempt: 2, nextAttemptAt: 1_000_000 + 5000 })}
        status="streaming"
      />,
    );
    expect(screen.getByText('Retrying in 5 s')).toHaveAttribute('aria-hidden', 'true');
  });

  it('says the user is offline and that the reply will resume', () => {
    render(<ConnectionStatus connection={connection({ state: 'reconnecting', online: false })} status="streaming" />);
    expect(region()).toHaveAttribute('data-state', 'offline');
    expect(region()).toHaveTextContent("You're offline — will resume when the connection is back");
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('says the connection failed, why, and offers Retry', async () => {
    const onRetry = vi.fn();
    const user = userEvent.setup();
    render(
      <ConnectionStatus
        connection={connection({ state: 'closed' })}
        status="error"
        error={streamkitError('network/failed', 'fetch failed')}
        onRetry={onRetry}
      />,
    );
    expect(region()).toHaveAttribute('data-state', 'failed');
    expect(region()).toHaveTextContent("Connection failedCan't reach the server");
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('offers no Retry without onRetry', () => {
    render(<ConnectionStatus connection={connection({ state: 'closed' })} status="error" />);
    expect(screen.getByText('Connection failed')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it.each([
    ['HTTP 429', httpError(429), 'The server is busy'],
    ['HTTP 503', httpError(503), 'The server had a problem'],
    ['HTTP 404', httpError(404), 'The server answered 404.'],
    ['network/failed', streamkitError('network/failed', 'fetch failed'), "Can't reach the server"],
    ['stream/incomplete', streamkitError('stream/incomplete', 'closed early'), 'The stream was cut off'],
    ['stream/server-error', streamkitError('stream/server-error', 'Model overloaded'), 'Model overloaded'],
  ])('words a %s failure for people', (_name, error, text) => {
    render(<ConnectionStatus connection={connection({ state: 'closed' })} status="error" error={error} />);
    expect(screen.getByText(text)).toHaveAttribute('data-slot', 'connection-status-detail');
  });

  it('merges className last, spreads props and forwards its ref', () => {
    const ref = createRef<HTMLDivElement>();
    render(
      <ConnectionStatus
        ref={ref}
        connection={connection({ online: false })}
        status="streaming"
        className="custom rounded-none"
        data-testid="connection"
      />,
    );
    expect(region()).toHaveClass('custom', 'rounded-none');
    expect(region()).not.toHaveClass('rounded-lg');
    expect(region()).toHaveAttribute('data-testid', 'connection');
    expect(ref.current).toBe(region());
  });

  it('has no axe violations in any state', async () => {
    const { container } = render(
      <>
        <ConnectionStatus connection={connection()} status="streaming" />
        <ConnectionStatus connection={connection({ state: 'connecting' })} status="submitted" />
        <ConnectionStatus connection={connection({ state: 'reconnecting', attempt: 2, nextAttemptAt: Date.now() + 5000 })} status="streaming" />
        <ConnectionStatus connection={connection({ online: false })} status="streaming" />
        <ConnectionStatus connection={connection({ state: 'closed' })} status="error" error={httpError(429)} onRetry={vi.fn()} />
      </>,
    );
    // jsdom does no rendering, so axe cannot compute color contrast there.
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations).toEqual([]);
  });
});
