export interface BackoffOptions {
  /** Delay before the first retry. Default: 500 ms. */
  initialDelayMs?: number;
  /** Ceiling for any delay. Default: 30 s. */
  maxDelayMs?: number;
}

const serverDelayCeilingMs = 5 * 60_000;

/**
 * Exponential backoff with full jitter (a random delay between 0 and the exponential step), so that
 * many clients dropped at once by the same load balancer do not all come back in the same instant.
 * A server's own word wins: `retry:` from the stream or `Retry-After` from the response.
 */
export function retryDelay(
  attempt: number,
  options: BackoffOptions & { serverDelayMs?: number | undefined; random?: () => number } = {},
): number {
  const { initialDelayMs = 500, maxDelayMs = 30_000, serverDelayMs, random = Math.random } = options;
  // The server's own delay is honoured past maxDelayMs (it knows its load), up to a sanity ceiling.
  if (serverDelayMs !== undefined) return Math.min(serverDelayMs, serverDelayCeilingMs);
  const step = Math.min(maxDelayMs, initialDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

/** `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
