/**
 * A tool's input or output as readable text: strings as they are, anything else as indented JSON.
 * Never throws: tool output is arbitrary, and a value JSON cannot encode (a cycle, a BigInt) must
 * not crash the chat.
 */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  try {
    const json = JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner), 2);
    // Functions and symbols have no JSON form; stringify returns undefined for them.
    return json ?? String(value);
  } catch {
    return '[value that cannot be shown]';
  }
}
