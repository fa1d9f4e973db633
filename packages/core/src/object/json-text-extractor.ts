/**
 * Finds the JSON in text a model writes: inside a ```json (or bare ```) fence when there is one,
 * otherwise from the first `{` or `[`. Streaming-safe: a fence marker split across chunks is held
 * back until it is whole, so no backtick ever reaches the JSON parser.
 */
export function createJSONTextExtractor() {
  let state: 'seeking' | 'fenced' | 'bare' | 'done' = 'seeking';
  let pending = '';

  function seek(): string {
    const fence = pending.indexOf('```');
    const brace = pending.search(/[{[]/);
    if (fence !== -1 && (brace === -1 || fence < brace)) {
      const lineEnd = pending.indexOf('\n', fence);
      if (lineEnd === -1) return ''; // the fence's info string (```json) is not complete yet
      state = 'fenced';
      pending = pending.slice(lineEnd + 1);
      return fenced();
    }
    if (brace !== -1) {
      state = 'bare';
      const json = pending.slice(brace);
      pending = '';
      return json;
    }
    // Keep a trailing backtick or two: they may be the start of a fence.
    const tail = pending.match(/`{1,2}$/)?.[0] ?? '';
    pending = tail;
    return '';
  }

  function fenced(): string {
    const close = pending.indexOf('```');
    if (close !== -1) {
      state = 'done';
      const json = pending.slice(0, close);
      pending = '';
      return json;
    }
    const tail = pending.match(/`{1,2}$/)?.[0] ?? '';
    const json = pending.slice(0, pending.length - tail.length);
    pending = tail;
    return json;
  }

  return {
    /** Returns the part of `chunk` that belongs to the JSON document ('' when none does). */
    push(chunk: string): string {
      if (state === 'done') return '';
      if (state === 'bare') return chunk;
      pending += chunk;
      return state === 'seeking' ? seek() : fenced();
    },
  };
}
