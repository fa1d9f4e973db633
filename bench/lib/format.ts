import type { Stat, Unit } from './bench-module.ts';

/** `1.23 ms`, `456 µs`, `9.6 s`: three significant figures. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (ms < 1) return `${significant(ms * 1000)} µs`;
  if (ms < 1000) return `${significant(ms)} ms`;
  return `${significant(ms / 1000)} s`;
}

/** Sizes as size-limit writes them (1 kB = 1000 B), so the table and `npm run size` agree. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  if (bytes < 1_000_000) return `${significant(bytes / 1000)} kB`;
  return `${significant(bytes / 1_000_000)} MB`;
}

export function formatFactor(value: number): string {
  return `${significant(value)}×`;
}

export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'ms':
      return formatMs(value);
    case 'bytes':
      return formatBytes(value);
    case 'factor':
      return formatFactor(value);
    case 'count':
      return Math.round(value).toLocaleString('en-US');
  }
}

export function formatStat(value: Stat | number | undefined, unit: Unit): { median: string; range: string; runs: string } {
  if (value === undefined) return { median: '—', range: '', runs: '' };
  if (typeof value === 'number') return { median: formatValue(value, unit), range: '', runs: '' };
  return {
    median: formatValue(value.median, unit),
    range: `${formatValue(value.min, unit)} – ${formatValue(value.max, unit)}`,
    runs: String(value.runs),
  };
}

/** Megabytes (10^6 B) per second. */
export function throughput(bytes: number, ms: number): string {
  return `${significant(bytes / 1000 / ms)} MB/s`;
}

function significant(value: number): string {
  if (value >= 100) return String(Math.round(value));
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}
