/// <reference types="node" />
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createResumableStreamStore } from '@streamkit/server';
import { createMockHandler, type MockHandlerOptions } from './mock-handler.ts';
import { createNodeMiddleware } from './node-middleware.ts';

export interface MockServerOptions extends MockHandlerOptions {
  /** Port to listen on; `0` picks a free one (read it from the result). */
  port: number;
  /** Interface to bind. Default: `'127.0.0.1'` (loopback only). */
  host?: string;
}

export interface MockServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:8787`; the chat route is `${url}/api/chat`. */
  url: string;
  port: number;
  /**
   * Stops listening, ends open streams and cancels the replies still being generated (those in a
   * `resumable` store you passed are left to you). Safe to call twice.
   */
  close(): Promise<void>;
}

/** Starts the mock backend on `node:http`. */
export async function startMockServer({ port, host = '127.0.0.1', ...handlerOptions }: MockServerOptions): Promise<MockServer> {
  // Nothing can resume from a closed server, so its own store is cleared on close.
  const ownStore = handlerOptions.resumable === undefined ? createResumableStreamStore() : undefined;
  const middleware = createNodeMiddleware(createMockHandler({ ...handlerOptions, resumable: ownStore ?? handlerOptions.resumable }));
  const server = createServer((req, res) => void middleware(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`,
    port: actualPort,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Open SSE responses would keep `close` waiting until their replies end.
        server.closeAllConnections();
        ownStore?.clear();
      });
      return closing;
    },
  };
}
