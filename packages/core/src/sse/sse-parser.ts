import { StreamkitError } from '../errors.ts';
import type { SSEEvent } from './types.ts';
import { createUTF8Decoder, type UTF8Decoder } from './utf8-decoder.ts';

/** Callbacks for {@link createSSEParser}. */
export interface SSEParserOptions {
  /** Called once per dispatched event, synchronously, in stream order. Required. */
  onEvent(event: SSEEvent): void;
  /**
   * Called for each comment line (`: text`), with the colon and at most one following space removed.
   * Default: comments are skipped without allocating their text.
   */
  onComment?(text: string): void;
  /**
   * Called for each `retry:` field whose value is ASCII digits only, with that value in milliseconds,
   * as soon as the line is read. Invalid values are ignored (spec). Default: none.
   */
  onRetry?(ms: number): void;
}

/** A push parser for one `text/event-stream` at a time. */
export interface SSEParser {
  /**
   * Parses the next piece of the stream. Bytes are decoded as UTF-8 (a character split across chunks is
   * joined); strings are taken as already decoded. Events whose blank line is in this chunk are dispatched
   * before `feed` returns.
   */
  feed(chunk: string | Uint8Array): void;
  /**
   * Marks the end of the stream: an event without its closing blank line and an unterminated last line are
   * discarded, as the spec says. The parser is then reset, so the next `feed` starts a new stream.
   */
  end(): void;
  /** Drops all buffered input and state (including the last event ID) so the next `feed` starts a new stream. */
  reset(): void;
}

const LF = 10;
const CR = 13;
const SPACE = 32;
const COLON = 58;
const BOM = 0xfeff;

/**
 * Creates a parser that follows the WHATWG rules for event streams, for any chunking of the input:
 * https://html.spec.whatwg.org/multipage/server-sent-events.html#parsing-an-event-stream
 *
 * - `retry`: reported through `onRetry` and also set as `retry` on the event dispatched at the end of the
 *   same block (a block with `retry` but no data dispatches nothing, so only `onRetry` sees it).
 * - Misuse throws a `StreamkitError` with code `sse/invalid-use` instead of corrupting the stream: a chunk that
 *   is neither a string nor a Uint8Array, `feed` called from inside a callback, or `feed` after a callback threw
 *   (the rest of that chunk was not parsed, so the stream can't continue; call `reset()` first).
 *   `end()` and `reset()` may be called from a callback: the rest of the current chunk is then dropped.
 */
