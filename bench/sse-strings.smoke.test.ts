import { expect, it } from 'vitest';
import { sseStringsBench } from './sse-strings.bench.ts';

it('benchmark 1 races createSSEParser against eventsource-parser on three chunkings of the same events', async () => {
  const rows = await sseStringsBench.run({ smoke: true, log: () => {} });

  expect(rows).toHaveLength(6);
  expect(new Set(rows.map((row) => row.subject))).toEqual(new Set(['createSSEParser', 'eventsource-parser']));
  for (const row of rows.filter((row) => row.subject === 'createSSEParser')) {
    expect(row.checks?.[0]?.target).toMatch(/^≥ 1\.[02]×$/);
  }
});
