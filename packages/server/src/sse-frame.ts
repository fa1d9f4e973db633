import type { SSEMessage } from './encoders/types.ts';

/**
 * Formats one event as an SSE block: `id:`, optional `event:`, one `data:` line per line of data,
 * then the blank line that dispatches it. A raw newline inside a data line would end the field
 * early, and SSE clients join data lines with "\n", so splitting keeps the payload intact.
 * https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 */
export function formatSSEFrame(message: SSEMessage, id: number | string): string {
  const head = message.event === undefined ? `id: ${id}\n` : `id: ${id}\nevent: ${message.event}\n`;
  const { data } = message;
  // JSON payloads never hold a raw line break: one line needs no split (and no regex) per event.
  if (data.indexOf('\n') === -1 && data.indexOf('\r') === -1) return `${head}data: ${data}\n\n`;
  let text = head;
  for (const line of data.split(/\r\n|\r|\n/)) text += `data: ${line}\n`;
  return `${text}\n`;
}

/** Sent after a silence so proxies and load balancers keep the connection; SSE clients ignore comments. */
export const KEEPALIVE_COMMENT = ': keepalive\n\n';
