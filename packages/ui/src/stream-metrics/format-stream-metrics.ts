import type { StreamMetrics } from '@streamkit/core';

/** One entry of `StreamMetrics`, in display order. */
export type StreamMetricKey = 'ttft' | 'itl' | 'speed' | 'tokens' | 'reconnects' | 'bytes';

export interface FormattedStreamMetric {
  key: StreamMetricKey;
  value: string;
}

/** Shown for a value that has not been measured yet. */
export const missingValue = '—';

interface Formatters {
  integer: Intl.NumberFormat;
  oneDecimal: Intl.NumberFormat;
}

// Building an Intl.NumberFormat costs far more than using one, and this runs once per frame while
// a reply streams, so each locale's formatters are built once.
const formattersByLocale = new Map<string, Formatters>();

function formattersFor(locale: string | undefined): Formatters {
  const key = locale ?? '';
  let formatters = formattersByLocale.get(key);
  if (!formatters) {
    formatters = {
      integer: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
      oneDecimal: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
    };
    formattersByLocale.set(key, formatters);
  }
  return formatters;
}

// Small values keep a decimal so that a fast local stream does not read as "0 ms" or "0 tok/s".
function formatNumber(value: number | undefined, formatters: Formatters): string {
  if (value === undefined || !Number.isFinite(value)) return missingValue;
  return (Math.abs(value) < 10 ? formatters.oneDecimal : formatters.integer).format(value);
}

function withUnit(value: number | undefined, unit: string, formatters: Formatters): string {
  const text = formatNumber(value, formatters);
  return text === missingValue ? text : `${text} ${unit}`;
}

const byteUnits = ['B', 'kB', 'MB', 'GB'] as const;

// Decimal (SI) units, as browsers' network panels show them. Unit symbols are not translated.
function formatBytes(bytes: number, formatters: Formatters): string {
  let value = bytes;
  let unit = 0;
  // Compare the rounded value so that 999,960 B reads "1 MB", not "1,000 kB".
  while (unit < byteUnits.length - 1 && Math.round(value * 10) / 10 >= 1000) {
    value /= 1000;
    unit += 1;
  }
  return `${(unit === 0 ? formatters.integer : formatters.oneDecimal).format(value)} ${byteUnits[unit]}`;
}

function formatLatencyPair(p50: number | undefined, p95: number | undefined, formatters: Formatters): string {
  if (p50 === undefined && p95 === undefined) return missingValue;
  return `${formatNumber(p50, formatters)} / ${formatNumber(p95, formatters)} ms`;
}

/**
 * The metrics as display strings, in order. TTFT, ITL and speed always appear (a dash until
 * measured); tokens, reconnects and bytes only once they are above zero.
 */
export function formatStreamMetrics(metrics: StreamMetrics, locale?: string): FormattedStreamMetric[] {
  const formatters = formattersFor(locale);
  const items: FormattedStreamMetric[] = [
    { key: 'ttft', value: withUnit(metrics.ttftMs, 'ms', formatters) },
    { key: 'itl', value: formatLatencyPair(metrics.itlP50Ms, metrics.itlP95Ms, formatters) },
    { key: 'speed', value: withUnit(metrics.tokensPerSecond, 'tok/s', formatters) },
  ];
  if (metrics.tokens > 0) items.push({ key: 'tokens', value: formatters.integer.format(metrics.tokens) });
  if (metrics.reconnects > 0) items.push({ key: 'reconnects', value: formatters.integer.format(metrics.reconnects) });
  if (metrics.bytes > 0) items.push({ key: 'bytes', value: formatBytes(metrics.bytes, formatters) });
  return items;
}
