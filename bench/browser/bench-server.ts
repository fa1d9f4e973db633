import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { StreamPart } from '@streamkit/core';
import { createUIMessageStreamEncoder, formatSSEFrame } from '@streamkit/server';
import { PACED_DELTAS_PER_SECOND, REPLY_DELTAS, replyDelta, type Delivery } from './reply.ts';

export interface BenchServer {
  url: string;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

/** The reply as SSE frames in the UI message stream format, one frame per text delta in the middle. */
export function replyFrames(deltas: number): { headers: Record<string, string>; head: string[]; deltas: string[]; tail: string[] } {
  const encoder = createUIMessageStreamEncoder();
  let id = 0;
  const frames = (parts: StreamPart[]): string[] =>
    parts.flatMap((part) => encoder.encode(part)).map((message) => formatSSEFrame(message, id++));
  const head = frames([{ type: 'start', messageId: 'bench-reply' }, { type: 'text-start', id: 'text' }]);
  const body = Array.from({ length: deltas }, (_, index) => frames([{ type: 'text-delta', id: 'text', delta: replyDelta(index) }]).join(''));
  const tail = [...frames([{ type: 'text-end', id: 'text' }, { type: 'finish', reason: 'stop' }]), ...encoder.end().map((message) => formatSSEFrame(message, id++))];
  return { headers: encoder.headers, head, deltas: body, tail };
}

/** Writes in a burst, spaced so that the browser reads each separately. */
const BURST_WRITES = 8;
const BURST_SPACING_MS = 2;

/**
 * Sends the reply as fast as it can (burst: BURST_WRITES writes a couple of milliseconds apart, so
 * the page gets it in a few network reads) or paced at PACED_DELTAS_PER_SECOND: every millisecond tick writes the deltas that are due, so the
 * rate holds even when a timer fires late.
 */
function streamReply(response: ServerResponse, delivery: Delivery, deltas: number): void {
  const reply = replyFrames(deltas);
  response.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache, no-transform',
    'x-accel-buffering': 'no',
    ...reply.headers,
  });
  response.flushHeaders();
  response.write(reply.head.join(''));
  if (delivery === 'burst') {
    const perWrite = Math.ceil(deltas / BURST_WRITES);
    const writeFrom = (from: number): void => {
      if (from >= deltas) return void response.end(reply.tail.join(''));
      response.write(reply.deltas.slice(from, from + perWrite).join(''));
      setTimeout(writeFrom, BURST_SPACING_MS, from + perWrite);
    };
    return writeFrom(0);
  }
  const start = performance.now();
  let sent = 0;
  const timer = setInterval(() => {
    const due = Math.min(deltas, Math.floor(((performance.now() - start) * PACED_DELTAS_PER_SECOND) / 1000) + 1);
    if (due > sent) response.write(reply.deltas.slice(sent, due).join(''));
    sent = due;
    if (sent === deltas) {
      clearInterval(timer);
      response.end(reply.tail.join(''));
    }
  }, 1);
  response.on('close', () => clearInterval(timer));
}

async function serveFile(root: string, urlPath: string, response: ServerResponse): Promise<void> {
  const relative = urlPath === '/' ? 'index.html' : decodeURIComponent(urlPath).replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep)) {
    response.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    response.writeHead(404).end();
  }
}

/** Drains the request body (the hooks POST the conversation), then answers with the reply. */
function handleChat(request: IncomingMessage, response: ServerResponse, url: URL): void {
  const delivery: Delivery = url.searchParams.get('delivery') === 'paced' ? 'paced' : 'burst';
  const deltas = Number(url.searchParams.get('deltas') ?? REPLY_DELTAS);
  request.resume();
  request.on('end', () => streamReply(response, delivery, deltas));
}

/** Serves the built benchmark page from `root` and the streamed reply at POST /api/chat, on loopback. */
export async function startBenchServer(root: string): Promise<BenchServer> {
  const resolvedRoot = path.resolve(root);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/api/chat' && request.method === 'POST') handleChat(request, response, url);
    else void serveFile(resolvedRoot, url.pathname, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
