import type { HTTPStreamOptions } from './http-stream-client.ts';

/**
 * A view of a store's current HTTP options whose fields are read at each request, so option
 * updates from React renders apply without rebuilding the transport (and without losing what it
 * knows about a stream in progress).
 */
export function liveHTTPOptions(read: () => Partial<HTTPStreamOptions>, defaultApi: string): HTTPStreamOptions {
  return {
    get api() {
      return read().api ?? defaultApi;
    },
    get format() {
      return read().format;
    },
    get headers() {
      return read().headers;
    },
    get body() {
      return read().body;
    },
    get credentials() {
      return read().credentials;
    },
    get fetch() {
      return read().fetch;
    },
    get streamUrl() {
      return read().streamUrl;
    },
    get reconnect() {
      return read().reconnect;
    },
  };
}
