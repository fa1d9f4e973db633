import { forwardRef, memo, useMemo, type HTMLAttributes } from 'react';
import type { StreamMetrics as StreamMetricsData } from '@streamkit/core';
import { cn } from '../lib/cn.ts';
import { formatStreamMetrics, type StreamMetricKey } from './format-stream-metrics.ts';

export interface StreamMetricsProps extends HTMLAttributes<HTMLDListElement> {
  /** The chat snapshot's `metrics`. */
  metrics: StreamMetricsData;
  /** One line of small text, for a footer or a toolbar. Default: `false`. */
  compact?: boolean;
  /** BCP 47 locale for the numbers. Default: the browser's. */
  locale?: string;
}

interface MetricLabel {
  /** The term shown. */
  label: string;
  /** Spelled out, for an abbreviation's tooltip. */
  description?: string;
}

const metricLabels: Record<StreamMetricKey, MetricLabel> = {
  ttft: { label: 'TTFT', description: 'Time to first token' },
  itl: { label: 'ITL', description: 'Inter-token latency, median / 95th percentile' },
  speed: { label: 'Speed' },
  tokens: { label: 'Tokens' },
  reconnects: { label: 'Reconnects' },
  bytes: { label: 'Received' },
};

// "52 tok/s" names itself; on one line its label is left to screen readers.
const selfDescribing = new Set<StreamMetricKey>(['speed']);

const StreamMetricsBase = forwardRef<HTMLDListElement, StreamMetricsProps>(function StreamMetrics(
  { metrics, compact = false, locale, className, ...props },
  ref,
) {
  const { ttftMs, itlP50Ms, itlP95Ms, tokensPerSecond, tokens, bytes, reconnects } = metrics;
  // Keyed on the numbers rather than the object: the store hands out a new metrics object with
  // every notification, often with the same values.
  const items = useMemo(
    () => formatStreamMetrics({ ttftMs, itlP50Ms, itlP95Ms, tokensPerSecond, tokens, bytes, reconnects }, locale),
    [ttftMs, itlP50Ms, itlP95Ms, tokensPerSecond, tokens, bytes, reconnects, locale],
  );

  return (
    <dl
      ref={ref}
      data-slot="stream-metrics"
      data-compact={compact || undefined}
      className={cn(
        // Tabular figures keep every digit the same width, so the values do not jitter as they change.
        'tabular-nums text-sk-foreground',
        compact
          ? 'flex flex-nowrap items-baseline gap-x-3 overflow-hidden text-xs whitespace-nowrap'
          : 'grid grid-cols-[repeat(auto-fill,minmax(7rem,1fr))] gap-3 text-sm',
        className,
      )}
      {...props}
    >
      {items.map(({ key, value }) => {
        const { label, description } = metricLabels[key];
        return (
          <div
            key={key}
            data-slot="stream-metrics-item"
            data-metric={key}
            className={compact ? 'flex items-baseline gap-1' : 'flex flex-col gap-0.5'}
          >
            <dt
              className={cn('text-sk-muted-foreground', !compact && 'text-xs', compact && selfDescribing.has(key) && 'sr-only')}
            >
              {description ? (
                <abbr title={description} className="no-underline">
                  {label}
                </abbr>
              ) : (
                label
              )}
            </dt>
            <dd className={cn(!compact && 'font-medium')}>{value}</dd>
          </div>
        );
      })}
    </dl>
  );
});

/**
 * Live numbers for the reply in progress (or the last one): time to first token, inter-token
 * latency, tokens per second and, once they happen, tokens, reconnects and bytes received. Cheap to
 * re-render once per frame: memoized, and formatting reruns only when a number changes.
 */
export const StreamMetrics = memo(StreamMetricsBase);
