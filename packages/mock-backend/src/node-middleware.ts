/// <reference types="node" />
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';

/** A Web-standard request handler, as `createMockHandler` returns. */
export type FetchHandler = (request: Request) => Response | Promise<Response>;

/** A connect-style middleware (Vite, Express, connect, or a bare `node:http` server). */
export type NodeMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => Promise<void>;

/**
 * Reads the request body only when the handler asks for it (`highWaterMark: 0`), so a request the
 * handler turns down still has its body for the next middleware.
 */
function lazyBody(req: IncomingMessage): ReadableStream<Uint8Array> {
  let chunks: AsyncIterator<Buffer> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        chunks ??= req[Symbol.asyncIterator]();
        const { done, value } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(new Uint8Array(value));
      },
      cancel() {
        void chunks?.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

function toRequest(req: IncomingMessage & { originalUrl?: string }, signal: AbortSignal): Request {
  const protocol = (req.socket as Partial<TLSSocket>).encrypted ? 'https' : 'http';
  // Connect strips the mount path from `req.url`; `originalUrl` keeps it.
  const url = new URL(req.originalUrl ?? req.url ?? '/', `${protocol}://${req.headers.host ?? 'localhost'}`);
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!;
    if (!name.startsWith(':')) headers.append(name, req.rawHeaders[i + 1]!);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  // `duplex: 'half'` is required by Node's fetch for a streamed body; the DOM types do not know it yet.
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal };
  if (hasBody) Object.assign(init, { body: lazyBody(req), duplex: 'half' });
  return new Request(url, init);
}

/** Resolves once the response can take more (`drain`) or is gone (`close`). */
function waitForDrain(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  if (!response.body) {
    res.end();
    return;
  }
  // Send the headers now: an SSE client waits for them before it shows anything.
  res.flushHeaders();
  const reader = response.body.getReader();
  const cancel = () => void reader.cancel().catch(() => {});
  res.on('close', cancel);
  // Writes not yet handed to the socket, counted by one shared callback rather than a promise per
  // chunk: with thousands of streams, the promises cost more than the writes.
  let unflushed = 0;
  let onFlushed: (() => void) | undefined;
  const flushed = () => {
    if (--unflushed === 0) onFlushed?.();
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || res.destroyed) break;
      unflushed++;
      const full = !res.write(value, flushed);
      // compression middleware buffers until flushed; each chunk is a token the user is waiting for.
      (res as ServerResponse & { flush?: () => void }).flush?.();
      // Backpressure: read no more until the socket has taken what it holds.
      if (full) await waitForDrain(res);
    }
    if (!res.destroyed) res.end();
  } catch {
    // The body failed mid-stream (or a fault injection asked for a drop): cut the connection so the
    // client sees a network error, not a clean end. Writes are corked until the next tick, so
    // destroying at once would also throw away the events written just before the failure.
    if (unflushed > 0 && !res.destroyed) {
      await new Promise<void>((resolve) => {
        onFlushed = resolve;
        res.once('close', resolve);
      });
    }
    res.destroy();
  } finally {
    res.off('close', cancel);
  }
}

/**
 * Serves a Web-standard handler from Node: converts the `IncomingMessage` to a `Request` whose
 * signal aborts when the client disconnects, then streams the `Response` body chunk by chunk (no
 * buffering) and cancels it when the client goes away. With `next`, a 404 from the handler falls
 * through to the next middleware, so Vite can serve everything else.
 */
export function createNodeMiddleware(handler: FetchHandler): NodeMiddleware {
  return async (req, res, next) => {
    const abort = new AbortController();
    // `req` emits 'close' once its body is read; only the response's 'close' before it finished
    // means the client went away.
    const onClose = () => {
      if (!res.writableFinished) abort.abort(new DOMException('The client disconnected.', 'AbortError'));
    };
    res.on('close', onClose);
    try {
      const response = await handler(toRequest(req, abort.signal));
      if (response.status === 404 && next) {
        res.off('close', onClose);
        await response.body?.cancel();
        next();
        return;
      }
      await writeResponse(response, res);
    } catch (error) {
      if (next) {
        res.off('close', onClose);
        next(error);
      } else if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ error: { code: 'server/internal', message: 'The handler failed.' } }));
      } else {
        res.destroy();
      }
    } finally {
      res.off('close', onClose);
    }
  };
}
