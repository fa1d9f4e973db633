import { StreamkitError } from '@streamkit/core';
import { delay } from './delay.ts';
import type { MockFaults } from './mock-faults.ts';

type BodyFaults = Pick<MockFaults, 'dropAfterEvents' | 'dropAfterBytes' | 'stallMs' | 'malformed' | 'buffered'>;

const utf8 = new TextEncoder();

export function hasBodyFaults(faults: BodyFaults): boolean {
  return (
    faults.dropAfterEvents !== undefined ||
    faults.dropAfterBytes !== undefined ||
    faults.stallMs !== undefined ||
    faults.malformed ||
    faults.buffered
  );
}

function connectionDropped(): StreamkitError {
  return new StreamkitError('network/failed', 'The mock backend dropped the connection, as the request asked (fault injection).');
}

/** The SSE blocks of a body, each with its closing blank line. Our frames always use `\n`. */
async function* sseBlocks(reader: ReadableStreamDefaultReader<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let pending = '';
  for (;;) {
    const { done, value } = await reader.read();
    pending += done ? decoder.decode() : decoder.decode(value, { stream: true });
    let end: number;
    while ((end = pending.indexOf('\n\n')) !== -1) {
      yield pending.slice(0, end + 2);
      pending = pending.slice(end + 2);
    }
    if (done) break;
  }
  if (pending !== '') yield pending;
}

/**
 * The event cut in half, without its `id:` so the client's last event ID stays on the previous
 * event: a proper prefix of a JSON object is never valid JSON, whatever the wire format.
 */
function malformedCopy(block: string): string {
  const lines = block.split('\n');
  const event = lines.filter((line) => line.startsWith('event:'));
  const data = lines.find((line) => line.startsWith('data:'))?.slice('data:'.length).trimStart() ?? '';
  return [...event, `data: ${data.slice(0, Math.ceil(data.length / 2))}`, '', ''].join('\n');
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}

async function* faultedChunks(
  blocks: AsyncIterable<string>,
  faults: BodyFaults,
  midEvent: number,
  signal: AbortSignal,
): AsyncGenerator<Uint8Array> {
  if (faults.dropAfterEvents === 0 || faults.dropAfterBytes === 0) throw connectionDropped();
  const held: Uint8Array[] = [];
  let events = 0;
  let bytes = 0;
  for await (const block of blocks) {
    const isEvent = !block.startsWith(':');
    let text = block;
    if (isEvent && events === midEvent) {
      if (faults.stallMs !== undefined) await delay(faults.stallMs, signal);
      if (faults.malformed) text = malformedCopy(block) + block;
    }
    let chunk = utf8.encode(text);
    const cut = faults.dropAfterBytes !== undefined && bytes + chunk.byteLength >= faults.dropAfterBytes;
    if (cut) chunk = chunk.subarray(0, faults.dropAfterBytes! - bytes);
    bytes += chunk.byteLength;
    if (isEvent) events++;
    if (faults.buffered) held.push(chunk);
    else if (chunk.byteLength > 0) yield chunk;
    if (cut || events === faults.dropAfterEvents) {
      // A buffering proxy passes on what it holds when its upstream goes away.
      if (held.length > 0) yield concat(held);
      throw connectionDropped();
    }
  }
  if (held.length > 0) yield concat(held);
}

/**
 * Applies the faults that act on the bytes: a stall and a malformed event at event `midEvent`, a
 * drop after N events or bytes, and buffering. A drop errors the body (after the client has read
 * the last chunk before it), which the Node adapter turns into a cut connection; the upstream body
 * is cancelled, so a resumable reply keeps going in its store while a plain one stops.
 */
export function injectBodyFaults(
  body: ReadableStream<Uint8Array>,
  faults: BodyFaults,
  midEvent: number,
): ReadableStream<Uint8Array> {
  const abort = new AbortController();
  const reader = body.getReader();
  const chunks = faultedChunks(sseBlocks(reader), faults, midEvent, abort.signal);
  const release = () => void reader.cancel().catch(() => {});
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await chunks.next();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (error) {
          if (abort.signal.aborted) return;
          release();
          controller.error(error);
        }
      },
      cancel() {
        abort.abort();
        release();
        void chunks.return(undefined).catch(() => {});
      },
    },
    // One chunk per read: a drop must not discard the chunk before it from the queue.
    { highWaterMark: 0 },
  );
}
