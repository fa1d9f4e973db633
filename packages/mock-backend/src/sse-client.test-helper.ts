/**
 * Test helpers that read the mock's SSE the way a client sees it: events and comments with their
 * arrival times, the raw text, and how the body ended (cleanly or with a network error).
 */

export interface ReceivedEvent {
  id?: string;
  event?: string;
  data: string;
  /** `performance.now()` when the chunk holding its end arrived. */
  at: number;
}

export interface SSEReading {
  events: ReceivedEvent[];
  comments: { text: string; at: number }[];
  chunks: { bytes: number; at: number }[];
  raw: string;
  /** The error the body read rejected with; `undefined` when the body ended cleanly. */
  error?: Error;
}

function parseBlock(block: string, at: number, reading: SSEReading): void {
  const fields: Partial<ReceivedEvent> = {};
  let isEvent = false;
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) {
      reading.comments.push({ text: line.slice(1).trim(), at });
      continue;
    }
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1).replace(/^ /, '');
    isEvent = true;
    if (name === 'data') fields.data = fields.data === undefined ? value : `${fields.data}\n${value}`;
    else if (name === 'id' || name === 'event') fields[name] = value;
  }
  if (isEvent) reading.events.push({ ...fields, data: fields.data ?? '', at });
}

/** Reads the whole body; a network error ends the reading instead of throwing. */
export async function readSSE(response: Response): Promise<SSEReading> {
  const reading: SSEReading = { events: [], comments: [], chunks: [], raw: '' };
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const at = performance.now();
      const text = decoder.decode(value, { stream: true });
      reading.chunks.push({ bytes: value.byteLength, at });
      reading.raw += text;
      pending += text;
      let end: number;
      while ((end = pending.indexOf('\n\n')) !== -1) {
        parseBlock(pending.slice(0, end), at, reading);
        pending = pending.slice(end + 2);
      }
    }
  } catch (error) {
    reading.error = error as Error;
  }
  return reading;
}

interface Chunk {
  type: string;
  delta?: string;
}

/** The ui-message-stream chunks of the events, `[DONE]` left out. */
export function chunksOf(events: ReceivedEvent[]): Chunk[] {
  return events.filter((event) => event.data !== '[DONE]').map((event) => JSON.parse(event.data) as Chunk);
}

export function replyTextOf(events: ReceivedEvent[]): string {
  return chunksOf(events)
    .filter((chunk) => chunk.type === 'text-delta')
    .map((chunk) => chunk.delta)
    .join('');
}

export interface ChatPostOptions {
  chatId?: string;
  /** Appended to the URL, e.g. `'?fault=stall=200'`. */
  query?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** POSTs the AI SDK chat body with one user message to `${base}/api/chat`. */
export function postChat(base: string, prompt: string, options: ChatPostOptions = {}): Promise<Response> {
  const body = {
    ...(options.chatId === undefined ? {} : { id: options.chatId }),
    messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: prompt }], metadata: {} }],
  };
  return fetch(`${base}/api/chat${options.query ?? ''}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: JSON.stringify(body),
    signal: options.signal,
  });
}

/** `GET ${base}/api/chat/{chatId}/stream`, with `Last-Event-ID` when given. */
export function resumeChat(base: string, chatId: string, lastEventId?: string): Promise<Response> {
  const headers: Record<string, string> = lastEventId === undefined ? {} : { 'Last-Event-ID': lastEventId };
  return fetch(`${base}/api/chat/${encodeURIComponent(chatId)}/stream`, { headers });
}
