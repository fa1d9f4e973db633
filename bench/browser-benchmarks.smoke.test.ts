import { expect, it } from 'vitest';
import { latencyBench } from './latency.bench.ts';
import { longMessageBench } from './long-message.bench.ts';
import { renderingBench } from './rendering.bench.ts';

// One file, so the three Chromium benchmarks run one after another rather than side by side.
const smoke = { smoke: true, log: () => {} };

it('benchmark 4 streams a reply into each chat page in Chromium and measures it', { timeout: 180_000 }, async () => {
  const rows = await renderingBench.run(smoke);

  expect(rows.map((row) => row.subject)).toEqual(['useStreamingChat', 'useChat (default)', 'useChat (throttle: 50)', expect.stringMatching(/^floor/)]);
  for (const row of rows) expect(row.value).toMatchObject({ runs: 1 });
  // Settled messages are memoized: none of the ten re-rendered while the reply streamed.
  expect(rows[0]!.checks?.[0]).toMatchObject({ met: true });
});

it('benchmark 5 times deltas of a growing markdown reply in two windows', { timeout: 180_000 }, async () => {
  const rows = await longMessageBench.run(smoke);

  expect(rows).toHaveLength(4);
  for (const row of rows) expect(row.value).toMatchObject({ runs: 1 });
});

it('benchmark 6 measures the latency from arrival to paint of every delta', { timeout: 180_000 }, async () => {
  const rows = await latencyBench.run(smoke);

  expect(rows).toHaveLength(4);
  for (const row of rows) expect(typeof row.value === 'object' && row.value.median).toBeGreaterThan(0);
});
