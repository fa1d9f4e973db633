import { followStream } from './follow-stream.ts';
import type { ResumableStreamStore } from './resumable-stream.ts';
import { sseHeaders } from './sse-headers.ts';

export interface ResumeResponseOptions {
  store: ResumableStreamStore;
  /** The key the reply was stored under (the chat id of `GET …/{chatId}/stream`). */
  key: string;
  /** Extra headers for a 200 response; they override the defaults. Default: none. */
  headers?: HeadersInit;
}

/**
 * Answers a client reconnecting to a reply (`GET {api}/{chatId}/stream`, as the Vercel AI SDK's
 * `resume()` does): the events after its `Last-Event-ID` header (all of them without it), then the
 * live ones until the reply ends, in the reply's own format. `204 No Content` when there is nothing
 * to resume.
 */
export async function createResumeResponse(request: Request, options: ResumeResponseOptions): Promise<Response> {
  const lastEventId = request.headers.get('last-event-id') ?? undefined;
  const resumed = await options.store.resume(options.key, lastEventId);
  if (!resumed) return new Response(null, { status: 204 });
  return new Response(followStream(Promise.resolve(resumed.body), request.signal), {
    headers: sseHeaders(resumed.headers, options.headers),
  });
}
