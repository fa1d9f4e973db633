import { createSSEParser } from '@streamkit/core';
import { createParser } from 'eventsource-parser';
import type { BenchModule, BenchOptions, BenchRow } from './lib/bench-module.ts';
import { alternate, type Contender } from './lib/alternate.ts';
import { formatFactor, formatMs, throughput } from './lib/format.ts';
import { splitEvery, splitRandom } from './lib/split.ts';
import { uiMessageStreamCorpus } from './lib/ui-message-stream-corpus.ts';

const OURS = 'createSSEParser';
const THEIRS = 'eventsource-parser';

/** Event count and total data length: both parsers must agree on them, or the race is not fair. */
interface Tally {
  events: number;
  dataLength: number;
}

function ours(chunks: readonly string[]): Tally {
  const tally: Tally = { events: 0, dataLength: 0 };
  const parser = createSSEParser({
    onEvent(event) {
      tally.events++;
      tally.dataLength += event.data.length;
    },
  });
  for (const chunk of chunks) parser.feed(chunk);
  parser.end();
  return tally;
}

function theirs(chunks: readonly string[]): Tally {
  const tally: Tally = { events: 0, dataLength: 0 };
  const parser = createParser({
    onEvent(event) {
      tally.events++;
      tally.dataLength += event.data.length;
    },
  });
  for (const chunk of chunks) parser.feed(chunk);
  parser.reset({ consume: true });
  return tally;
}

function check(name: string, tally: Tally, expected: Tally): void {
  if (tally.events !== expected.events || tally.dataLength !== expected.dataLength) {
    throw new Error(`${name} read ${tally.events} events / ${tally.dataLength} data chars, expected ${expected.events} / ${expected.dataLength}`);
  }
}

/** Benchmark 1: the SSE parser on strings, against eventsource-parser's createParser. */
export const sseStringsBench: BenchModule = {
  id: 'sse-strings',
  title: '1. SSE parser, strings',
  description:
    '`createSSEParser` vs `eventsource-parser` `createParser` on the same UI-message-stream text, fed as one string, in 64-character chunks and in random 1–300-character chunks (chunks cut before timing). Each run creates a parser, feeds every chunk and ends it; the callback counts events and data length, and both parsers must agree on both.',
  async run(options: BenchOptions): Promise<BenchRow[]> {
    const eventCount = options.smoke ? 500 : 200_000;
    const text = uiMessageStreamCorpus(eventCount);
    const bytes = Buffer.byteLength(text);
    const expected: Tally = { events: eventCount, dataLength: theirs([text]).dataLength };
    const corpus = `${eventCount.toLocaleString('en-US')} events, ${(bytes / 1e6).toFixed(1)} MB`;

    const cases = [
      { name: `whole (${corpus})`, chunks: [text], target: 1.0 },
      { name: '64-char chunks', chunks: splitEvery(text, 64), target: 1.2 },
      { name: 'random 1–300-char chunks', chunks: splitRandom(text, 1, 300), target: 1.2 },
    ];
    const rows: BenchRow[] = [];
    for (const { name, chunks, target } of cases) {
      options.log(`  ${name}: ${chunks.length.toLocaleString('en-US')} chunks`);
      check(OURS, ours(chunks), expected);
      check(THEIRS, theirs(chunks), expected);
      const contenders: Contender[] = [
        { name: OURS, run: () => ours(chunks) },
        { name: THEIRS, run: () => theirs(chunks) },
      ];
      const stats = await alternate(contenders, options);
      const mine = stats.get(OURS)!.cpu;
      const other = stats.get(THEIRS)!.cpu;
      const ratio = other.median / mine.median;
      rows.push(
        {
          case: name,
          subject: OURS,
          value: mine,
          unit: 'ms',
          extra: `${throughput(bytes, mine.median)}; wall ${formatMs(stats.get(OURS)!.wall.median)}`,
          checks: [{ measured: `${formatFactor(ratio)} ${THEIRS}'s throughput`, target: `≥ ${target.toFixed(1)}×`, met: ratio >= target }],
        },
        { case: name, subject: THEIRS, value: other, unit: 'ms', extra: `${throughput(bytes, other.median)}; wall ${formatMs(stats.get(THEIRS)!.wall.median)}` },
      );
    }
    return rows;
  },
};
