import { toJSONPath, type JSONPath } from './json-path.ts';
import { describeCharacter, PartialJSONError, type PartialJSONErrorCode } from './partial-json-error.ts';
import { ValueTree } from './value-tree.ts';

export interface PartialJSONParser {
  /**
   * Feeds the next piece of the text. Throws a `PartialJSONError` as soon as the text can no longer be a
   * prefix of valid JSON; `value` then stays what the text before the bad character gave, and every later
   * `push` or `end` throws the same error.
   */
  push(chunk: string): void;
  /** Ends the text and returns exactly what `JSON.parse` returns for all of it, or throws a `PartialJSONError`. */
  end(): unknown;
  /**
   * The value of the text so far; `undefined` until something shows. It only grows: strings show from their
   * opening quote and grow; numbers, `true`, `false` and `null` show once complete (a number once a delimiter
   * follows it, or at `end()`); an object key shows once its value begins. The one exception is a duplicate
   * key: its later value replaces the earlier one, as in `JSON.parse`.
   *
   * Structural sharing: every container that changed since the last read gets a new identity, unchanged
   * subtrees keep theirs (so `React.memo` and selectors work), and values handed out earlier are never
   * mutated. Reading copies each changed open container once (see `ValueTree`); reading again without a
   * change returns the same value at no cost. So a read costs time in proportion to the width of the open
   * containers that changed: when an open array grows to thousands of members, read once per rendered frame
   * (as `createObjectStore` does), not after every chunk.
   */
  readonly value: unknown;
  /** Whether the value at `path` (a `JSONPath` or a dot string like `'days.0.title'`) exists and is closed. */
  isComplete(path: JSONPath | string): boolean;
  /**
   * The path of the deepest value being written (a number or literal counts from its first character, before
   * it shows); `undefined` before the document begins and once it is complete.
   */
  readonly activePath: JSONPath | undefined;
}

/**
 * An incremental parser for JSON that arrives in pieces (an LLM writing a structured object or tool input).
 * One pass over the text with an explicit stack, so the whole stream costs time linear in its length and
 * nesting depth is not limited by the call stack.
 */
export function createPartialJSONParser(): PartialJSONParser {
  const machine = new PartialJSONMachine();
  return {
    push: (chunk) => machine.push(chunk),
    end: () => machine.end(),
    get value() {
      return machine.value();
    },
    isComplete: (path) => machine.isComplete(toJSONPath(path)),
    get activePath() {
      return machine.activePath();
    },
  };
}

/**
 * The value of a prefix of a JSON text, with the same rules as `createPartialJSONParser().value` (so a bare
 * number at the end does not show yet: `'12'` could still become `'123'`). Throws a `PartialJSONError` when
 * the text cannot be the beginning of valid JSON.
 */
export function parsePartialJSON(text: string): unknown {
  const parser = createPartialJSONParser();
  parser.push(text);
  return parser.value;
}

// What the next character may be. Containers need no saved state: after a member closes, the parent
// always expects ',' or its closing bracket.
const ROOT = 0; // the top-level value
const ROOT_DONE = 1; // only whitespace may follow
const ARRAY_START = 2; // a value or ']'
const ARRAY_VALUE = 3; // a value (after ',')
const ARRAY_AFTER = 4; // ',' or ']'
const OBJECT_START = 5; // a key or '}'
const OBJECT_KEY = 6; // a key (after ',')
const OBJECT_COLON = 7;
const OBJECT_VALUE = 8;
const OBJECT_AFTER = 9; // ',' or '}'
const STRING = 10;
const ESCAPE = 11; // after a backslash
const UNICODE = 12; // inside \uXXXX
const NUMBER = 13;
const LITERAL = 14;

