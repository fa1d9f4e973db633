import type { SSEMessage } from './encoders/types.ts';

/**
 * Formats one event as an SSE block: `id:`, optional `event:`, one `data:` line per line of data,
 * then the blank line that dispatches it. A raw newline inside a data line would end the field
 * early, and SSE clients join data lines with "\n", so splitting keeps the payload intact.
 * https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 */
export function formatSSEFrame(message: SSEMessage, id: number | string): string {
  let text = `id: ${id}\n`;
  if (message.event !== undefined) text += `event: ${message.event}\n`;
  for (const line of message.data.split(/\r\n|\r|\n/)) text += `data: ${line}\n`;
  return `${text}\n`;
}

/** Sent after a silence so proxies and load balancers keep the connection; SSE clients ignore comments. */
export const KEEPALIVE_COMMENT = ': keepalive\n\n';
