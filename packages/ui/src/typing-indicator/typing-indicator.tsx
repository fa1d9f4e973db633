import { forwardRef, type HTMLAttributes } from 'react';
import { cn } from '../lib/cn.ts';

export interface TypingIndicatorProps extends HTMLAttributes<HTMLDivElement> {
  /** What assistive technology announces while the dots show. Default: `'Assistant is typing'`. */
  label?: string;
}

// Staggered so the dots move as a wave rather than in unison.
const dotDelays = ['0ms', '160ms', '320ms'];

/** Three pulsing dots shown between sending a message and the first token of the reply. */
export const TypingIndicator = forwardRef<HTMLDivElement, TypingIndicatorProps>(function TypingIndicator(
  { label = 'Assistant is typing', className, ...props },
  ref,
) {
  return (
    <div
      ref={ref}
      role="status"
      aria-label={label}
      data-slot="typing-indicator"
      className={cn('inline-flex h-6 items-center gap-1 text-sk-muted-foreground', className)}
      {...props}
    >
      {dotDelays.map((delay) => (
        <span
          key={delay}
          aria-hidden="true"
          data-slot="typing-indicator-dot"
          className="size-1.5 animate-sk-typing rounded-full bg-current motion-reduce:animate-none motion-reduce:opacity-60"
          style={{ animationDelay: delay }}
        />
      ))}
      {/* Live regions announce their content, not their aria-label, so the label is also present as text. */}
      <span className="sr-only">{label}</span>
    </div>
  );
});
