/** The headers of an SSE response: the stream's own, anti-buffering ones, the format's, then `extra` overriding them. */
export function sseHeaders(formatHeaders: Record<string, string>, extra?: HeadersInit): Headers {
  const headers = new Headers({
    'Content-Type': 'text/event-stream; charset=utf-8',
    // `no-transform` stops proxies that compress or rewrite bodies from holding chunks back.
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    // nginx buffers proxied responses unless told not to.
    'X-Accel-Buffering': 'no',
    ...formatHeaders,
  });
  new Headers(extra).forEach((value, name) => headers.set(name, value));
  return headers;
}
