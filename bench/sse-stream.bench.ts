import { parseSSEStream } from '@streamkit/core';
import { EventSourceParserStream } from 'eventsource-parser/stream';
import type { BenchModule, BenchOptions, BenchRow } from './lib/bench-module.ts';
import { alternate } from './lib/alternate.ts';
import { formatFactor, formatMs, throughput } from './lib/format.ts';
import { splitRandom } from './lib/split.ts';
import { uiMessageStreamCorpus } from './lib/ui-message-stream-corpus.ts';

const OURS = 'parseSSEStream';
const THEIRS = 'TextDecoderStream → EventSourceParserStream (AI SDK)';
const TARGET = 3;

/** A body that hands out one prepared chunk per pull, as a network read would. */
function byteStream(chunks: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next < chunks.length) controller.enqueue(chunks[next++]!);
      else controller.close();
    },
  });
}

async function ours(chunks: readonly Uint8Array[]): Promise<number> {
  let dataLength = 0;
  for await (const event of parseSSEStream(byteStream(chunks))) dataLength += event.data.length;
  return dataLength;
}

/** The AI SDK's parseJsonEventStream, up to (not including) its JSON-parsing TransformStream. */
async function theirs(chunks: readonly Uint8Array[]): Promise<number> {
  let dataLength = 0;
  // The DOM typings give TextDecoderStream a BufferSource writable side that TS won't match to Uint8Array.
  const decoder = new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>;
  const reader = byteStream(chunks).pipeThrough(decoder).pipeThrough(new EventSourceParserStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return dataLength;
    dataLength += value.data.length;
  }
}

/** Benchmark 2: bytes to events through streams, against the AI SDK's pipeline. */
export const sseStreamBench: BenchModule = {
  id: 'sse-stream',
  title: '2. SSE parser, the real path (bytes → events)',
  description:
    '`parseSSEStream(body)` vs the pipeline the AI SDK uses (`body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream())`, read with a reader), on the same UTF-8 bytes served by a `ReadableStream<Uint8Array>` one random 1–300-byte chunk per pull. Both must deliver the same total data length.',
  async run(options: BenchOptions): Promise<BenchRow[]> {
    const eventCount = options.smoke ? 500 : 200_000;
    const bytes = new TextEncoder().encode(uiMessageStreamCorpus(eventCount));
    const chunks = splitRandom(bytes, 1, 300);
    const name = `${eventCount.toLocaleString('en-US')} events, ${(bytes.length / 1e6).toFixed(1)} MB, ${chunks.length.toLocaleString('en-US')} random 1–300-byte chunks`;
    const expected = await theirs(chunks);
    const actual = await ours(chunks);
    if (actual !== expected) throw new Error(`${OURS} read ${actual} data chars, the AI SDK pipeline ${expected}`);

    const stats = await alternate(
      [
        { name: OURS, run: () => ours(chunks) },
        { name: THEIRS, run: () => theirs(chunks) },
      ],
      options,
    );
    const mine = stats.get(OURS)!.cpu;
    const other = stats.get(THEIRS)!.cpu;
    const ratio = other.median / mine.median;
    return [
      {
        case: name,
        subject: OURS,
        value: mine,
        unit: 'ms',
        extra: `${throughput(bytes.length, mine.median)}; wall ${formatMs(stats.get(OURS)!.wall.median)}`,
        checks: [{ measured: `${formatFactor(ratio)} the AI SDK pipeline's throughput`, target: `≥ ${TARGET}×`, met: ratio >= TARGET }],
      },
      { case: name, subject: THEIRS, value: other, unit: 'ms', extra: `${throughput(bytes.length, other.median)}; wall ${formatMs(stats.get(THEIRS)!.wall.median)}` },
    ];
  },
};
