import type { SourcePart } from '@streamkit/core';
import { safeHref } from './safe-href.ts';

export interface SourceDescription {
  /** What the source is called: its title, else its host, file name or URL. */
  title: string;
  /** A link target, only for http: and https: URLs. */
  href?: string;
  /** A second, quieter line: the host of a titled link, the raw text of a refused URL, a file name. */
  detail?: string;
}

function hostOf(href: string): string {
  return new URL(href).hostname.replace(/^www\./, '');
}

/** How a source shows in the list and in citations; the one place that decides what may become a link. */
export function describeSource(source: SourcePart): SourceDescription {
  if (source.sourceType === 'document') {
    // Documents (uploaded files, retrieved chunks) have no address a browser could open.
    const title = source.title || source.filename || 'Untitled document';
    const detail = source.filename && source.filename !== title ? source.filename : source.mediaType;
    return detail ? { title, detail } : { title };
  }
  const href = safeHref(source.url);
  const host = href ? hostOf(href) : undefined;
  const title = source.title || host || source.url || 'Untitled source';
  const detail = href ? host : source.url;
  const description: SourceDescription = { title };
  if (href) description.href = href;
  if (detail && detail !== title) description.detail = detail;
  return description;
}
