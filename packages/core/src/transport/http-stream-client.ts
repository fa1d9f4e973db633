import { loadDecoder } from '../decoders/load-decoder.ts';
import type { WireFormat } from '../decoders/types.ts';
import type { StreamPart } from '../stream-part.ts';
import { readHTTPError } from './http-error.ts';
import { streamWithReconnect, type ReconnectOptions, type ResilientStreamOptions, type StreamAttempt } from './resilient-stream.ts';
import type { TransportObserver } from './types.ts';

type Resolvable<T> = T | (() => T | Promise<T>);

export interface HTTPStreamOptions {
  /** The endpoint that answers a `POST` with a stream. */
  api: string;
  /** The wire format the endpoint speaks. Default: `'ui-message-stream'`. */
  format?: WireFormat;
  /** Extra request headers, or a function returning them per request. Default: none. */
  headers?: Resolvable<Record<string, string>>;
  /** Extra fields merged into the JSON body. Default: none. */
  body?: Resolvable<Record<string, unknown>>;
  /** Default: `'same-origin'`. */
  credentials?: RequestCredentials;
  /** Replaces the global `fetch` (tests, Storybook's in-browser mock, auth wrappers). Default: `globalThis.fetch`. */
  fetch?: typeof fetch;
  /**
   * Where a dropped or reloaded reply is picked up again (`GET`, with `Last-Event-ID`) and cancelled on
   * stop (`DELETE`). Default: `` `${api}/${id}/stream` ``, as AI SDK apps with resumable streams use.
   */
  streamUrl?: (id: string) => string;
  /** Reconnection, idle watchdog and sync fallback. Defaults: see `ReconnectOptions`. */
  reconnect?: ReconnectOptions;
}

const resolve = async <T>(value: Resolvable<T> | undefined): Promise<T | undefined> =>
  typeof value === 'function' ? (value as () => T | Promise<T>)() : value;

/**
 * The HTTP side shared by chat and object streams: POST a JSON body, keep the SSE reply alive across
 * drops (resuming with `GET streamUrl` + `Last-Event-ID`), and cancel on the server when asked.
 * Options are read at each request rather than copied, so a caller may pass an object whose fields change.
 */
export function createHTTPStreamClient(options: HTTPStreamOptions) {
  // Fails at construction on an unknown format, not on the first request; and starts loading a
  // provider format's decoder now, so that the first request seldom waits for it. A failed load is
  // tried again (and reported) by the request.
  loadDecoder(options.format ?? 'ui-message-stream').catch(() => {});
  const streamUrl = (id: string) => options.streamUrl?.(id) ?? `${options.api}/${encodeURIComponent(id)}/stream`;
  // Only a server that numbers its events can resume them, and only such a server is sent a DELETE on stop.
  const resumable = new Set<string>();

  async function request(url: string, init: RequestInit): Promise<Response> {
    const headers = await resolve(options.headers);
    const fetchImpl = options.fetch ?? globalThis.fetch;
    return fetchImpl(url, { credentials: options.credentials ?? 'same-origin', ...init, headers: { ...headers, ...init.headers } });
  }

  function resumeRequest(id: string, attempt: Pick<StreamAttempt, 'lastEventId' | 'signal'>): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (attempt.lastEventId) headers['Last-Event-ID'] = attempt.lastEventId;
    return request(streamUrl(id), { method: 'GET', headers, signal: attempt.signal });
  }

  function keepAlive(
    id: string,
    signal: AbortSignal,
    observer: TransportObserver | undefined,
    open: (attempt: StreamAttempt) => Promise<Response>,
    extra: Pick<ResilientStreamOptions, 'initialResponse' | 'syncReply'> = {},
  ) {
    return streamWithReconnect({
      ...options.reconnect,
      open,
      format: options.format ?? 'ui-message-stream',
      signal,
      observer,
      url: options.api,
      onEventId: () => resumable.add(id),
      ...extra,
    });
  }

  return {
    /** POSTs `payload` (plus the `body` option) and streams the reply's parts. `id` names the stream for resume and cancel. */
    stream(
      id: string,
      payload: Record<string, unknown>,
      signal: AbortSignal,
      observer?: TransportObserver,
      syncReply?: ResilientStreamOptions['syncReply'],
    ): AsyncGenerator<StreamPart> {
      resumable.delete(id);
      return keepAlive(id, signal, observer, async (attempt) => {
        if (attempt.lastEventId !== undefined) return resumeRequest(id, attempt);
        const body = await resolve(options.body);
        return request(options.api, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: attempt.sync ? 'application/json' : 'text/event-stream' },
          body: JSON.stringify({ ...body, ...payload }),
          signal: attempt.signal,
        });
      }, { syncReply });
    },

    /** Reattaches to a stream the server is still producing; `null` when there is none (204 or 404). */
    async resume(id: string, signal: AbortSignal, observer?: TransportObserver): Promise<AsyncGenerator<StreamPart> | null> {
      const response = await resumeRequest(id, { lastEventId: undefined, signal });
      if (response.status === 204 || response.status === 404) {
        await response.body?.cancel().catch(() => {});
        return null;
      }
      if (!response.ok) throw await readHTTPError(response);
      return keepAlive(id, signal, observer, (attempt) => resumeRequest(id, attempt), { initialResponse: response });
    },

    /** Tells a resumable server to stop producing the stream (best effort; the aborted connection says it too). */
    cancel(id: string): void {
      if (!resumable.delete(id)) return;
      request(streamUrl(id), { method: 'DELETE' }).then(
        (response) => response.body?.cancel(),
        () => {},
      );
    },
  };
}

export type HTTPStreamClient = ReturnType<typeof createHTTPStreamClient>;
