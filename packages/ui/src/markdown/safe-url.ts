import type { UrlTransform } from 'react-markdown';
import { parseAbsoluteURL } from '../lib/parse-absolute-url.ts';

/** Which images a `Markdown` may load: none, or those whose origin is on the list. */
export type AllowImages = false | { origins: readonly string[] };

const linkProtocols = new Set(['http:', 'https:', 'mailto:']);
const imageProtocols = new Set(['http:', 'https:']);

// Markdown has already decoded entities such as `&#106;` when these see a URL.

/** The normalized `href` for a link to `url` if it is absolute `http:`, `https:` or `mailto:`; else `undefined`. */
export function safeLinkHref(url: string): string | undefined {
  const parsed = parseAbsoluteURL(url);
  return parsed && linkProtocols.has(parsed.protocol) ? parsed.href : undefined;
}

/** The normalized `src` for an image at `url` if it is `http:`/`https:` and its origin is allowed; else `undefined`. */
export function safeImageSrc(url: string, allow: AllowImages): string | undefined {
  if (allow === false) return undefined;
  const parsed = parseAbsoluteURL(url);
  if (!parsed || !imageProtocols.has(parsed.protocol)) return undefined;
  const origins = allow.origins.map((origin) => parseAbsoluteURL(origin)?.origin);
  return origins.includes(parsed.origin) ? parsed.href : undefined;
}

/**
 * The URL policy handed to react-markdown, applied to every URL attribute before any component
 * (built-in or the caller's) sees it: a refused URL is removed, and the `a`/`img` components render
 * text in its place.
 */
export function createUrlTransform(allowImages: AllowImages): UrlTransform {
  return (url, key, node) => {
    if (key === 'href' && node.tagName === 'a') return safeLinkHref(url);
    if (key === 'src' && node.tagName === 'img') return safeImageSrc(url, allowImages);
    return undefined;
  };
}
