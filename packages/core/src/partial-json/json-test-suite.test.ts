import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../../../test/fixtures.ts';
import { PartialJSONError } from './partial-json-error.ts';
import { createPartialJSONParser, parsePartialJSON } from './partial-json-parser.ts';

// nst/JSONTestSuite: y_ must be accepted, n_ rejected, i_ as Node's JSON.parse does (node-baseline.json).
const suiteDir = path.join(fixturesDir, 'jsontestsuite');
const parsingDir = path.join(suiteDir, 'test_parsing');
const baseline = JSON.parse(readFileSync(path.join(suiteDir, 'node-baseline.json'), 'utf8')) as {
  i_accepted: string[];
  i_rejected: string[];
};
const files = readdirSync(parsingDir).sort();

/** The decoding node-baseline.json describes; `undefined` when the bytes are not UTF-8 (counts as rejected). */
function decode(file: string): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(readFileSync(path.join(parsingDir, file)));
  } catch {
    return undefined;
  }
}

function chunksOf(text: string, sizes: () => number): string[] {
  const chunks: string[] = [];
  for (let at = 0; at < text.length; ) {
    const size = sizes();
    chunks.push(text.slice(at, at + size));
    at += size;
  }
  return chunks;
}

/** Deterministic chunk sizes from 1 to 9 (mulberry32), so a failure reproduces. */
function randomSizes(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return 1 + (((t ^ (t >>> 14)) >>> 0) % 9);
  };
}

function parseChunks(chunks: string[]): unknown {
  const parser = createPartialJSONParser();
  for (const chunk of chunks) parser.push(chunk);
  return parser.end();
}

/** The error a chunking produces, and whether push (not end) threw it. */
function rejection(chunks: string[]): { error: PartialJSONError; inPush: boolean } {
  const parser = createPartialJSONParser();
  try {
    for (const chunk of chunks) parser.push(chunk);
  } catch (error) {
    expect(error).toBeInstanceOf(PartialJSONError);
    return { error: error as PartialJSONError, inPush: true };
  }
  try {
    parser.end();
  } catch (error) {
    expect(error).toBeInstanceOf(PartialJSONError);
    return { error: error as PartialJSONError, inPush: false };
  }
  throw new Error('the parser accepted the text');
}

function expectAccepted(text: string): void {
  const expected: unknown = JSON.parse(text);
  expect(parseChunks([text])).toStrictEqual(expected);
  expect(parseChunks(text.split(''))).toStrictEqual(expected);
  expect(parseChunks(chunksOf(text, randomSizes(text.length)))).toStrictEqual(expected);
}

function expectRejected(text: string): void {
  const whole = rejection([text]);
  expect(whole.error.position).toBeGreaterThanOrEqual(0);
  expect(whole.error.position).toBeLessThanOrEqual(text.length);
  // Detected as soon as the bad character arrives: only an early end is left for end() to find.
  expect(whole.error.position === text.length).toBe(!whole.inPush);
  const byChar = rejection(text.split(''));
  expect([byChar.error.code, byChar.error.position]).toEqual([whole.error.code, whole.error.position]);
}

describe('JSONTestSuite test_parsing', () => {
  it('has the files the baseline describes', () => {
    expect(files.filter((file) => file.startsWith('y_'))).toHaveLength(95);
    expect(files.filter((file) => file.startsWith('n_'))).toHaveLength(188);
    expect(files.filter((file) => file.startsWith('i_'))).toHaveLength(35);
  });

  describe('y_ files: end() equals JSON.parse, whole, by character and in random chunks', () => {
    it.each(files.filter((file) => file.startsWith('y_')))('%s', (file) => {
      const text = decode(file);
      expect(text).toBeDefined();
      expectAccepted(text!);
    });
  });

  describe('y_ files: no prefix throws', () => {
    it.each(files.filter((file) => file.startsWith('y_')))('%s', (file) => {
      const text = decode(file)!;
      for (let end = 0; end <= text.length; end++) expect(() => parsePartialJSON(text.slice(0, end))).not.toThrow();
    });
  });

  describe('n_ files: rejected with a PartialJSONError and a position', () => {
    it.each(files.filter((file) => file.startsWith('n_')))('%s', (file) => {
      const text = decode(file);
      if (text !== undefined) expectRejected(text);
    });
  });

  describe('i_ files: same outcome as JSON.parse in Node', () => {
    it.each(files.filter((file) => file.startsWith('i_')))('%s', (file) => {
      const accepted = baseline.i_accepted.includes(file);
      expect(accepted || baseline.i_rejected.includes(file)).toBe(true);
      const text = decode(file);
      if (accepted) expectAccepted(text!);
      else if (text !== undefined) expectRejected(text);
    });
  });
});
