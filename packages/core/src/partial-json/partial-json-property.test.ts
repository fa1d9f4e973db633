import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { Allow, parse as parseWithPartialJSON } from 'partial-json';
import { describe, expect, it } from 'vitest';
import { createPartialJSONParser, parsePartialJSON } from './partial-json-parser.ts';

/**
 * Why `next` is not a growth of `prev`, or `undefined` when it is: strings extend prefix-wise, arrays and
 * objects keep every earlier member (grown), scalars stay equal, nothing disappears or changes type.
 */
function grewFrom(prev: unknown, next: unknown, at = '$'): string | undefined {
  if (prev === undefined) return undefined;
  if (typeof prev === 'string') {
    return typeof next === 'string' && next.startsWith(prev) ? undefined : `${at}: ${JSON.stringify(prev)} became ${JSON.stringify(next)}`;
  }
  if (Array.isArray(prev)) {
    if (!Array.isArray(next) || next.length < prev.length) return `${at}: array lost members or type`;
    for (let index = 0; index < prev.length; index++) {
      const reason = grewFrom(prev[index], next[index], `${at}[${index}]`);
      if (reason) return reason;
    }
    return undefined;
  }
  if (typeof prev === 'object' && prev !== null) {
    if (typeof next !== 'object' || next === null || Array.isArray(next)) return `${at}: object changed type`;
    for (const key of Object.keys(prev)) {
      if (!Object.hasOwn(next, key)) return `${at}: lost key ${JSON.stringify(key)}`;
      const reason = grewFrom((prev as Record<string, unknown>)[key], (next as Record<string, unknown>)[key], `${at}.${key}`);
      if (reason) return reason;
    }
    return undefined;
  }
  return Object.is(prev, next) ? undefined : `${at}: ${String(prev)} became ${String(next)}`;
}

/**
 * Where a container of `prev` equals the one at the same place in `next` without being the same object, or
 * `undefined` when there is none: what did not change must keep its identity (React compares by identity).
 */
function lostIdentity(prev: unknown, next: unknown, at = '$'): string | undefined {
  if (typeof prev !== 'object' || prev === null || typeof next !== 'object' || next === null) return undefined;
  if (prev === next || Array.isArray(prev) !== Array.isArray(next)) return undefined;
  if (isDeepStrictEqual(prev, next)) return `${at}: unchanged, but a new object`;
  for (const key of Object.keys(prev)) {
    if (!Object.hasOwn(next, key)) continue;
    const reason = lostIdentity((prev as Record<string, unknown>)[key], (next as Record<string, unknown>)[key], `${at}.${key}`);
    if (reason) return reason;
  }
  return undefined;
}

const whitespace = [' ', '\n', '\t', '\r\n', '  '];

/**
 * A JSON serializer that escapes some characters as \uXXXX (either case) and pads tokens with whitespace,
 * chosen by `salt`, so escapes, surrogate pairs and whitespace land on every chunk boundary.
 */
function stringifyWithEscapes(value: unknown, salt: number): string {
  let turn = salt;
  const pad = () => (++turn % 3 === 0 ? whitespace[turn % whitespace.length]! : '');
  const quote = (text: string) => {
    let out = '"';
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code < 0x20 || code === 0x22 || code === 0x5c || (code + turn++) % 4 === 0) {
        const hex = code.toString(16).padStart(4, '0');
        out += `\\u${turn % 2 === 0 ? hex : hex.toUpperCase()}`;
      } else {
        out += text[index];
      }
    }
    return `${out}"`;
  };
  const write = (node: unknown): string => {
    if (typeof node === 'string') return quote(node);
    if (Array.isArray(node)) return `[${pad()}${node.map((item) => write(item) + pad()).join(`,${pad()}`)}]`;
    if (typeof node === 'object' && node !== null) {
      const members = Object.entries(node).map(([key, item]) => `${quote(key)}${pad()}:${pad()}${write(item)}${pad()}`);
      return `{${pad()}${members.join(`,${pad()}`)}}`;
    }
    return JSON.stringify(node);
  };
  return pad() + write(value) + pad();
}

const documents = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.jsonValue({ stringUnit: 'binary' }).map((value) => JSON.stringify(value, null, 2)),
  fc.tuple(fc.jsonValue({ stringUnit: 'binary' }), fc.nat()).map(([value, salt]) => stringifyWithEscapes(value, salt)),
  // Keys that name Object.prototype members, "__proto__" above all.
  fc
    .dictionary(fc.constantFrom('__proto__', 'constructor', 'toString', 'a'), fc.jsonValue({ maxDepth: 2 }), { noNullPrototype: true })
    .map((value) => JSON.stringify(value)),
);

// Compact text only: partial-json drops members after whitespace that precedes a nested ']' (see below).
const compactDocuments = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.jsonValue({ stringUnit: 'binary' }).map((value) => JSON.stringify(value)),
);

