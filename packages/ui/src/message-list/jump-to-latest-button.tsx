import { forwardRef, type ButtonHTMLAttributes } from 'react';
import { Icon } from '../lib/icons.tsx';
import { cn } from '../lib/cn.ts';

export interface JumpToLatestButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** The button's text and accessible name. Default: `'Jump to latest'`. */
  label?: string;
}

function ArrowDownIcon() {
  return (
    <Icon>
      <path d="M12 5v14M19 12l-7 7-7-7" />
    </Icon>
  );
}

/** The pill shown over the bottom of a message list while the user reads older messages. */
export const JumpToLatestButton = forwardRef<HTMLButtonElement, JumpToLatestButtonProps>(function JumpToLatestButton(
  { label = 'Jump to latest', className, ...props },
  ref,
) {
  return (
    <button
      ref={ref}
      type="button"
      data-slot="message-list-jump"
      className={cn(
        'inline-flex items-center gap-1.5 rounded-full border border-sk-border bg-sk-surface px-3 py-1.5 text-xs font-medium text-sk-foreground shadow-md transition-colors hover:bg-sk-muted',
        'outline-none focus-visible:ring-2 focus-visible:ring-sk-ring focus-visible:ring-offset-2 focus-visible:ring-offset-sk-surface',
        className,
      )}
      {...props}
    >
      <ArrowDownIcon />
      {label}
    </button>
  );
});
