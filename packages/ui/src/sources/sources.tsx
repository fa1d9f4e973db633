import { forwardRef, useId, type HTMLAttributes } from 'react';
import type { SourcePart } from '@streamkit/core';
import { cn } from '../lib/cn.ts';
import { describeSource } from './describe-source.ts';

export interface SourcesProps extends HTMLAttributes<HTMLDivElement> {
  /** Listed in order and numbered from 1, matching the numbers of `Citation` markers. */
  sources: SourcePart[];
  /** The list's heading and accessible name. Default: `'Sources'`. */
  label?: string;
}

/**
 * The numbered list of sources at the end of a message. Only http: and https: URLs become links
 * (opening in a new tab); any other URL, and every document, shows as text.
 */
export const Sources = forwardRef<HTMLDivElement, SourcesProps>(function Sources(
  { sources, label = 'Sources', className, ...props },
  ref,
) {
  const labelId = useId();
  if (sources.length === 0) return null;
  return (
    <div ref={ref} data-slot="sources" className={cn('flex flex-col gap-1.5 text-xs', className)} {...props}>
      <p id={labelId} className="font-medium text-sk-muted-foreground">
        {label}
      </p>
      <ol aria-labelledby={labelId} className="flex flex-col gap-1">
        {sources.map((source, index) => (
          <SourceItem key={index} source={source} number={index + 1} />
        ))}
      </ol>
    </div>
  );
});

function SourceItem({ source, number }: { source: SourcePart; number: number }) {
  const { title, href, detail } = describeSource(source);
  return (
    <li data-slot="source" data-source-type={source.sourceType} className="flex min-w-0 items-baseline gap-2">
      <span
        data-slot="source-number"
        className="inline-flex h-4 min-w-4 shrink-0 items-center justify-center rounded bg-sk-muted px-1 text-[10px] font-medium text-sk-muted-foreground tabular-nums"
      >
        {number}
      </span>
      {href ? (
        <a
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          className="min-w-0 truncate rounded-sm text-sk-foreground underline decoration-sk-border underline-offset-2 outline-none hover:decoration-current focus-visible:ring-2 focus-visible:ring-sk-ring"
        >
          {title}{' '}
          <span className="sr-only">(opens in a new tab)</span>
        </a>
      ) : (
        <span data-slot="source-title" className="min-w-0 truncate text-sk-foreground">
          {title}
        </span>
      )}
      {detail ? <span className="min-w-0 shrink truncate text-sk-muted-foreground">{detail}</span> : null}
    </li>
  );
}
