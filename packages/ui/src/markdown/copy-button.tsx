import { forwardRef, useEffect, useState, type ButtonHTMLAttributes } from 'react';
import { cn } from '../lib/cn.ts';
import { CheckIcon, Icon } from '../lib/icons.tsx';

/** `idle` until pressed, then `copied` or `failed` for a moment. */
export type CopyState = 'idle' | 'copied' | 'failed';

export interface CopyButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'value'> {
  /** The text written to the clipboard. */
  value: string;
  /** Accessible name while idle. Default: `'Copy code'`. */
  label?: string;
  /** How long the `Copied` feedback stays, in milliseconds. Default: `2000`. */
  feedbackMs?: number;
}

const visibleLabels: Record<CopyState, string> = { idle: 'Copy', copied: 'Copied', failed: 'Copy failed' };
const announcements: Record<CopyState, string> = { idle: '', copied: 'Copied to clipboard', failed: 'Could not copy' };

/** Copies `value` with the Clipboard API and says so, on the button and to screen readers. */
export const CopyButton = forwardRef<HTMLButtonElement, CopyButtonProps>(function CopyButton(
  { value, label = 'Copy code', feedbackMs = 2000, className, onClick, ...props },
  ref,
) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), feedbackMs);
    return () => clearTimeout(timer);
  }, [state, feedbackMs]);

  async function copy() {
    try {
      // Missing outside secure contexts (plain http), and rejected without permission or focus.
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <>
      <button
        ref={ref}
        type="button"
        data-slot="markdown-copy-button"
        data-state={state}
        aria-label={state === 'idle' ? label : visibleLabels[state]}
        className={cn(
          'inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs text-sk-muted-foreground transition-colors',
          'hover:bg-sk-border/60 hover:text-sk-foreground outline-none focus-visible:ring-2 focus-visible:ring-sk-ring',
          'data-[state=copied]:text-sk-foreground data-[state=failed]:text-sk-danger',
          className,
        )}
        onClick={(event) => {
          onClick?.(event);
          if (!event.defaultPrevented) void copy();
        }}
        {...props}
      >
        {state === 'copied' ? <CheckIcon /> : <CopyIcon />}
        <span aria-hidden="true">{visibleLabels[state]}</span>
      </button>
      <span role="status" className="sr-only">
        {announcements[state]}
      </span>
    </>
  );
});

function CopyIcon() {
  return (
    <Icon>
      <rect x="9" y="9" width="13" height="13" rx="2" />
      <path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1" />
    </Icon>
  );
}