export function createSSEParser(options: SSEParserOptions): SSEParser {
  if (typeof options !== 'object' || options === null || typeof options.onEvent !== 'function') {
    throw new StreamkitError(
      'options/invalid',
      'createSSEParser expects an options object with an onEvent function, e.g. createSSEParser({ onEvent(event) {} }).',
    );
  }
  const { onEvent, onComment, onRetry } = options;

  // Created on the first byte chunk (see utf8-decoder.ts for why it is not a plain streaming TextDecoder).
  // It keeps U+FEFF, so that strings and bytes share one rule: strip a BOM only from the first non-empty text
  // of the stream. That also covers a BOM split across chunks, which the decoder holds back until whole.
  let utf8: UTF8Decoder | undefined;
  let atStreamStart = true;
  // A line cut by a chunk boundary is kept as fragments and joined once when its terminator arrives.
  // `buffer += chunk` followed by a search re-flattens (copies) the whole buffer on every chunk, which is
  // quadratic on a long line; joining the fragment onto the whole new chunk copies the chunk. Here only the
  // cut line itself is copied, once, and the rest of the chunk is parsed in place. Most cut lines span two
  // chunks, so the first fragment is a plain string and only longer lines use the array.
  let pending = '';
  let morePending: string[] | undefined;
  // The previous text ended with CR: a LF starting the next text belongs to that CR (CRLF cut in two).
  // The CR line is processed at once, so an event ending in CR is dispatched without waiting for more input.
  let skipLF = false;

  let data = '';
  let dataLines = 0;
  // 'message' stands for the spec's empty event type buffer, which dispatches as 'message' anyway.
  let eventType = 'message';
  let lastEventId = '';
  let blockRetry = -1;

  // `generation` changes on reset, so a loop whose callback called end()/reset() can tell and stop.
  let generation = 0;
  let feeding = false;
  let failed = false;

  function resetState(): void {
    utf8 = undefined;
    atStreamStart = true;
    pending = '';
    morePending = undefined;
    skipLF = false;
    data = '';
    dataLines = 0;
    eventType = 'message';
    lastEventId = '';
    blockRetry = -1;
    failed = false;
    generation++;
  }

  function feed(chunk: string | Uint8Array): void {
    if (feeding) {
      throw new StreamkitError(
        'sse/invalid-use',
        'feed() was called from inside an SSE parser callback; feed the next chunk after feed() returns.',
      );
    }
    if (failed) {
      throw new StreamkitError(
        'sse/invalid-use',
        'A callback threw during an earlier feed(), so the rest of that chunk was not parsed; call reset() before feeding a new stream.',
      );
    }
    let text: string;
    if (typeof chunk === 'string') {
      // A character cut at the end of a byte chunk can't be completed by a string: it becomes U+FFFD.
      text = utf8 === undefined ? chunk : utf8.flush() + chunk;
    } else if (ArrayBuffer.isView(chunk)) {
      // isView rather than instanceof, so a Uint8Array from another realm (iframe, vm) is accepted too.
      const view: ArrayBufferView = chunk;
      const bytes = view instanceof Uint8Array ? view : new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
      utf8 ??= createUTF8Decoder();
      text = utf8.decode(bytes);
    } else {
      throw new StreamkitError('sse/invalid-use', `feed() expects a string or a Uint8Array, got ${describe(chunk)}.`);
    }
    feeding = true;
    try {
      parseText(text);
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      feeding = false;
    }
  }

  function parseText(text: string): void {
    const length = text.length;
    if (length === 0) return;
    let pos = 0;
    if (atStreamStart) {
      atStreamStart = false;
      if (text.charCodeAt(0) === BOM) pos = 1;
    }
    if (skipLF) {
      skipLF = false;
      if (text.charCodeAt(pos) === LF) pos++;
    }
    const gen = generation;
    // Next LF and next CR at or after `pos`; each is searched again only once passed, so the text is scanned
    // once per terminator kind (indexOf is native and far faster than a charCodeAt loop). -1: none left.
    let lf = text.indexOf('\n', pos);
    let cr = text.indexOf('\r', pos);

    if (pending !== '') {
      // The first line completes the one cut at the end of the previous chunk.
      const end = lineEnd(lf, cr);
      if (end === -1) {
        const rest = pos === 0 ? text : text.slice(pos);
        if (morePending === undefined) morePending = [rest];
        else morePending.push(rest);
        return;
      }
      let line: string;
      if (morePending === undefined) {
        line = pending + text.slice(pos, end);
      } else {
        morePending.push(text.slice(pos, end));
        line = pending + morePending.join('');
        morePending = undefined;
      }
      pending = '';
      pos = afterLineEnd(text, end, cr);
      parseLine(line, 0, line.length);
      if (gen !== generation) return;
      if (lf !== -1 && lf < pos) lf = text.charCodeAt(pos) === LF ? pos : text.indexOf('\n', pos);
      if (cr !== -1 && cr < pos) cr = text.indexOf('\r', pos);
    }

    if (cr === -1) {
      // No CR left (most streams): a leaner loop, one search per line.
      while (lf !== -1) {
        if (pos === lf) {
          dispatch();
        } else if (
          // The usual event, "data: …" then a blank line, goes straight from the text into the event: no data
          // buffer, no second search, no second turn of the loop (~25% on small events). Spelled out rather
          // than calling dataValueStart() and emit(), which V8 did not inline here (~5-10% more).
          dataLines === 0 && text.charCodeAt(lf + 1) === LF &&
          text.charCodeAt(pos) === 100 /* d */ && text.charCodeAt(pos + 1) === 97 && text.charCodeAt(pos + 2) === 116 &&
          text.charCodeAt(pos + 3) === 97 && text.charCodeAt(pos + 4) === COLON
        ) {
          const value = text.slice(text.charCodeAt(pos + 5) === SPACE ? pos + 6 : pos + 5, lf);
          const event: SSEEvent = { event: eventType, data: value, id: lastEventId };
          if (blockRetry !== -1) {
            event.retry = blockRetry;
            blockRetry = -1;
          }
          eventType = 'message';
          lf++;
          onEvent(event);
        } else {
          parseLine(text, pos, lf);
          if (text.charCodeAt(lf + 1) === LF) {
            if (gen !== generation) return;
            lf++;
            dispatch();
          }
        }
        if (gen !== generation) return;
        pos = lf + 1;
        lf = text.indexOf('\n', pos);
      }
    } else {
      for (let end = lineEnd(lf, cr); end !== -1; end = lineEnd(lf, cr)) {
        const next = afterLineEnd(text, end, cr);
        if (pos === end) dispatch();
        else parseLine(text, pos, end);
        if (gen !== generation) return;
        pos = next;
        if (lf !== -1 && lf < pos) lf = text.indexOf('\n', pos);
        if (cr !== -1 && cr < pos) cr = text.indexOf('\r', pos);
      }
    }
    if (pos < length) pending = pos === 0 ? text : text.slice(pos);
  }

  /** Where the next line starts after the terminator at `end`; a CR at the very end may still pair with a LF. */
  function afterLineEnd(text: string, end: number, cr: number): number {
    if (end !== cr) return end + 1;
    if (end + 1 === text.length) {
      skipLF = true;
      return end + 1;
    }
    return text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
  }

  // One non-blank line; `end` is the index of its terminator in `s`, or s.length. Field names are matched by
  // char code rather than sliced out, so unknown fields and comments (without onComment) allocate nothing.
  // Reading one char past a short line is safe: s[end] is CR, LF or out of range, never a letter or colon.
  // `data` is handled here and the rest elsewhere to keep this function small enough for V8 to inline.
  function parseLine(s: string, start: number, end: number): void {
    const from = dataValueStart(s, start, end);
    if (from === -1) {
      parseOtherLine(s, start, end);
      return;
    }
    const value = s.slice(from, end);
    // The spec appends value + LF and drops the final LF at dispatch; joining with LF is the same string.
    data = dataLines === 0 ? value : data + '\n' + value;
    dataLines++;
  }

  function parseOtherLine(s: string, start: number, end: number): void {
    const c = s.charCodeAt(start);
    if (c === 101 /* e */) {
      if (
        s.charCodeAt(start + 1) !== 118 || s.charCodeAt(start + 2) !== 101 ||
        s.charCodeAt(start + 3) !== 110 || s.charCodeAt(start + 4) !== 116
      ) return;
      const from = valueFrom(s, start + 5, end);
      if (from !== -1) eventType = from === end ? 'message' : s.slice(from, end);
    } else if (c === 105 /* i */) {
      if (s.charCodeAt(start + 1) !== 100) return;
      const from = valueFrom(s, start + 2, end);
      if (from === -1) return;
      const value = s.slice(from, end);
      if (value.indexOf('\0') === -1) lastEventId = value;
    } else if (c === 114 /* r */) {
      if (
        s.charCodeAt(start + 1) !== 101 || s.charCodeAt(start + 2) !== 116 ||
        s.charCodeAt(start + 3) !== 114 || s.charCodeAt(start + 4) !== 121
      ) return;
      const from = valueFrom(s, start + 5, end);
      if (from === -1 || from === end) return;
      let ms = 0;
      for (let i = from; i < end; i++) {
        const digit = s.charCodeAt(i) - 48;
        if (digit < 0 || digit > 9) return; // ASCII digits only, else the field is ignored (spec)
        ms = ms * 10 + digit;
      }
      blockRetry = ms;
      if (onRetry !== undefined) onRetry(ms);
    } else if (c === COLON) {
      if (onComment !== undefined) onComment(s.slice(s.charCodeAt(start + 1) === SPACE ? start + 2 : start + 1, end));
    }
    // Any other field is ignored (spec), "data" lookalikes such as "datum" included.
  }

  function dispatch(): void {
    if (dataLines === 0) {
      eventType = 'message';
      blockRetry = -1;
      return;
    }
    const value = data;
    data = '';
    dataLines = 0;
    emit(value);
  }

  // The block is cleared before calling out, so a throwing callback leaves no half-dispatched state behind.
  // (The loop for LF-only text has a copy of this.)
  function emit(value: string): void {
    const event: SSEEvent = { event: eventType, data: value, id: lastEventId };
    if (blockRetry !== -1) {
      event.retry = blockRetry;
      blockRetry = -1;
    }
    eventType = 'message';
    onEvent(event);
  }

  return { feed, end: resetState, reset: resetState };
}

/** The first line terminator from the next LF and next CR (-1 when absent), or -1 if there is none. */
function lineEnd(lf: number, cr: number): number {
  if (lf === -1) return cr;
  return cr === -1 || lf < cr ? lf : cr;
}

/** Where the value of a `data` line starts, or -1 if the line is not a `data` field. */
function dataValueStart(s: string, start: number, end: number): number {
  const isData =
    s.charCodeAt(start) === 100 && s.charCodeAt(start + 1) === 97 && s.charCodeAt(start + 2) === 116 && s.charCodeAt(start + 3) === 97;
  if (!isData) return -1;
  return valueFrom(s, start + 4, end);
}

/**
 * Where the value of a field whose name ends at `nameEnd` starts, or -1 if the name is longer ("datum:",
 * "ids"): the name is the whole line (value '') or is followed by a colon and one optional space.
 */
function valueFrom(s: string, nameEnd: number, end: number): number {
  if (nameEnd === end) return end;
  if (s.charCodeAt(nameEnd) !== COLON) return -1;
  return s.charCodeAt(nameEnd + 1) === SPACE ? nameEnd + 2 : nameEnd + 1;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return value.constructor?.name ?? 'object';
}