// Number grammar (RFC 8259 section 6). A number ends at the first character that is not part of one.
const N_MINUS = 0;
const N_ZERO = 1;
const N_INT = 2;
const N_DOT = 3;
const N_FRACTION = 4;
const N_EXP = 5;
const N_EXP_SIGN = 6;
const N_EXP_DIGITS = 7;
const NUMBER_END = -1; // the character is not part of a number
const NUMBER_BAD = -2; // a number character that cannot come here

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class PartialJSONMachine {
  private readonly tree = new ValueTree();
  private mode = ROOT;
  /** Length of the text before the current chunk. */
  private offset = 0;
  private failure: PartialJSONError | undefined;
  private ended = false;
  private cachedActivePath: JSONPath | undefined | null = null;

  // The string being read (a key or a value). Its pieces are appended with `+=`, which JS engines do by
  // reference (V8 cons strings, SpiderMonkey and JavaScriptCore ropes): appending is O(1) and the pieces are
  // joined once, when the string closes (see `flatten`) or is first read as text. Copying the string on every
  // append would make it O(n²).
  private text = '';
  /** A high surrogate kept back until the next character, so half a pair never shows. */
  private held = '';
  /** The value string has text that the tree does not show yet (it is written there when read, or closed). */
  private textChanged = false;
  private isKey = false;
  private stringPosition = 0;
  private unicode = 0;
  private unicodeDigits = 0;

  private numberState = N_MINUS;
  /** The number's characters from earlier chunks; `numberFrom` is where it continues in this chunk. */
  private numberText = '';
  private numberFrom = 0;

  private literal = '';
  private literalValue: boolean | null = null;
  private literalLength = 0;

  push(chunk: string): void {
    if (this.failure) throw this.failure;
    if (this.ended) {
      throw new PartialJSONError(
        'json/push-after-end',
        this.offset,
        'push() was called after end(): create a new parser for each JSON text',
      );
    }
    this.cachedActivePath = null;
    this.run(chunk);
    this.offset += chunk.length;
  }

  end(): unknown {
    if (this.failure) throw this.failure;
    if (!this.ended) {
      this.cachedActivePath = null;
      if (this.mode === NUMBER) {
        if (!isCompleteNumber(this.numberState)) this.failAtEnd(numberReason(this.numberState));
        this.finishNumber(this.numberText);
      }
      if (this.mode !== ROOT_DONE) this.failAtEnd(this.endReason());
      this.ended = true;
    }
    return this.tree.snapshot();
  }

  value(): unknown {
    if (this.textChanged && !this.isKey && this.inString()) {
      this.textChanged = false;
      this.tree.set(this.text);
    }
    return this.tree.snapshot();
  }

  isComplete(path: JSONPath): boolean {
    if (this.mode === ROOT) return false;
    return this.tree.isComplete(path, this.scalarOpen(), this.mode === ROOT_DONE);
  }

  activePath(): JSONPath | undefined {
    if (this.cachedActivePath === null) {
      const open = this.mode !== ROOT && this.mode !== ROOT_DONE;
      this.cachedActivePath = open ? Object.freeze(this.tree.activePath(this.scalarOpen())) : undefined;
    }
    return this.cachedActivePath;
  }

  private run(chunk: string): void {
    const length = chunk.length;
    let i = 0;
    while (i < length) {
      const mode = this.mode;
      if (mode === STRING) {
        i = this.readString(chunk, i);
        continue;
      }
      if (mode === NUMBER) {
        i = this.readNumber(chunk, i);
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (mode === ESCAPE) this.readEscape(chunk, i);
      else if (mode === UNICODE) this.readUnicode(chunk, i);
      else if (mode === LITERAL) this.readLiteral(chunk, i);
      else if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) this.readStructure(chunk, i, c);
      i++;
    }
    if (this.mode === NUMBER) {
      // The number continues in the next chunk (it may have begun on this chunk's last character).
      this.numberText += chunk.slice(this.numberFrom);
      this.numberFrom = 0;
    }
  }

  private readStructure(chunk: string, i: number, c: number): void {
    switch (this.mode) {
      case ROOT:
      case ARRAY_VALUE:
      case OBJECT_VALUE:
        return this.beginValue(chunk, i, c, 'a value');
      case ARRAY_START:
        return c === 0x5d ? this.closeContainer() : this.beginValue(chunk, i, c, "a value or ']'");
      case ARRAY_AFTER:
        if (c === 0x2c) this.mode = ARRAY_VALUE;
        else if (c === 0x5d) this.closeContainer();
        else this.unexpected(chunk, i, "',' or ']'");
        return;
      case OBJECT_START:
        if (c === 0x22) this.beginString(true, i);
        else if (c === 0x7d) this.closeContainer();
        else this.unexpected(chunk, i, "a string key or '}'");
        return;
      case OBJECT_KEY:
        return c === 0x22 ? this.beginString(true, i) : this.unexpected(chunk, i, 'a string key');
      case OBJECT_COLON:
        if (c === 0x3a) this.mode = OBJECT_VALUE;
        else this.unexpected(chunk, i, "':' after the key");
        return;
      case OBJECT_AFTER:
        if (c === 0x2c) this.mode = OBJECT_KEY;
        else if (c === 0x7d) this.closeContainer();
        else this.unexpected(chunk, i, "',' or '}'");
        return;
      default:
        this.failAt('json/trailing-content', chunk, i, 'the JSON value already ended, only whitespace may follow');
    }
  }

  private beginValue(chunk: string, i: number, c: number, expected: string): void {
    if (c === 0x22) {
      this.tree.beginValue();
      this.beginString(false, i);
    } else if (c === 0x5b || c === 0x7b) {
      this.tree.beginValue();
      this.tree.open(c === 0x5b, this.offset + i);
      this.mode = c === 0x5b ? ARRAY_START : OBJECT_START;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      this.tree.beginValue();
      this.mode = NUMBER;
      this.numberState = c === 0x2d ? N_MINUS : c === 0x30 ? N_ZERO : N_INT;
      this.numberText = '';
      this.numberFrom = i;
    } else if (c === 0x74 || c === 0x66 || c === 0x6e) {
      this.tree.beginValue();
      this.mode = LITERAL;
      this.literal = c === 0x74 ? 'true' : c === 0x66 ? 'false' : 'null';
      this.literalValue = c === 0x74 ? true : c === 0x66 ? false : null;
      this.literalLength = 1;
    } else {
      this.unexpected(chunk, i, expected);
    }
  }

  private beginString(isKey: boolean, i: number): void {
    this.mode = STRING;
    this.isKey = isKey;
    this.stringPosition = this.offset + i;
    this.text = '';
    // A value string shows from its opening quote, as ''.
    this.textChanged = !isKey;
  }

  /** Reads string characters up to a quote, a backslash or the chunk's end; returns where it stopped. */
  private readString(chunk: string, from: number): number {
    const length = chunk.length;
    let i = from;
    let c = 0;
    while (i < length) {
      c = chunk.charCodeAt(i);
      if (c === 0x22 || c === 0x5c || c < 0x20) break;
      i++;
    }
    if (i === length) {
      // The chunk may end between the two halves of a surrogate pair: keep the first half back.
      const last = chunk.charCodeAt(length - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        if (length - 1 > from) this.emit(chunk.slice(from, length - 1));
        this.hold(chunk[length - 1]!);
      } else if (i > from) {
        this.emit(chunk.slice(from, i));
      }
      return i;
    }
    if (i > from) this.emit(chunk.slice(from, i));
    if (c === 0x22) {
      this.closeString();
    } else if (c === 0x5c) {
      this.mode = ESCAPE;
    } else {
      const reason = 'control characters in strings must be escaped (\\n, \\t, \\u0000…)';
      this.failAt('json/unexpected-token', chunk, i, reason, `control character ${describeCharacter(chunk, i)}`);
    }
    return i + 1;
  }

  private readEscape(chunk: string, i: number): void {
    const character = chunk[i]!;
    if (character === 'u') {
      this.mode = UNICODE;
      this.unicode = 0;
      this.unicodeDigits = 0;
      return;
    }
    const decoded = ESCAPES[character];
    if (decoded === undefined) {
      this.failAt('json/invalid-escape', chunk, i, `expected an escape after '\\' (one of " \\ / b f n r t u)`);
    }
    this.emit(decoded);
    this.mode = STRING;
  }

  private readUnicode(chunk: string, i: number): void {
    const digit = hexValue(chunk.charCodeAt(i));
    if (digit < 0) this.failAt('json/invalid-escape', chunk, i, 'expected a hex digit (\\u needs four)');
    this.unicode = this.unicode * 16 + digit;
    if (++this.unicodeDigits < 4) return;
    const unit = String.fromCharCode(this.unicode);
    if (this.unicode >= 0xd800 && this.unicode <= 0xdbff) this.hold(unit);
    else this.emit(unit);
    this.mode = STRING;
  }

  private emit(piece: string): void {
    if (this.held !== '') {
      this.text += this.held;
      this.held = '';
    }
    this.text += piece;
    this.textChanged = true;
  }

  private hold(highSurrogate: string): void {
    if (this.held !== '') this.emit('');
    this.held = highSurrogate;
  }

  private closeString(): void {
    if (this.held !== '') this.emit('');
    if (this.isKey) {
      this.tree.setKey(this.text);
      this.mode = OBJECT_COLON;
    } else {
      // The tree may already show all of it (read before the quote arrived): then it keeps its identity.
      const text = flatten(this.text);
      if (this.textChanged) this.tree.set(text);
      this.valueDone();
    }
    this.text = '';
    this.textChanged = false;
  }

  /** Reads number characters; returns where the number stopped, leaving the delimiter unread. */
  private readNumber(chunk: string, from: number): number {
    const length = chunk.length;
    let state = this.numberState;
    for (let i = from; i < length; i++) {
      const next = nextNumberState(state, chunk.charCodeAt(i));
      if (next >= 0) {
        state = next;
        continue;
      }
      this.numberState = state;
      if (next === NUMBER_END && isCompleteNumber(state)) {
        this.finishNumber(this.numberText + chunk.slice(this.numberFrom, i));
        return i;
      }
      this.failAt('json/invalid-number', chunk, i, numberReason(state, chunk.charCodeAt(i)));
    }
    this.numberState = state;
    return length;
  }

  private finishNumber(text: string): void {
    // Number() and JSON.parse read a JSON number to the same double (both use ECMAScript's StringToNumber).
    this.tree.set(Number(text));
    this.numberText = '';
    this.valueDone();
  }

  private readLiteral(chunk: string, i: number): void {
    if (chunk.charCodeAt(i) !== this.literal.charCodeAt(this.literalLength)) {
      this.failAt('json/unexpected-token', chunk, i, `expected '${this.literal}'`);
    }
    if (++this.literalLength < this.literal.length) return;
    this.tree.set(this.literalValue);
    this.valueDone();
  }

  private closeContainer(): void {
    this.tree.close();
    this.valueDone();
  }

  private valueDone(): void {
    const depth = this.tree.depth;
    this.mode = depth === 0 ? ROOT_DONE : this.tree.topIsArray ? ARRAY_AFTER : OBJECT_AFTER;
  }

  private inString(): boolean {
    return this.mode === STRING || this.mode === ESCAPE || this.mode === UNICODE;
  }

  private scalarOpen(): boolean {
    return (this.inString() && !this.isKey) || this.mode === NUMBER || this.mode === LITERAL;
  }

  private endReason(): string {
    const mode = this.mode;
    if (mode === ROOT) return 'expected a JSON value';
    if (this.inString()) return `the string that starts at position ${this.stringPosition} is not closed`;
    if (mode === LITERAL) return `expected '${this.literal}'`;
    const expected =
      mode === ARRAY_START ? "a value or ']'"
      : mode === ARRAY_VALUE || mode === OBJECT_VALUE ? 'a value'
      : mode === ARRAY_AFTER ? "',' or ']'"
      : mode === OBJECT_START ? "a string key or '}'"
      : mode === OBJECT_KEY ? 'a string key'
      : mode === OBJECT_COLON ? "':' after the key"
      : "',' or '}'";
    const kind = this.tree.topIsArray ? 'array' : 'object';
    return `expected ${expected} (the ${kind} that starts at position ${this.tree.topPosition} is not closed)`;
  }

  private unexpected(chunk: string, i: number, expected: string): never {
    return this.failAt('json/unexpected-token', chunk, i, `expected ${expected}`);
  }

  /** Fails on the character at `chunk[i]`: "Unexpected ']' at position 12: expected a value". */
  private failAt(code: PartialJSONErrorCode, chunk: string, i: number, reason: string, what?: string): never {
    const position = this.offset + i;
    what ??= describeCharacter(chunk, i);
    return this.fail(code, position, `Unexpected ${what} at position ${position}: ${reason}`);
  }

  private failAtEnd(reason: string): never {
    const position = this.offset;
    return this.fail('json/unexpected-end', position, `Unexpected end of JSON at position ${position}: ${reason}`);
  }

  private fail(code: PartialJSONErrorCode, position: number, message: string): never {
    this.failure = new PartialJSONError(code, position, message);
    throw this.failure;
  }
}

