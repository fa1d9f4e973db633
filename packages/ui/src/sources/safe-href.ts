import { parseAbsoluteURL } from '../lib/parse-absolute-url.ts';

const allowedProtocols = new Set(['http:', 'https:']);

/**
 * The URL, normalized, when it is an absolute http: or https: URL; otherwise `undefined`, and the
 * caller shows it as text. Source URLs come from the model, so `javascript:`, `data:`, `vbscript:`
 * and the like must never become links; relative and protocol-relative URLs are refused too,
 * because they would resolve against the app's own origin.
 */
export function safeHref(url: string | undefined): string | undefined {
  const parsed = url === undefined ? undefined : parseAbsoluteURL(url);
  return parsed && allowedProtocols.has(parsed.protocol) ? parsed.href : undefined;
}
