import { StreamkitError } from '@streamkit/core';
import { createResumableStreamStore, type ResumableStreamStore } from '@streamkit/server';
import { handleChat, type ChatRouteContext } from './chat-route.ts';
import { jsonError } from './json-error.ts';
import type { MockStreamEndInfo } from './mock-reply.ts';
import { matchRoute } from './mock-routes.ts';
import { handleStreamRoute } from './stream-route.ts';

export interface MockHandlerOptions {
  /**
   * Path prefix of the routes: the chat route answers any path ending in `${basePath}/chat`, so a
   * handler mounted under another prefix still matches. Default: `'/api'`.
   */
  basePath?: string;
  /** Milliseconds from the request to the first text token (time to first token). Default: `350`. */
  ttftMs?: number;
  /** Text tokens per second after the first; `Infinity` sends them without delay. Default: `40`. */
  tokensPerSecond?: number;
  /** Milliseconds of silence before a `: keepalive` comment; `0` disables. A request can override it with the `keepalive=MS` fault. Default: `15000`. */
  keepaliveMs?: number;
  /** Called once per reply when it ends, saying whether it finished or was cancelled first. Default: none. */
  onStreamEnd?: (info: MockStreamEndInfo) => void;
  /**
   * Where replies are kept so that a client whose connection dropped can resume
   * (`GET {basePath}/chat/{chatId}/stream` with `Last-Event-ID`) and a stop can cancel generation
   * (`DELETE` the same path). A reply is stored when its request body has an `id` (the chat id);
   * its generation then survives a dropped connection and ends on a DELETE, a newer reply for the
   * chat, or nobody reading it for the store's `abandonAfterMs`. `false` ties every reply to its
   * connection (a disconnect cancels it) and the stream routes answer 204.
   * Default: a new `createResumableStreamStore()`.
   */
  resumable?: ResumableStreamStore | false;
}

function checkOptions(options: MockHandlerOptions): void {
  const { ttftMs = 350, tokensPerSecond = 40, keepaliveMs = 15_000 } = options;
  const problems = [
    !(Number.isFinite(ttftMs) && ttftMs >= 0) && `ttftMs must be a finite number ≥ 0 (got ${ttftMs})`,
    !(tokensPerSecond > 0) && `tokensPerSecond must be > 0 or Infinity (got ${tokensPerSecond})`,
    !(Number.isFinite(keepaliveMs) && keepaliveMs >= 0) && `keepaliveMs must be a finite number ≥ 0 (got ${keepaliveMs})`,
  ].filter(Boolean);
  if (problems.length > 0) throw new StreamkitError('options/invalid', `createMockHandler: ${problems.join('; ')}.`);
}

/** `'/api/'` → `'/api'`, `'api'` → `'/api'`, `''` or `'/'` → `''`. */
function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '' : `/${trimmed}`;
}

/**
 * A scripted chat model as a Web-standard handler. It uses no Node APIs, so it runs in Node (see
 * `@streamkit/mock-backend/node`), in Vite middleware, and in the browser.
 *
 * Routes (under `basePath`, default `/api`):
 * - `POST /chat` with the AI SDK body `{ id, messages }` streams a deterministic reply to the last
 *   user message. The wire format is `?format=` or the `x-streamkit-format` header (the query
 *   wins): `ui-message-stream` by default, or any format `createEncoder` knows; an unknown one gets
 *   400 `request/invalid-format` listing the known ones.
 * - `GET /chat/{chatId}/stream` resumes the chat's reply after its `Last-Event-ID` header (from the
 *   start without one); 204 when there is nothing to resume.
 * - `DELETE /chat/{chatId}/stream` stops the chat's reply at once; always 204.
 *
 * Fault injection, for the POST only (a resume GET is always clean, so a reconnect succeeds):
 * `?fault=a,b` (repeatable) and/or the header `x-streamkit-fault: a,b`. Items, where N, MS and S
 * are whole numbers:
 * - `drop-after-events=N`: cut the connection right after N events (a client sees N events, then
 *   a network error). The reply keeps being generated into the store, so a resume gets the rest.
 * - `drop-after-bytes=N`: cut the connection after N bytes of body, mid-event if that is where N falls.
 * - `stall=MS`: halfway through the reply's events, send nothing at all (not even keepalives) for
 *   MS, then continue with what was generated meanwhile.
 * - `keepalive-only=MS`: halfway through the reply, the model pauses for MS (like a server-side
 *   tool call), so only keepalive comments flow; pair it with `keepalive=MS` to see them.
 * - `keepalive=MS`: keepalive interval for this reply (`0` disables).
 * - `status=CODE` (400–599): answer CODE with the JSON error `fault/injected` instead of a stream;
 *   `retry-after=S` adds `Retry-After: S` (e.g. `status=429,retry-after=2`, `status=503`).
 * - `malformed`: halfway through, one extra event whose data is the next event's JSON cut in half
 *   (it has no `id:`, so the last event ID does not move); the real event follows.
 * - `buffered`: headers at once, but no body bytes until the whole reply is ready, then all of it
 *   in one chunk, like a buffering proxy.
 * - `slow-first-byte=MS`: wait MS before answering at all (headers and first byte).
 * An unknown item or a bad number gets 400 `request/invalid-fault` listing the grammar.
 */
export function createMockHandler(options: MockHandlerOptions = {}): (request: Request) => Promise<Response> {
  checkOptions(options);
  const chatPath = `${normalizeBasePath(options.basePath ?? '/api')}/chat`;
  const store = options.resumable ?? createResumableStreamStore();
  const context: ChatRouteContext = {
    timing: { ttftMs: options.ttftMs ?? 350, tokensPerSecond: options.tokensPerSecond ?? 40 },
    keepaliveMs: options.keepaliveMs ?? 15_000,
    store,
    onStreamEnd: options.onStreamEnd,
  };

  return async (request) => {
    const url = new URL(request.url);
    const pathname = url.pathname.replace(/(.)\/+$/, '$1');
    const route = matchRoute(pathname, chatPath);
    if (!route) {
      return jsonError(
        404,
        'request/not-found',
        `Nothing at ${pathname}. The mock backend answers POST ${chatPath} and GET or DELETE ${chatPath}/{chatId}/stream.`,
      );
    }
    if (route.kind === 'stream') return handleStreamRoute(request, route.chatId, store);
    if (request.method !== 'POST') {
      return jsonError(405, 'request/method-not-allowed', `${request.method} is not allowed here; use POST.`, {
        Allow: 'POST',
      });
    }
    return handleChat(request, url, context);
  };
}
