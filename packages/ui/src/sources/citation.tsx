import { forwardRef, type HTMLAttributes } from 'react';
import type { SourcePart } from '@streamkit/core';
import { cn } from '../lib/cn.ts';
import { describeSource } from './describe-source.ts';

export interface CitationProps extends HTMLAttributes<HTMLElement> {
  /** The source's number in the message's `Sources` list, from 1. */
  index: number;
  /** The cited source: an http(s) URL makes the marker a link to it. Default: a marker without a link. */
  source?: SourcePart;
}

/** An inline citation marker, "[1]", placed in the text after the claim it supports. */
export const Citation = forwardRef<HTMLElement, CitationProps>(function Citation({ index, source, className, ...props }, ref) {
  const description = source ? describeSource(source) : undefined;
  return (
    <sup
      ref={ref}
      data-slot="citation"
      data-source-type={source?.sourceType}
      className={cn('ml-0.5 text-[0.7em] font-medium text-sk-accent tabular-nums', className)}
      {...props}
    >
      {description?.href ? (
        <a
          href={description.href}
          target="_blank"
          rel="noopener noreferrer"
          className="rounded-sm no-underline outline-none hover:underline focus-visible:ring-2 focus-visible:ring-sk-ring"
        >
          [{index}]
          {/* Extra words for screen readers, after the visible text so the link's name starts with what is seen. */}{' '}
          <span className="sr-only">{description.title} (opens in a new tab)</span>
        </a>
      ) : (
        <span title={description?.title}>[{index}]</span>
      )}
    </sup>
  );
});
