import type { StreamPart } from '@streamkit/core';

/** One server-sent event before framing; `createSSEResponse` adds the `id:` line. */
export interface SSEMessage {
  /** The `event:` field; omitted means the client sees `'message'`. */
  event?: string;
  /** The payload; a value containing newlines is sent as several `data:` lines. */
  data: string;
}

/** Turns `StreamPart`s into one wire format's SSE messages. */
export interface Encoder {
  /** Response headers the format needs (e.g. its protocol marker). */
  headers: Record<string, string>;
  encode(part: StreamPart): SSEMessage[];
  /** The messages that close the stream (e.g. `data: [DONE]`). */
  end(): SSEMessage[];
}
