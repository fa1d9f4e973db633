import { forwardRef, type HTMLAttributes, type ReactNode } from 'react';
import type { ChatConnection, ChatStatus, StreamkitError } from '@streamkit/core';
import { cn } from '../lib/cn.ts';
import { describeConnectionError } from './describe-connection-error.ts';
import { getConnectionDisplayState, type ConnectionDisplayState } from './get-connection-display-state.ts';
import { useSecondsUntil } from './use-seconds-until.ts';

export interface ConnectionStatusProps extends HTMLAttributes<HTMLDivElement> {
  /** The chat snapshot's `connection`. */
  connection: ChatConnection;
  /** The chat snapshot's `status`. */
  status: ChatStatus;
  /** The chat snapshot's `error`, shown in plain words when the connection failed. Default: none. */
  error?: StreamkitError | undefined;
  /** Called when the user presses Retry. Without it, no Retry button shows. Default: none. */
  onRetry?: () => void;
}

const stateLabels: Record<ConnectionDisplayState, string> = {
  ok: 'Connected',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  offline: "You're offline — will resume when the connection is back",
  failed: 'Connection failed',
};

function attemptText({ attempt, maxAttempts }: ChatConnection): string {
  // The first reconnection counts as attempt 1 even if the store has not counted it yet.
  const current = Math.max(1, attempt);
  return Number.isFinite(maxAttempts) ? `(attempt ${current} of ${maxAttempts})` : `(attempt ${current})`;
}

/**
 * Says what is wrong with the connection, and only then: a quiet dot while all is well; the
 * reconnection attempt with a countdown; offline; or the failure in plain words with Retry.
 * A polite live region, so screen readers hear each change without being interrupted.
 */
export const ConnectionStatus = forwardRef<HTMLDivElement, ConnectionStatusProps>(function ConnectionStatus(
  { connection, status, error, onRetry, className, ...props },
  ref,
) {
  const state = getConnectionDisplayState(connection, status, error);
  const secondsLeft = useSecondsUntil(state === 'reconnecting' ? connection.nextAttemptAt : undefined);
  const quiet = state === 'ok' || state === 'connecting';

  let content: ReactNode;
  if (quiet) {
    content = (
      <span
        aria-hidden="true"
        title={stateLabels[state]}
        data-slot="connection-status-dot"
        className={cn(
          'size-2 rounded-full bg-sk-muted-foreground/40',
          state === 'connecting' && 'animate-pulse bg-sk-accent motion-reduce:animate-none',
        )}
      />
    );
  } else if (state === 'reconnecting') {
    content = (
      <>
        <Spinner />
        <span data-slot="connection-status-label">
          {stateLabels.reconnecting} {attemptText(connection)}
        </span>
        {secondsLeft !== undefined && secondsLeft > 0 && (
          // Hidden from screen readers: a live region that changes every second would announce every second.
          <span aria-hidden="true" data-slot="connection-status-countdown" className="text-sk-muted-foreground tabular-nums">
            Retrying in {secondsLeft} s
          </span>
        )}
      </>
    );
  } else if (state === 'offline') {
    content = (
      <>
        <OfflineIcon />
        <span data-slot="connection-status-label">{stateLabels.offline}</span>
      </>
    );
  } else {
    content = (
      <>
        <FailedIcon />
        <span data-slot="connection-status-label" className="font-medium">
          {stateLabels.failed}
        </span>
        {error && (
          <span data-slot="connection-status-detail" className="text-sk-muted-foreground">
            {describeConnectionError(error)}
          </span>
        )}
        {onRetry && (
          <button
            type="button"
            data-slot="connection-status-retry"
            onClick={() => onRetry()}
            className={cn(
              'ml-auto rounded-md border border-sk-border bg-sk-surface px-2.5 py-0.5 text-sm font-medium text-sk-foreground hover:bg-sk-muted',
              'outline-none focus-visible:ring-2 focus-visible:ring-sk-ring focus-visible:ring-offset-2 focus-visible:ring-offset-sk-surface',
            )}
          >
            Retry
          </button>
        )}
      </>
    );
  }

  return (
    <div
      ref={ref}
      // The region stays in the page in every state: screen readers only announce changes inside
      // a live region that already existed, so it cannot appear together with its first message.
      role="status"
      aria-live="polite"
      data-slot="connection-status"
      data-state={state}
      className={cn(
        'inline-flex items-center gap-2 text-sm text-sk-foreground',
        !quiet && 'flex-wrap rounded-lg border border-sk-border bg-sk-muted px-3 py-1.5',
        state === 'failed' && 'border-sk-danger/50',
        className,
      )}
      {...props}
    >
      {content}
    </div>
  );
});

function Spinner() {
  return (
    <svg
      aria-hidden="true"
      data-slot="connection-status-spinner"
      viewBox="0 0 24 24"
      className="size-4 shrink-0 animate-spin text-sk-muted-foreground motion-reduce:animate-none"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.5"
      strokeLinecap="round"
    >
      <circle cx="12" cy="12" r="9" className="opacity-25" />
      <path d="M21 12a9 9 0 0 0-9-9" />
    </svg>
  );
}

function OfflineIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4 shrink-0 text-sk-muted-foreground" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M12 20h.01M8.5 16.4a5 5 0 0 1 7 0M5 12.9a10 10 0 0 1 5.2-2.8M19 12.9a10 10 0 0 0-2-1.5M2 8.8a15 15 0 0 1 4.2-2.6M22 8.8A15 15 0 0 0 11.5 5M2 2l20 20" />
    </svg>
  );
}

function FailedIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4 shrink-0 text-sk-danger" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <circle cx="12" cy="12" r="9" />
      <path d="M12 8v4.5M12 16h.01" />
    </svg>
  );
}
