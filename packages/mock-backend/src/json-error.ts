/** Machine-readable codes of the mock backend's JSON error bodies. */
export type MockErrorCode =
  | 'request/invalid-json'
  | 'request/invalid-messages'
  | 'request/invalid-format'
  | 'request/invalid-fault'
  /** `?scenario=`, `x-streamkit-scenario` or the object input's `scenario` names no scenario. */
  | 'request/invalid-scenario'
  /** `?pause=` is not a whole number of milliseconds. */
  | 'request/invalid-pause'
  /** The object route's body is not `{ id?, input }`. */
  | 'request/invalid-object'
  | 'request/method-not-allowed'
  | 'request/not-found'
  /** The request asked for this error with `fault=status=CODE`. */
  | 'fault/injected';

/** An error response with the body `{ "error": { "code", "message" } }`, as the HTTP transport expects. */
export function jsonError(
  status: number,
  code: MockErrorCode,
  message: string,
  headers?: Record<string, string>,
): Response {
  // Not `Response.json()`: older Safari lacks it, and this runs in the browser for Storybook.
  return new Response(JSON.stringify({ error: { code, message } }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}
