import { isDeepStrictEqual } from 'node:util';
import { createPartialJSONParser } from '@streamkit/core';
import { JSONParser } from '@streamparser/json';
import { parsePartialJson } from 'ai';
import { parse as parsePartial } from 'partial-json';
import type { BenchModule, BenchOptions, BenchRow, Check } from './lib/bench-module.ts';
import { alternate, type Contender, type Timings } from './lib/alternate.ts';
import { formatBytes, formatFactor, formatMs, throughput } from './lib/format.ts';
import { llmJSON } from './lib/llm-json.ts';
import { splitEvery } from './lib/split.ts';
import { growthExponent } from './lib/stats.ts';

const OURS = 'createPartialJSONParser';
const STREAMPARSER = '@streamparser/json';
const PARTIAL_JSON = 'partial-json (re-parse)';
const AI_SDK = 'AI SDK parsePartialJson (re-parse)';
const FLOOR = 'one JSON.parse of the whole';

/** A re-parsing contender whose one run would take longer than this is skipped (quadratic cost). */
const MAX_RUN_MS = 10_000;
const LINEAR_MAX_EXPONENT = 1.2;
const STREAMPARSER_TARGET = 1.5;
const FLOOR_TARGET = 10;

type Stream = (chunks: readonly string[]) => unknown;

/** Feed every chunk and read `.value` after each, as a component rendering the object does. */
function ours(chunks: readonly string[]): unknown {
  const parser = createPartialJSONParser();
  for (const chunk of chunks) {
    parser.push(chunk);
    void parser.value;
  }
  return parser.end();
}

/**
 * @streamparser/json builds one live object and mutates it in place, so reading it after a chunk is
 * free. With partial values on, an unfinished string is reported but not stored; writing it into
 * its object makes strings grow as they stream, like the others (strings inside arrays still show
 * only when complete: storing them there would make the parser's own push add them twice).
 */
function streamparser(chunks: readonly string[]): unknown {
  const parser = new JSONParser({ emitPartialTokens: true, emitPartialValues: true });
  let root: unknown;
  parser.onValue = ({ value, key, parent, partial }) => {
    root ??= parent ?? value;
    if (partial && typeof value === 'string' && parent !== undefined && !Array.isArray(parent)) {
      (parent as Record<string, unknown>)[key as string] = value;
    }
  };
  for (const chunk of chunks) {
    parser.write(chunk);
    void root;
  }
  // It ends itself when the top-level value closes, and end() after that throws.
  if (!parser.isEnded) parser.end();
  return root;
}

function partialJSON(chunks: readonly string[]): unknown {
  let text = '';
  let value: unknown;
  for (const chunk of chunks) {
    text += chunk;
    value = parsePartial(text);
  }
  return value;
}

async function aiSDK(chunks: readonly string[]): Promise<unknown> {
  let text = '';
  let value: unknown;
  for (const chunk of chunks) {
    text += chunk;
    value = (await parsePartialJson(text)).value;
  }
  return value;
}

/** Name, run over all chunks, and whether it re-parses the buffer per chunk (quadratic by design). */
const STREAMS: ReadonlyArray<[string, Stream, boolean]> = [
  [OURS, ours, false],
  [STREAMPARSER, streamparser, false],
  [PARTIAL_JSON, partialJSON, true],
  [AI_SDK, aiSDK, true],
];

/**
 * Predicts a run at `size` from the contender's previous size: quadratic for the re-parsers (at
 * small sizes their fixed costs hide it, and the exponent measured from 1 to 10 kB under-predicted 100 kB in 4-byte chunks sevenfold),
 * else the exponent measured between its last two sizes, between 1 and 2.
 */
function predictMs(history: ReadonlyArray<[number, number]>, size: number, quadratic: boolean): number | undefined {
  const last = history.at(-1);
  if (!last) return undefined;
  const before = history.at(-2);
  const measured = before ? growthExponent(before[0], before[1], last[0], last[1]) : 2;
  const exponent = quadratic ? 2 : Math.min(2, Math.max(1, measured));
  return last[1] * (size / last[0]) ** exponent;
}

function checkValue(name: string, value: unknown, expected: unknown, label: string): void {
  if (!isDeepStrictEqual(value, expected)) throw new Error(`${name} did not produce the document's value on ${label}`);
}

