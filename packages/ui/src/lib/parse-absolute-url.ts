/**
 * `url` parsed by the WHATWG URL parser when it is absolute; otherwise `undefined`. That parser is
 * the one the browser will use on the attribute, so judging its result (not the raw string) closes
 * the tricks: `JaVaScRiPt:`, leading spaces and control characters, tabs and newlines inside the
 * scheme. Relative and protocol-relative URLs fail to parse without a base and are refused: in a
 * chat they would point into the host app. Callers then allow only the protocols they accept.
 */
export function parseAbsoluteURL(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
