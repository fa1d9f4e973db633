import type { StreamPart } from '@streamkit/core';
import { createEncoder, createSSEResponse, type EncoderFormat, type ResumableStreamStore } from '@streamkit/server';
import { delay } from './delay.ts';
import { hasBodyFaults, injectBodyFaults } from './fault-body.ts';
import { faultStatusResponse, readFaults } from './mock-faults.ts';
import { mockReplyParts, playMockReply, type MockReplyTiming, type MockStreamEndInfo } from './mock-reply.ts';
import { readChatRequest } from './read-chat-request.ts';
import { readFormat } from './request-format.ts';

export interface ChatRouteContext {
  timing: MockReplyTiming;
  keepaliveMs: number;
  store: ResumableStreamStore | false;
  onStreamEnd?: (info: MockStreamEndInfo) => void;
}

/** How many SSE events `parts` make in `format`, so body faults can act in the middle of the reply. */
function countEvents(parts: StreamPart[], format: EncoderFormat): number {
  const encoder = createEncoder(format);
  return parts.reduce((count, part) => count + encoder.encode(part).length, encoder.end().length);
}

/** `POST …/chat`: streams the scripted reply in the requested format, with the requested faults. */
export async function handleChat(request: Request, url: URL, context: ChatRouteContext): Promise<Response> {
  const format = readFormat(request, url);
  if (format instanceof Response) return format;
  const faults = readFaults(request, url);
  if (faults instanceof Response) return faults;
  const chat = await readChatRequest(request);
  if (chat instanceof Response) return chat;
  // A client that leaves during the wait is handled below like any other early disconnect.
  if (faults.slowFirstByteMs) await delay(faults.slowFirstByteMs, request.signal).catch(() => {});
  if (faults.status !== undefined) return faultStatusResponse(faults.status, faults.retryAfterS);

  const parts = mockReplyParts(chat.prompt, chat.messageCount);
  const timing: MockReplyTiming = {
    ...context.timing,
    pause: faults.keepaliveOnlyMs === undefined ? undefined : { beforePart: Math.floor(parts.length / 2), ms: faults.keepaliveOnlyMs },
  };
  const sseOptions = { format, keepaliveMs: faults.keepaliveMs ?? context.keepaliveMs, signal: request.signal };
  let response: Response;
  if (context.store && chat.chatId !== undefined) {
    // Generation belongs to the store, not to this connection: only the store's cancel stops it.
    const generation = new AbortController();
    response = createSSEResponse(playMockReply(parts, timing, generation.signal, context.onStreamEnd), {
      ...sseOptions,
      resumable: { store: context.store, key: chat.chatId, onCancel: () => generation.abort() },
    });
  } else {
    // The producer would never start, so its `finally` could not report the cancellation.
    if (request.signal.aborted) context.onStreamEnd?.({ reason: 'cancelled' });
    response = createSSEResponse(playMockReply(parts, timing, request.signal, context.onStreamEnd), sseOptions);
  }
  if (!hasBodyFaults(faults)) return response;
  const midEvent = Math.floor(countEvents(parts, format) / 2);
  return new Response(injectBodyFaults(response.body!, faults, midEvent), { status: response.status, headers: response.headers });
}