/** Benchmark 3: incremental partial JSON over a whole stream, reading the value after every chunk. */
export const partialJSONBench: BenchModule = {
  id: 'partial-json',
  title: '3. Partial JSON, the whole stream',
  description:
    'Compact LLM-style JSON (an object with an array of product objects: strings, numbers, booleans, a nested object, nested arrays) cut into 16-byte and 4-byte chunks; after every chunk the value is read, as a UI does. The re-parsing libraries append the chunk and parse the whole buffer again; @streamparser/json mutates one live object (partial strings stored into objects). The floor is one `JSON.parse` of the finished document. A contender is skipped at a size where one run is predicted (from its smaller sizes) to exceed 10 s. Growth exponent k: time ∝ size^k (1 linear, 2 quadratic).',
  async run(options: BenchOptions): Promise<BenchRow[]> {
    const sizes = options.smoke ? [300, 600] : [1_000, 10_000, 100_000, 1_000_000];
    const rows: BenchRow[] = [];
    for (const chunkSize of [16, 4]) {
      const history = new Map<string, Array<[number, number]>>(STREAMS.map(([name]) => [name, []]));
      for (const size of sizes) {
        const text = llmJSON(size);
        const expected: unknown = JSON.parse(text);
        const chunks = splitEvery(text, chunkSize);
        const label = `${formatBytes(size)} in ${chunkSize}-byte chunks`;
        options.log(`  ${label}: ${chunks.length.toLocaleString('en-US')} chunks`);

        const contenders: Contender[] = [];
        const skipped = new Map<string, number>();
        for (const [name, stream, quadratic] of STREAMS) {
          const predicted = predictMs(history.get(name)!, size, quadratic);
          if (predicted !== undefined && predicted > MAX_RUN_MS) {
            skipped.set(name, predicted);
            continue;
          }
          // Correctness on the sizes where it is cheap; the fast parsers on every size.
          if (size <= 10_000 || name === OURS || name === STREAMPARSER) checkValue(name, await stream(chunks), expected, label);
          contenders.push({ name, run: () => stream(chunks) });
        }
        contenders.push({ name: FLOOR, run: () => JSON.parse(text) });

        const stats = await alternate(contenders, options);
        for (const [name, timings] of stats) history.get(name)?.push([size, timings.cpu.median]);
        rows.push(...rowsForCase(label, text.length, stats, skipped));
      }
      rows.push(...growthRows(chunkSize, history));
    }
    return rows;
  },
};

function rowsForCase(label: string, bytes: number, stats: Map<string, Timings>, skipped: Map<string, number>): BenchRow[] {
  const rows: BenchRow[] = [];
  const floor = stats.get(FLOOR)!.cpu.median;
  const reference = stats.get(STREAMPARSER)?.cpu.median;
  for (const name of [...STREAMS.map(([name]) => name), FLOOR]) {
    const timings = stats.get(name);
    if (!timings) {
      rows.push({ case: label, subject: name, unit: 'ms', note: `skipped: one run predicted ≈ ${formatMs(skipped.get(name)!)} (> 10 s)` });
      continue;
    }
    const median = timings.cpu.median;
    const checks: Check[] = [];
    if (name === OURS) {
      if (reference !== undefined) {
        const ratio = reference / median;
        checks.push({ measured: `${formatFactor(ratio)} faster than ${STREAMPARSER}`, target: `≥ ${STREAMPARSER_TARGET}×`, met: ratio >= STREAMPARSER_TARGET });
      }
      const times = median / floor;
      checks.push({ measured: `${formatFactor(times)} the time of one JSON.parse`, target: `≤ ${FLOOR_TARGET}×`, met: times <= FLOOR_TARGET });
    }
    const versus = name === OURS || name === FLOOR ? '' : `; ${formatFactor(median / stats.get(OURS)!.cpu.median)} ${OURS}'s time`;
    rows.push({
      case: label,
      subject: name,
      value: timings.cpu,
      unit: 'ms',
      extra: `${throughput(bytes, median)}; wall ${formatMs(timings.wall.median)}${versus}`,
      checks,
    });
  }
  return rows;
}

/** Growth exponents from 10 kB to 100 kB and from 100 kB to 1 MB; the target applies to ours. */
function growthRows(chunkSize: number, history: Map<string, Array<[number, number]>>): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const [name, points] of history) {
    if (points.length < 3) continue;
    const fits: string[] = [];
    let worst = 0;
    for (let i = Math.max(1, points.length - 2); i < points.length; i++) {
      const [smallSize, smallTime] = points[i - 1]!;
      const [largeSize, largeTime] = points[i]!;
      const exponent = growthExponent(smallSize, smallTime, largeSize, largeTime);
      worst = Math.max(worst, exponent);
      fits.push(`${formatBytes(smallSize)} → ${formatBytes(largeSize)}: k = ${exponent.toFixed(2)}`);
    }
    rows.push({
      case: `growth with size, ${chunkSize}-byte chunks`,
      subject: name,
      value: worst,
      unit: 'factor',
      extra: fits.join('; '),
      checks: name === OURS ? [{ measured: `k = ${worst.toFixed(2)} (largest of the fits)`, target: `≤ ${LINEAR_MAX_EXPONENT} (linear)`, met: worst <= LINEAR_MAX_EXPONENT }] : [],
    });
  }
  return rows;
}
