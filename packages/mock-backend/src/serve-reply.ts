import type { StreamPart } from '@streamkit/core';
import { createEncoder, createSSEResponse, type EncoderFormat, type ResumableStreamStore } from '@streamkit/server';
import { acceptsJSONOnly } from './accepts-json.ts';
import { delay } from './delay.ts';
import { hasBodyFaults, injectBodyFaults } from './fault-body.ts';
import { faultStatusResponse, readFaults } from './mock-faults.ts';
import { playMockReply, type MockReplyTiming, type MockStreamEndInfo } from './mock-reply.ts';
import { readFormat } from './request-format.ts';
import type { ReplyPlan } from './scenarios/scenario-parts.ts';
import type { TimerQueue } from './timer-queue.ts';

export interface ReplyContext {
  timing: Pick<MockReplyTiming, 'ttftMs' | 'tokensPerSecond'>;
  keepaliveMs: number;
  store: ResumableStreamStore | false;
  serverToolPauseMs: number;
  /** The one timer queue that paces every reply of the handler. */
  timers: TimerQueue;
  onStreamEnd?: (info: MockStreamEndInfo) => void;
}

/** What a route makes of its request body. */
export interface MockReply {
  plan: ReplyPlan;
  /** The key the reply is stored under for resume and stop; without one it is tied to its connection. */
  key?: string;
  /** The whole reply as JSON text, for a request that accepts only JSON. */
  json(): string;
}

/** How many SSE events `parts` make in `format`, so body faults can act in the middle of the reply. */
function countEvents(parts: StreamPart[], format: EncoderFormat): number {
  const encoder = createEncoder(format);
  return parts.reduce((count, part) => count + encoder.encode(part).length, encoder.end().length);
}

/**
 * Serves a POST the same way on every route: reads the format and the faults, then the body (`read`,
 * which may answer 400), applies `slow-first-byte` and `status`, and answers with the whole reply as
 * JSON when the request accepts only JSON, or else streams it in model time with the body faults.
 */
export async function serveReply(
  request: Request,
  url: URL,
  context: ReplyContext,
  read: () => Promise<MockReply | Response>,
): Promise<Response> {
  const format = readFormat(request, url);
  if (format instanceof Response) return format;
  const faults = readFaults(request, url);
  if (faults instanceof Response) return faults;
  const reply = await read();
  if (reply instanceof Response) return reply;
  // A client that leaves during the wait is handled below like any other early disconnect.
  if (faults.slowFirstByteMs) await delay(faults.slowFirstByteMs, request.signal).catch(() => {});
  if (faults.status !== undefined) return faultStatusResponse(faults.status, faults.retryAfterS);
  if (acceptsJSONOnly(request)) return new Response(reply.json(), { headers: { 'content-type': 'application/json; charset=utf-8' } });

  const { parts, pauses } = reply.plan;
  const keepaliveOnly = faults.keepaliveOnlyMs === undefined ? [] : [{ beforePart: Math.floor(parts.length / 2), ms: faults.keepaliveOnlyMs }];
  const timing: MockReplyTiming = { ...context.timing, pauses: [...pauses, ...keepaliveOnly] };
  const sseOptions = { format, keepaliveMs: faults.keepaliveMs ?? context.keepaliveMs, signal: request.signal };
  let response: Response;
  if (context.store && reply.key !== undefined) {
    // Generation belongs to the store, not to this connection: only the store's cancel stops it.
    const generation = new AbortController();
    response = createSSEResponse(playMockReply(parts, timing, context.timers, generation.signal, context.onStreamEnd), {
      ...sseOptions,
      resumable: { store: context.store, key: reply.key, onCancel: () => generation.abort() },
    });
  } else {
    // The producer would never start, so its `finally` could not report the cancellation.
    if (request.signal.aborted) context.onStreamEnd?.({ reason: 'cancelled' });
    response = createSSEResponse(playMockReply(parts, timing, context.timers, request.signal, context.onStreamEnd), sseOptions);
  }
  if (!hasBodyFaults(faults)) return response;
  const midEvent = Math.floor(countEvents(parts, format) / 2);
  return new Response(injectBodyFaults(response.body!, faults, midEvent), { status: response.status, headers: response.headers });
}