function nextNumberState(state: number, c: number): number {
  const digit = c >= 0x30 && c <= 0x39;
  const exponent = c === 0x65 || c === 0x45;
  const sign = c === 0x2b || c === 0x2d;
  if (!digit && !exponent && !sign && c !== 0x2e) return NUMBER_END;
  switch (state) {
    case N_MINUS:
      return !digit ? NUMBER_BAD : c === 0x30 ? N_ZERO : N_INT;
    case N_ZERO:
      return c === 0x2e ? N_DOT : exponent ? N_EXP : NUMBER_BAD;
    case N_INT:
      return digit ? N_INT : c === 0x2e ? N_DOT : exponent ? N_EXP : NUMBER_BAD;
    case N_DOT:
      return digit ? N_FRACTION : NUMBER_BAD;
    case N_FRACTION:
      return digit ? N_FRACTION : exponent ? N_EXP : NUMBER_BAD;
    case N_EXP:
      return digit ? N_EXP_DIGITS : sign ? N_EXP_SIGN : NUMBER_BAD;
    default: // N_EXP_SIGN, N_EXP_DIGITS
      return digit ? N_EXP_DIGITS : NUMBER_BAD;
  }
}

function isCompleteNumber(state: number): boolean {
  return state === N_ZERO || state === N_INT || state === N_FRACTION || state === N_EXP_DIGITS;
}

/** Why the number cannot go on: at the end of the input (`c` omitted) or with the character `c`. */
function numberReason(state: number, c = -1): string {
  switch (state) {
    case N_ZERO:
      return c >= 0x30 && c <= 0x39 ? 'numbers cannot have leading zeros' : 'this character cannot continue the number';
    case N_MINUS:
      return "expected a digit after '-'";
    case N_DOT:
      return "expected a digit after the decimal point '.'";
    case N_EXP:
      return "expected a digit or a sign after the exponent 'e'";
    case N_EXP_SIGN:
      return 'expected a digit in the exponent';
    default:
      return 'this character cannot continue the number';
  }
}

/**
 * A string appended piece by piece is a tree of pieces in V8 (a cons string), several times the size of its
 * text when the pieces are a few characters long. Reading a character joins it into one flat string in
 * place, and the garbage collector then drops the pieces, so the value kept by the application is compact:
 * a 1 MB document read in 4-byte chunks kept 5 MB of heap without this, 2 MB with it (JSON.parse: 1.4 MB).
 */
function flatten(text: string): string {
  if (text.length > 0) text.charCodeAt(0);
  return text;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}
