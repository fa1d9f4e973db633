import { StreamkitError } from '@streamkit/core';
import { createResumableStreamStore, type ResumableStreamStore } from '@streamkit/server';
import { handleChat } from './chat-route.ts';
import { jsonError } from './json-error.ts';
import type { MockStreamEndInfo } from './mock-reply.ts';
import { matchRoute } from './mock-routes.ts';
import { handleObject, objectStoreKey } from './object-route.ts';
import type { ReplyContext } from './serve-reply.ts';
import { handleStreamRoute } from './stream-route.ts';
import { createTimerQueue } from './timer-queue.ts';

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
  /**
   * How long the `server-tool` scenario's provider-executed tool works before its output arrives,
   * with nothing but keepalive comments on the wire meanwhile. A request can override it with
   * `?pause=MS`. Default: `20000`.
   */
  serverToolPauseMs?: number;
  /** Called once per streamed reply when it ends, saying whether it finished or was cancelled first. Default: none. */
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
  const { ttftMs = 350, tokensPerSecond = 40, keepaliveMs = 15_000, serverToolPauseMs = 20_000 } = options;
  const problems = [
    !(Number.isFinite(ttftMs) && ttftMs >= 0) && `ttftMs must be a finite number ≥ 0 (got ${ttftMs})`,
    !(tokensPerSecond > 0) && `tokensPerSecond must be > 0 or Infinity (got ${tokensPerSecond})`,
    !(Number.isFinite(keepaliveMs) && keepaliveMs >= 0) && `keepaliveMs must be a finite number ≥ 0 (got ${keepaliveMs})`,
    !(Number.isFinite(serverToolPauseMs) && serverToolPauseMs >= 0) && `serverToolPauseMs must be a finite number ≥ 0 (got ${serverToolPauseMs})`,
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
 * - `POST /object` with `{ id, input }` (as `createObjectStore` posts it) streams a JSON document as
 *   text deltas; see `mockObjectFor` for the documents and how `input` picks one.
 * - `GET /chat/{chatId}/stream` and `GET /object/{id}/stream` resume the reply after its
 *   `Last-Event-ID` header (from the start without one); 204 when there is nothing to resume.
 * - `DELETE` on the same paths stops the reply at once; always 204.
 * A POST whose `Accept` names `application/json` but not `text/event-stream` (the client's sync
 * fallback) gets the whole reply at once as JSON: for the chat the assistant UIMessage
 * `{ id, role, parts, metadata }` (tool calls as `{ type: 'tool-call', toolCallId, toolName, state:
 * 'input-available', input }`), for an object the object itself.
 *
 * Chat scenarios: the reply follows a scenario chosen from the last user message's keywords
 * (case-insensitive, first match wins), or forced with `?scenario=NAME` or the
 * `x-streamkit-scenario` header (an unknown name gets 400 `request/invalid-scenario`):
 *
 * | scenario | keywords | reply |
 * | --- | --- | --- |
 * | `server-tool` | "search the web", "slow tool" | provider-executed `webSearch` (input streams, `serverToolPauseMs` or `?pause=MS` of keepalives only, output), then text |
 * | `multi-step` | "research", "multi-step" | client tool `search`; after its result a short text and a `calculator` call; after that, the final text |
 * | `approval` | "delete", "approval" | client tool `deleteFile` `{ path }`; after it, text for deleted / declined / failed |
 * | `parallel` | "compare", "parallel" | two `weather` calls in one step; after both results, text using both |
 * | `weather` | "weather" | client tool `weather` `{ city }` (named in the prompt, else Oslo); then "It is 4 °C and cloudy in Oslo." |
 * | `calculator` | "calculate", or an expression like "12 * 7" | client tool `calculator` `{ expression }`; then "12 * 7 = 84." |
 * | `citations` | "cite", "citation", "source(s)" | text citing three `source-url`s as [1] [2] [3], plus one `source-document` |
 * | `reasoning` | "think", "reason", "step by step" | reasoning streamed token by token, then the text answer |
 * | `text` | anything else | the plain multi-sentence answer (`mockReplyText`) |
 *
 * A tool call ends its reply with finish reason `tool-calls`; the client's next request carries the
 * outcome (AI SDK `tool-${name}` parts: `output-available`, `output-error`, `output-denied`), and
 * the scenario answers with its next step: quoting the error of a failed call, acknowledging a
 * denied one. Tool call ids derive from the chat id, the turn and the step, so the same request
 * always gets the same events.
 *
 * Fault injection, for the POSTs only (a resume GET is always clean, so a reconnect succeeds):
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
 * An unknown item or a bad number gets 400 `request/invalid-fault` listing the grammar. A JSON
 * (sync) reply honours `status`, `retry-after` and `slow-first-byte`; the others act on SSE frames.
 */
export function createMockHandler(options: MockHandlerOptions = {}): (request: Request) => Promise<Response> {
  checkOptions(options);
  const basePath = normalizeBasePath(options.basePath ?? '/api');
  const store = options.resumable ?? createResumableStreamStore();
  const context: ReplyContext = {
    timing: { ttftMs: options.ttftMs ?? 350, tokensPerSecond: options.tokensPerSecond ?? 40 },
    keepaliveMs: options.keepaliveMs ?? 15_000,
    store,
    serverToolPauseMs: options.serverToolPauseMs ?? 20_000,
    timers: createTimerQueue(),
    onStreamEnd: options.onStreamEnd,
  };

  return async (request) => {
    const url = new URL(request.url);
    const pathname = url.pathname.replace(/(.)\/+$/, '$1');
    const route = matchRoute(pathname, basePath);
    if (!route) {
      return jsonError(
        404,
        'request/not-found',
        `Nothing at ${pathname}. The mock backend answers POST ${basePath}/chat and ${basePath}/object, and GET or DELETE ${basePath}/chat/{chatId}/stream and ${basePath}/object/{id}/stream.`,
      );
    }
    if (route.kind === 'stream') {
      return handleStreamRoute(request, route.resource === 'chat' ? route.id : objectStoreKey(route.id), store);
    }
    if (request.method !== 'POST') {
      return jsonError(405, 'request/method-not-allowed', `${request.method} is not allowed here; use POST.`, {
        Allow: 'POST',
      });
    }
    return route.kind === 'chat' ? handleChat(request, url, context) : handleObject(request, url, context);
  };
}
