/**
 * Whether a request asked for the whole reply as JSON (the client's sync fallback): its `Accept`
 * names `application/json` and not `text/event-stream`. A wildcard `Accept`, or none, gets the stream.
 */
export function acceptsJSONOnly(request: Request): boolean {
  const accept = request.headers.get('accept')?.toLowerCase() ?? '';
  return accept.includes('application/json') && !accept.includes('text/event-stream');
}
