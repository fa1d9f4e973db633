import { StreamkitError } from '@streamkit/core';
import { createSSEResponse } from '@streamkit/server';
import { jsonError } from './json-error.ts';
import { mockReply, type MockStreamEndInfo } from './mock-reply.ts';
import { readChatRequest } from './read-chat-request.ts';

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
  /** Milliseconds of silence before a `: keepalive` comment; `0` disables. Default: `15000`. */
  keepaliveMs?: number;
  /** Called once per reply stream when it ends, saying whether it finished or the client left first. Default: none. */
  onStreamEnd?: (info: MockStreamEndInfo) => void;
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
 * A scripted chat model as a Web-standard handler: `POST …/api/chat` with the AI SDK request body
 * streams a deterministic reply in the ui-message-stream format. It uses no Node APIs, so it runs
 * in Node (see `@streamkit/mock-backend/node`), in Vite middleware, and in the browser.
 */
export function createMockHandler(options: MockHandlerOptions = {}): (request: Request) => Promise<Response> {
  checkOptions(options);
  const chatPath = `${normalizeBasePath(options.basePath ?? '/api')}/chat`;
  const timing = { ttftMs: options.ttftMs ?? 350, tokensPerSecond: options.tokensPerSecond ?? 40 };

  return async (request) => {
    const pathname = new URL(request.url).pathname.replace(/(.)\/+$/, '$1');
    if (!pathname.endsWith(chatPath)) {
      return jsonError(404, 'request/not-found', `Nothing at ${pathname}. The mock backend answers POST ${chatPath}.`);
    }
    if (request.method !== 'POST') {
      return jsonError(405, 'request/method-not-allowed', `${request.method} is not allowed here; use POST.`, {
        Allow: 'POST',
      });
    }
    const chat = await readChatRequest(request);
    if (chat instanceof Response) return chat;
    if (request.signal.aborted) {
      // The producer would never start, so its `finally` could not report the cancellation.
      options.onStreamEnd?.({ reason: 'cancelled' });
    }
    const parts = mockReply(chat.prompt, chat.messageCount, timing, request.signal, options.onStreamEnd);
    return createSSEResponse(parts, { signal: request.signal, keepaliveMs: options.keepaliveMs });
  };
}