/** Cuts `text` at arbitrary UTF-16 offsets (so surrogate pairs split too), cycling through `sizes`. */
function cut(text: string, sizes: number[]): string[] {
  const chunks: string[] = [];
  for (let at = 0, turn = 0; at < text.length; turn++) {
    const size = sizes[turn % sizes.length]!;
    chunks.push(text.slice(at, at + size));
    at += size;
  }
  return chunks;
}

describe('partial JSON properties (fast-check)', () => {
  it('only grows the value chunk after chunk, never mutates earlier values, and ends with JSON.parse', () => {
    fc.assert(
      fc.property(documents, fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 8 }), (text, sizes) => {
        const parser = createPartialJSONParser();
        let prev: unknown = undefined;
        let prevSerialized: string | undefined;
        for (const chunk of cut(text, sizes)) {
          parser.push(chunk);
          const next = parser.value;
          expect(JSON.stringify(prev)).toBe(prevSerialized);
          expect(grewFrom(prev, next)).toBeUndefined();
          prev = next;
          prevSerialized = JSON.stringify(prev);
        }
        const final = parser.end();
        expect(grewFrom(prev, final)).toBeUndefined();
        // toEqual, not toStrictEqual: the strict one compares `.constructor`, which an own "constructor" key shadows.
        expect(final).toEqual(JSON.parse(text));
      }),
    );
  });

  it('keeps the identity of every container that did not change between two reads', () => {
    fc.assert(
      fc.property(documents, fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 8 }), (text, sizes) => {
        const parser = createPartialJSONParser();
        let prev: unknown = undefined;
        for (const chunk of cut(text, sizes)) {
          parser.push(chunk);
          const next = parser.value;
          expect(lostIdentity(prev, next)).toBeUndefined();
          prev = next;
        }
        expect(lostIdentity(prev, parser.end())).toBeUndefined();
      }),
    );
  });

  it('never throws on a prefix of valid JSON', () => {
    fc.assert(
      fc.property(documents, fc.nat(), (text, at) => {
        expect(() => parsePartialJSON(text.slice(0, at % (text.length + 1)))).not.toThrow();
      }),
    );
  });
});

/**
 * Offsets right after a complete value string, a ',' or a closing bracket: there no number, literal or key
 * is half-written, so our rules and partial-json's agree.
 */
function agreeingCuts(text: string): number[] {
  const cuts: number[] = [];
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (inString) {
      if (character === '\\') index++;
      else if (character === '"') {
        inString = false;
        const rest = text.slice(index + 1).trimStart();
        if (!rest.startsWith(':')) cuts.push(index + 1);
      }
    } else if (character === '"') inString = true;
    else if (character === ',' || character === ']' || character === '}') cuts.push(index + 1);
  }
  return cuts;
}

describe('compared with the partial-json package', () => {
  it('gives the same value on prefixes that end after a complete member', () => {
    fc.assert(
      fc.property(compactDocuments, (text) => {
        // partial-json assigns keys with `obj[key] =`, so a "__proto__" key sets a prototype there.
        fc.pre(!text.includes('"__proto__"'));
        for (const at of agreeingCuts(text)) {
          const prefix = text.slice(0, at);
          expect(parsePartialJSON(prefix)).toStrictEqual(parseWithPartialJSON(prefix, Allow.ALL));
        }
      }),
    );
  });

  // Where the two differ, by design: partial-json completes half-written tokens, which can then change type
  // or value (`[1` → `[1]` may become `[12]`, `[t` → `[true]` may be an error). We show a token once complete.
  it('differs on a half-written number: partial-json shows it, we wait for its delimiter', () => {
    expect(parseWithPartialJSON('[1, 2', Allow.ALL)).toEqual([1, 2]);
    expect(parsePartialJSON('[1, 2')).toEqual([1]);
    expect(parseWithPartialJSON('{"n": -', Allow.ALL)).toEqual({});
    expect(parseWithPartialJSON('[1e', Allow.ALL)).toEqual([1]);
    expect(parsePartialJSON('[1e')).toEqual([]);
  });

  it('differs on a half-written literal: partial-json guesses it, we wait for its last letter', () => {
    expect(parseWithPartialJSON('[tr', Allow.ALL)).toEqual([true]);
    expect(parsePartialJSON('[tr')).toEqual([]);
  });

  it('differs on whitespace before a nested closing bracket, where partial-json loses members (its bug)', () => {
    expect(parseWithPartialJSON('[[\n], null]', Allow.ALL)).toEqual([[]]);
    expect(parsePartialJSON('[[\n], null]')).toEqual([[], null]);
  });

  it('agrees on half-written keys (neither shows them) and on partial strings and containers', () => {
    for (const prefix of ['{"ke', '{"key": ', '{"key": "va', '[{"a": ["x", {"b": "y']) {
      expect(parsePartialJSON(prefix)).toEqual(parseWithPartialJSON(prefix, Allow.ALL));
    }
  });
});
