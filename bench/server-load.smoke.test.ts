import { expect, it } from 'vitest';
import { serverLoadBench } from './server-load.bench.ts';

it('benchmark 8 streams from the mock server to a load generator in another process, every stream intact', { timeout: 30_000 }, async () => {
  const rows = await serverLoadBench.run({ smoke: true, log: () => {} });

  const [complete, gap, memory] = rows;
  expect(complete?.checks?.[0]).toMatchObject({ measured: '4 of 4 complete and intact', met: true });
  expect(gap?.value).toEqual(expect.any(Number));
  expect(memory?.unit).toBe('bytes');
});
