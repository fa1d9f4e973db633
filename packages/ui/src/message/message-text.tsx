import { forwardRef, type HTMLAttributes } from 'react';
import type { PartState } from '@streamkit/core';
import { cn } from '../lib/cn.ts';
import { Markdown } from '../markdown/markdown.tsx';

/** `markdown` for model output; `plain` for what a user typed. */
export type MessageTextFormat = 'markdown' | 'plain';

export interface MessageTextProps extends HTMLAttributes<HTMLDivElement> {
  text: string;
  /** Whether the text is still growing. Default: `'done'`. */
  state?: PartState;
  /**
   * How the text renders. `'markdown'`: as Markdown, safe for untrusted model output, repairing
   * half-finished syntax while `state` is `'streaming'`. `'plain'`: exactly as typed, line breaks
   * kept, nothing interpreted (users type plain text, and `*` or `#` in it mean nothing).
   * Default: `'markdown'`.
   */
  format?: MessageTextFormat;
}

/** The text of a message part: model output as streaming Markdown, user input as plain text. */
export const MessageText = forwardRef<HTMLDivElement, MessageTextProps>(function MessageText(
  { text, state = 'done', format = 'markdown', className, ...props },
  ref,
) {
  if (format === 'plain') {
    return (
      <div
        ref={ref}
        data-slot="message-text"
        data-state={state}
        data-format={format}
        className={cn('whitespace-pre-wrap break-words', className)}
        {...props}
      >
        {text}
      </div>
    );
  }
  return (
    <Markdown
      ref={ref}
      data-slot="message-text"
      data-state={state}
      data-format={format}
      streaming={state === 'streaming'}
      className={className}
      {...props}
    >
      {text}
    </Markdown>
  );
});
