import { expect, it } from 'vitest';
import { sseStreamBench } from './sse-stream.bench.ts';

it('benchmark 2 reads the same byte stream through parseSSEStream and the AI SDK pipeline', async () => {
  const rows = await sseStreamBench.run({ smoke: true, log: () => {} });

  expect(rows.map((row) => row.subject)).toEqual(['parseSSEStream', 'TextDecoderStream → EventSourceParserStream (AI SDK)']);
  expect(rows[0]?.checks?.[0]?.target).toBe('≥ 3×');
});
