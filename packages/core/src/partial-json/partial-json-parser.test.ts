import { describe, expect, it } from 'vitest';
import { StreamkitError } from '../errors.ts';
import { PartialJSONError } from './partial-json-error.ts';
import { createPartialJSONParser, parsePartialJSON } from './partial-json-parser.ts';

/** The value after each chunk. */
function valuesAfter(...chunks: string[]): unknown[] {
  const parser = createPartialJSONParser();
  return chunks.map((chunk) => {
    parser.push(chunk);
    return parser.value;
  });
}

function errorOf(run: () => unknown): PartialJSONError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PartialJSONError);
    return error as PartialJSONError;
  }
  throw new Error('expected a PartialJSONError');
}

describe('createPartialJSONParser: what shows while the text streams', () => {
  it('shows nothing before the first character of a value', () => {
    expect(valuesAfter('', ' \n\t\r ')).toEqual([undefined, undefined]);
  });

  it('shows a string from its opening quote and grows it', () => {
    expect(valuesAfter('"', 'Ro', 'me', '"')).toEqual(['', 'Ro', 'Rome', 'Rome']);
    expect(valuesAfter('["', 'a', 'b"', ', "c')).toEqual([[''], ['a'], ['ab'], ['ab', 'c']]);
  });

  it('never shows half an escape', () => {
    expect(valuesAfter('"a\\', 'n', 'b\\u00', 'e9', '"')).toEqual(['a', 'a\n', 'a\nb', 'a\nbé', 'a\nbé']);
  });

  it('shows an escaped surrogate pair only once both halves arrived', () => {
    expect(valuesAfter('"\\ud83d', '\\ude', '00', '!"')).toEqual(['', '', '😀', '😀!']);
  });

  it('shows a lone escaped high surrogate once the next character shows it is alone', () => {
    expect(valuesAfter('"\\uD800', 'x"')).toEqual(['', '\uD800x']);
    expect(valuesAfter('"\\uD800', '"')).toEqual(['', '\uD800']);
    expect(valuesAfter('"\\uD800', '\\n"')).toEqual(['', '\uD800\n']);
  });

  it('keeps back the first half of a raw surrogate pair split between chunks', () => {
    const emoji = '😀';
    expect(valuesAfter(`"a${emoji[0]}`, `${emoji[1]}b"`)).toEqual(['a', `a${emoji}b`]);
  });

  it('shows a number only once a delimiter follows it', () => {
    expect(valuesAfter('[1', '2', ',', ' -0.5e', '3', ']')).toEqual([[], [], [12], [12], [12], [12, -500]]);
    expect(valuesAfter('{"n": 1', '0 ', '}')).toEqual([{}, { n: 10 }, { n: 10 }]);
  });

  it('shows a top-level number after whitespace or at end()', () => {
    const parser = createPartialJSONParser();
    parser.push('42');
    expect(parser.value).toBeUndefined();
    expect(parser.end()).toBe(42);
    expect(parser.value).toBe(42);
    expect(valuesAfter('42', ' ')).toEqual([undefined, 42]);
  });

  it('shows true, false and null as soon as their last letter arrives', () => {
    expect(valuesAfter('[tr', 'ue', ', fals', 'e, n', 'ull')).toEqual([[], [true], [true], [true, false], [true, false, null]]);
  });

  it('shows an object key only once its value has begun', () => {
    expect(parsePartialJSON('{"a')).toEqual({});
    expect(parsePartialJSON('{"a": ')).toEqual({});
    expect(parsePartialJSON('{"a": "')).toEqual({ a: '' });
    expect(parsePartialJSON('{"a": 1')).toEqual({});
    expect(parsePartialJSON('{"a": 1,')).toEqual({ a: 1 });
    expect(parsePartialJSON('{"a": [')).toEqual({ a: [] });
    expect(parsePartialJSON('{"a": {')).toEqual({ a: {} });
    expect(parsePartialJSON('{"a": nu')).toEqual({});
  });

  it('shows an empty array or object at its opening bracket', () => {
    expect(valuesAfter('[', '[', '{')).toEqual([[], [[]], [[{}]]]);
  });

  it('lets the last duplicate key win, like JSON.parse (the one case where a shown value changes)', () => {
    const parser = createPartialJSONParser();
    parser.push('{"a": "first", "a": "');
    expect(parser.value).toEqual({ a: '' });
    parser.push('second"}');
    expect(parser.end()).toEqual(JSON.parse('{"a": "first", "a": "second"}'));
  });

  it('keeps a "__proto__" key as an own property, as JSON.parse does, without touching any prototype', () => {
    const text = '{"__proto__": {"polluted": true}, "a": [{"__proto__": "x"}]}';
    const parser = createPartialJSONParser();
    for (const character of text) parser.push(character);
    const value = parser.end() as Record<string, unknown>;
    expect(value).toStrictEqual(JSON.parse(text));
    expect(Object.keys(value)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads 10,000 nested arrays without running out of call stack', () => {
    const depth = 10_000;
    const parser = createPartialJSONParser();
    parser.push('['.repeat(depth));
    expect(parser.activePath).toHaveLength(depth - 1);
    parser.push(']'.repeat(depth));
    let node = parser.end();
    for (let level = 1; level < depth; level++) {
      expect(Array.isArray(node) && node.length === 1).toBe(true);
      node = (node as unknown[])[0];
    }
    expect(node).toEqual([]);
  });
});

describe('createPartialJSONParser: identity of the values handed out', () => {
  it('gives a new identity to every container that changed below, and keeps it for untouched subtrees', () => {
    const parser = createPartialJSONParser();
    parser.push('{"done": {"x": [1]}, "list": ["a"');
    const before = parser.value as { done: object; list: string[] };
    parser.push(', "b');
    const after = parser.value as { done: object; list: string[] };
    expect(after).not.toBe(before);
    expect(after.list).not.toBe(before.list);
    expect(after.done).toBe(before.done);
  });

  it('returns the same value while nothing visible changes', () => {
    const parser = createPartialJSONParser();
    parser.push('{"a": ["x"');
    const first = parser.value;
    parser.push('  , 12');
    expect(parser.value).toBe(first);
    parser.push('3');
    expect(parser.value).toBe(first);
    expect(parser.value).toBe(first);
  });

  it('never mutates a value it handed out earlier', () => {
    const parser = createPartialJSONParser();
    parser.push('{"a": ["x", {"b": "y');
    const early = parser.value;
    const copy = structuredClone(early);
    parser.push('z"}, 3], "c": {"d": [true]}}');
    expect(parser.end()).toEqual({ a: ['x', { b: 'yz' }, 3], c: { d: [true] } });
    expect(early).toEqual(copy);
  });

  it('keeps the identity of a container when only the closing quote of its string arrives', () => {
    const parser = createPartialJSONParser();
    parser.push('{"a": ["x", "yz');
    const open = parser.value;
    parser.push('"');
    expect(parser.value).toBe(open);
    parser.push(']}');
    expect(parser.end()).toBe(open);
  });

  it('keeps the identity of a container when only its closing bracket arrives', () => {
    const parser = createPartialJSONParser();
    parser.push('{"a": [1, 2]');
    const open = parser.value;
    parser.push('}');
    expect(parser.end()).toBe(open);
  });
});

describe('isComplete and activePath on an itinerary', () => {
  const itinerary =
    '{"title": "Italy", "days": [{"city": "Rome", "stops": ["Colosseum", "Forum"], "budget": 120}, {"city": "Florence", "stops": []}]}';

  function after(prefix: string) {
    expect(itinerary.startsWith(prefix)).toBe(true);
    const parser = createPartialJSONParser();
    parser.push(prefix);
    return parser;
  }

  it('has no active path and nothing complete before the document begins', () => {
    const parser = createPartialJSONParser();
    parser.push('  ');
    expect(parser.activePath).toBeUndefined();
    expect(parser.isComplete([])).toBe(false);
    expect(parser.isComplete('')).toBe(false);
  });

  it('points at the string being written', () => {
    const parser = after('{"title": "Ita');
    expect(parser.activePath).toEqual(['title']);
    expect(parser.isComplete('title')).toBe(false);
    expect(parser.isComplete([])).toBe(false);
  });

  it('points at the object while a key is being written (a key is not a value)', () => {
    const parser = after('{"title": "Italy", "da');
    expect(parser.activePath).toEqual([]);
    expect(parser.isComplete('title')).toBe(true);
  });

  it('marks earlier members complete and open ancestors incomplete', () => {
    const parser = after('{"title": "Italy", "days": [{"city": "Rome", "stops": ["Colosseum"');
    expect(parser.activePath).toEqual(['days', 0, 'stops']);
    expect(parser.isComplete('days.0.stops.0')).toBe(true);
    expect(parser.isComplete(['days', 0, 'city'])).toBe(true);
    expect(parser.isComplete('days.0.stops')).toBe(false);
    expect(parser.isComplete('days.0')).toBe(false);
    expect(parser.isComplete('days')).toBe(false);
  });

  it('points at a number from its first digit, and completes it at its delimiter', () => {
    const typing = after('{"title": "Italy", "days": [{"city": "Rome", "stops": ["Colosseum", "Forum"], "budget": 12');
    expect(typing.activePath).toEqual(['days', 0, 'budget']);
    expect(typing.isComplete('days.0.budget')).toBe(false);
    const delimited = after('{"title": "Italy", "days": [{"city": "Rome", "stops": ["Colosseum", "Forum"], "budget": 120}');
    expect(delimited.activePath).toEqual(['days']);
    expect(delimited.isComplete('days.0.budget')).toBe(true);
    expect(delimited.isComplete('days.0')).toBe(true);
  });

  it('answers false for paths that do not exist', () => {
    const parser = after('{"title": "Italy", "days": [{"city": "Rome"');
    expect(parser.isComplete('days.3')).toBe(false);
    expect(parser.isComplete('title.length')).toBe(false);
    expect(parser.isComplete('days.x')).toBe(false);
    expect(parser.isComplete('budget')).toBe(false);
  });

  it('has everything complete and no active path once the document is closed', () => {
    const parser = after(itinerary);
    expect(parser.activePath).toBeUndefined();
    expect(parser.isComplete('')).toBe(true);
    expect(parser.isComplete('days.1.stops')).toBe(true);
    expect(parser.isComplete('days.1.budget')).toBe(false);
    expect(parser.end()).toEqual(JSON.parse(itinerary));
  });

  it('treats a top-level string as the root path', () => {
    const parser = createPartialJSONParser();
    parser.push('"ab');
    expect(parser.activePath).toEqual([]);
    expect(parser.isComplete([])).toBe(false);
    parser.push('"');
    expect(parser.activePath).toBeUndefined();
    expect(parser.isComplete([])).toBe(true);
  });
});

describe('errors', () => {
  it.each([
    ['a trailing comma in an array', '[1, 2,]', 'json/unexpected-token', 6, "Unexpected ']' at position 6: expected a value"],
    ['a trailing comma in an object', '{"a": 1,}', 'json/unexpected-token', 8, "Unexpected '}' at position 8: expected a string key"],
    ['a single-quoted key', "{'a': 1}", 'json/unexpected-token', 1, "Unexpected ''' at position 1: expected a string key or '}'"],
    ['a missing colon', '{"a" 1}', 'json/unexpected-token', 5, "Unexpected '1' at position 5: expected ':' after the key"],
    ['a mismatched bracket', '[1}', 'json/unexpected-token', 2, "Unexpected '}' at position 2: expected ',' or ']'"],
    ['a misspelled literal', '[tru]', 'json/unexpected-token', 4, "Unexpected ']' at position 4: expected 'true'"],
    ['a leading zero', '[01]', 'json/invalid-number', 2, "Unexpected '1' at position 2: numbers cannot have leading zeros"],
    ['a minus after a zero', '[0-1]', 'json/invalid-number', 2, "Unexpected '-' at position 2: this character cannot continue the number"],
    ['a decimal point without digits', '[1.]', 'json/invalid-number', 3, "Unexpected ']' at position 3: expected a digit after the decimal point '.'"],
    ['an empty exponent', '[1e]', 'json/invalid-number', 3, "Unexpected ']' at position 3: expected a digit or a sign after the exponent 'e'"],
    ['a leading plus', '[+1]', 'json/unexpected-token', 1, "Unexpected '+' at position 1: expected a value or ']'"],
    ['a leading decimal point', '[.5]', 'json/unexpected-token', 1, "Unexpected '.' at position 1: expected a value or ']'"],
    ['an unknown escape', '"a\\x"', 'json/invalid-escape', 3, 'Unexpected \'x\' at position 3: expected an escape after \'\\\' (one of " \\ / b f n r t u)'],
    ['a short unicode escape', '"\\u12"', 'json/invalid-escape', 5, "Unexpected '\"' at position 5: expected a hex digit (\\u needs four)"],
    ['a raw line break in a string', '"a\nb"', 'json/unexpected-token', 2, 'Unexpected control character U+000A at position 2: control characters in strings must be escaped (\\n, \\t, \\u0000…)'],
    ['a second value', '{} []', 'json/trailing-content', 3, "Unexpected '[' at position 3: the JSON value already ended, only whitespace may follow"],
    ['a byte order mark', '\uFEFF[]', 'json/unexpected-token', 0, 'Unexpected U+FEFF (byte order mark) at position 0: expected a value'],
    ['empty input', '', 'json/unexpected-end', 0, 'Unexpected end of JSON at position 0: expected a JSON value'],
    ['an unclosed string', '["abc', 'json/unexpected-end', 5, 'Unexpected end of JSON at position 5: the string that starts at position 1 is not closed'],
    ['an unclosed object', '{"a": [1]', 'json/unexpected-end', 9, "Unexpected end of JSON at position 9: expected ',' or '}' (the object that starts at position 0 is not closed)"],
    ['a lone minus', '-', 'json/unexpected-end', 1, "Unexpected end of JSON at position 1: expected a digit after '-'"],
  ])('reports %s', (_name, text, code, position, message) => {
    const parser = createPartialJSONParser();
    const error = errorOf(() => {
      parser.push(text);
      parser.end();
    });
    expect(error).toBeInstanceOf(StreamkitError);
    expect(error.name).toBe('PartialJSONError');
    expect({ code: error.code, position: error.position, message: error.message }).toEqual({ code, position, message });
  });

  it('throws from push as soon as the bad character arrives, counting positions across chunks', () => {
    const parser = createPartialJSONParser();
    parser.push('{"a": ');
    parser.push('[1, "x');
    const error = errorOf(() => parser.push('y", ]'));
    expect(error.position).toBe(16);
    expect(error.message).toBe("Unexpected ']' at position 16: expected a value");
  });

  it('keeps the value from before the bad character and throws the same error from then on', () => {
    const parser = createPartialJSONParser();
    parser.push('["ab", 1, "cd');
    const error = errorOf(() => parser.push('e", 2 x'));
    expect(parser.value).toEqual(['ab', 1, 'cde', 2]);
    expect(errorOf(() => parser.push('"more"'))).toBe(error);
    expect(errorOf(() => parser.end())).toBe(error);
  });

  it('parsePartialJSON throws for text that cannot begin a JSON value', () => {
    expect(errorOf(() => parsePartialJSON('{"a": undefined')).code).toBe('json/unexpected-token');
    expect(errorOf(() => parsePartialJSON('[1, 2] [')).code).toBe('json/trailing-content');
    expect(parsePartialJSON('{"a": ')).toEqual({});
  });

  it('rejects push() after end()', () => {
    const parser = createPartialJSONParser();
    parser.push('[]');
    expect(parser.end()).toEqual([]);
    expect(parser.end()).toEqual([]);
    const error = errorOf(() => parser.push(' '));
    expect(error.code).toBe('json/push-after-end');
    expect(error.message).toBe('push() was called after end(): create a new parser for each JSON text');
  });
});
