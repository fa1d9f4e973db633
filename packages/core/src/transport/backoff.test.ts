import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelay } from './backoff.ts';

describe('retryDelay', () => {
  it('grows exponentially with jitter between half and the whole step', () => {
    expect(retryDelay(1, { random: () => 0 })).toBe(250);
    expect(retryDelay(1, { random: () => 1 })).toBe(500);
    expect(retryDelay(3, { random: () => 1 })).toBe(2000);
  });

  it('never exceeds the ceiling', () => {
    expect(retryDelay(30, { random: () => 1, maxDelayMs: 8000 })).toBe(8000);
  });

  it("takes the server's delay when it gave one", () => {
    expect(retryDelay(4, { serverDelayMs: 1200 })).toBe(1200);
    expect(retryDelay(4, { serverDelayMs: 120_000, maxDelayMs: 30_000 })).toBe(120_000);
    expect(retryDelay(4, { serverDelayMs: 86_400_000 })).toBe(300_000);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('3')).toBe(3000);
  });

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('Wed, 25 Nov 2026 10:00:00 GMT');
    expect(parseRetryAfter('Wed, 25 Nov 2026 10:00:05 GMT', now)).toBe(5000);
  });

  it('ignores missing and unreadable values', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter('-1')).toBeUndefined();
  });
});
