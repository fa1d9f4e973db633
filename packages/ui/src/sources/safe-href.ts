const allowedProtocols = new Set(['http:', 'https:']);

/**
 * The URL, normalized, when it is an absolute http: or https: URL; otherwise `undefined`, and the
 * caller shows it as text. Source URLs come from the model, so `javascript:`, `data:`, `vbscript:`
 * and the like must never become links; relative and protocol-relative URLs are refused too,
 * because they would resolve against the app's own origin.
 */
export function safeHref(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    // Parsing without a base rejects relative URLs, and the WHATWG parser has already stripped
    // the tabs, newlines and control characters that tricks like "java\tscript:" rely on.
    const parsed = new URL(url);
    return allowedProtocols.has(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
