import type { SSEEvent } from '../sse/types.ts';
import type { StreamPart } from '../stream-part.ts';

/** The wire formats Streamkit reads. `ui-message-stream` is the native one (Vercel AI SDK UI message stream v1). */
export type WireFormat = 'ui-message-stream' | 'openai-chat' | 'openai-responses' | 'anthropic';

export interface StreamDecoder {
  /** Turns one SSE event into zero or more normalized parts. Never throws: bad input becomes an `error` part. */
  decode(event: SSEEvent): StreamPart[];
  /** Called when the stream ends; returns parts still owed (for formats that close open blocks implicitly). */
  end(): StreamPart[];
}
