import { expect, it } from 'vitest';
import { partialJSONBench } from './partial-json.bench.ts';

it('benchmark 3 times every partial-JSON contender and the JSON.parse floor on both chunk sizes', async () => {
  const rows = await partialJSONBench.run({ smoke: true, log: () => {} });

  const cases = new Set(rows.map((row) => row.case));
  expect(cases).toEqual(new Set(['300 B in 16-byte chunks', '600 B in 16-byte chunks', '300 B in 4-byte chunks', '600 B in 4-byte chunks']));
  for (const label of cases) {
    expect(rows.filter((row) => row.case === label).map((row) => row.subject)).toEqual([
      'createPartialJSONParser',
      '@streamparser/json',
      'partial-json (re-parse)',
      'AI SDK parsePartialJson (re-parse)',
      'one JSON.parse of the whole',
    ]);
  }
});
