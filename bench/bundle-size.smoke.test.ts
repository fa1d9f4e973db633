import { expect, it } from 'vitest';
import { bundleSizeBench } from './bundle-size.bench.ts';

it('benchmark 7 bundles the chat hook path with rolldown and reports its gzip size', async () => {
  const [row] = await bundleSizeBench.run({ smoke: true, log: () => {} });

  expect(row?.subject).toBe('@streamkit/react + core');
  // A broken resolve (e.g. the source condition missing) would give an empty or tiny bundle.
  expect(row?.value).toBeGreaterThan(1_000);
});
