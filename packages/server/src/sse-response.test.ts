import type { StreamPart } from '@streamkit/core';
import { StreamkitError } from '@streamkit/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EncoderFormat } from './encoder.ts';
import { createSSEResponse } from './sse-response.ts';

interface Frame {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
}

/** Just enough of the SSE rules to read what we write: blocks split by a blank line, `field: value` lines. */
function parseFrames(text: string): Frame[] {
  return text
    .split('\n\n')
    .filter((block) => block !== '')
    .map((block) => {
      const frame: Frame = {};
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) {
          frame.comment = line.slice(1).trim();
          continue;
        }
        const colon = line.indexOf(': ');
        const field = line.slice(0, colon) as 'id' | 'event' | 'data';
        const value = line.slice(colon + 2);
        frame[field] = field === 'data' && frame.data !== undefined ? `${frame.data}\n${value}` : value;
      }
      return frame;
    });
}

const decoder = new TextDecoder();

async function readChunk(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string | undefined> {
  const { done, value } = await reader.read();
  return done ? undefined : decoder.decode(value);
}

async function* fromArray(parts: StreamPart[]): AsyncGenerator<StreamPart> {
  yield* parts;
}

/** A producer that yields only what the test pushes, and records whether its `finally` ran. */
function controlledProducer() {
  const state = { finallyRan: false };
  const queue: StreamPart[] = [];
  let wake = () => {};
  async function* produce(): AsyncGenerator<StreamPart> {
    try {
      for (;;) {
        while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        yield queue.shift()!;
      }
    } finally {
      state.finallyRan = true;
    }
  }
  function push(part: StreamPart): void {
    queue.push(part);
    wake();
  }
  return { state, parts: produce(), push };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createSSEResponse', () => {
  it('sends the SSE and anti-buffering headers with the format header', () => {
    const response = createSSEResponse(fromArray([]));
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toEqual({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-vercel-ai-ui-message-stream': 'v1',
    });
  });

  it('applies the status and extra headers, which override the defaults', () => {
    const response = createSSEResponse(fromArray([]), {
      status: 201,
      headers: { 'X-Request-Id': 'r1', 'Cache-Control': 'no-store' },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-request-id')).toBe('r1');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('frames every part with an id that increments per event, then ends with [DONE]', async () => {
    const response = createSSEResponse(
      fromArray([
        { type: 'start', messageId: 'm1' },
        { type: 'text-start', id: 't' },
        { type: 'text-delta', id: 't', delta: 'Hi' },
      ]),
    );
    expect(await response.text()).toBe(
      'id: 0\ndata: {"type":"start","messageId":"m1"}\n\n' +
        'id: 1\ndata: {"type":"text-start","id":"t"}\n\n' +
        'id: 2\ndata: {"type":"text-delta","id":"t","delta":"Hi"}\n\n' +
        'id: 3\ndata: [DONE]\n\n',
    );
  });

  it('starts the ids at eventIdStart', async () => {
    const response = createSSEResponse(fromArray([{ type: 'step-start' }]), { eventIdStart: 42 });
    expect(parseFrames(await response.text()).map((frame) => frame.id)).toEqual(['42', '43']);
  });

  it('keeps newlines inside data intact through JSON escaping', async () => {
    const response = createSSEResponse(fromArray([{ type: 'text-delta', id: 't', delta: 'line one\nline two' }]));
    const [frame] = parseFrames(await response.text());
    expect(JSON.parse(frame?.data ?? '')).toEqual({ type: 'text-delta', id: 't', delta: 'line one\nline two' });
  });

  it('accepts a ReadableStream of parts', async () => {
    const parts = new ReadableStream<StreamPart>({
      start(controller) {
        controller.enqueue({ type: 'abort' });
        controller.close();
      },
    });
    const frames = parseFrames(await createSSEResponse(parts).text());
    expect(frames.map((frame) => frame.data)).toEqual(['{"type":"abort"}', '[DONE]']);
  });

  it('reads the producer only as fast as the client reads the body', async () => {
    let produced = 0;
    async function* counting(): AsyncGenerator<StreamPart> {
      for (;;) {
        produced++;
        yield { type: 'text-delta', id: 't', delta: 'x' };
      }
    }
    const reader = createSSEResponse(counting()).body!.getReader();
    await readChunk(reader);
    await readChunk(reader);
    expect(produced).toBeLessThanOrEqual(4);
    await reader.cancel();
  });

  it('writes a keepalive comment after keepaliveMs of silence', async () => {
    vi.useFakeTimers();
    const producer = controlledProducer();
    const reader = createSSEResponse(producer.parts, { keepaliveMs: 1000 }).body!.getReader();
    const chunk = readChunk(reader);
    await vi.advanceTimersByTimeAsync(999);
    producer.push({ type: 'start' });
    expect(await chunk).toBe('id: 0\ndata: {"type":"start"}\n\n');

    const next = readChunk(reader);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await next).toBe(': keepalive\n\n');
    await reader.cancel();
  });

  it('uses a 15 s keepalive by default', async () => {
    vi.useFakeTimers();
    const reader = createSSEResponse(controlledProducer().parts).body!.getReader();
    const chunk = readChunk(reader);
    await vi.advanceTimersByTimeAsync(14_999);
    let received: string | undefined;
    void chunk.then((text) => (received = text));
    await vi.advanceTimersByTimeAsync(0);
    expect(received).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(await chunk).toBe(': keepalive\n\n');
    await reader.cancel();
  });

  it('writes no keepalive while parts keep flowing', async () => {
    vi.useFakeTimers();
    async function* slow(): AsyncGenerator<StreamPart> {
      for (let i = 0; i < 10; i++) {
        await new Promise((resolve) => setTimeout(resolve, 900));
        yield { type: 'text-delta', id: 't', delta: String(i) };
      }
    }
    const text = createSSEResponse(slow(), { keepaliveMs: 1000 }).text();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await text).not.toContain('keepalive');
    expect(parseFrames(await text)).toHaveLength(11);
  });

  it('writes no keepalive when keepaliveMs is 0', async () => {
    vi.useFakeTimers();
    const reader = createSSEResponse(controlledProducer().parts, { keepaliveMs: 0 }).body!.getReader();
    expect(vi.getTimerCount()).toBe(0);
    await reader.cancel();
  });

  it('runs the producer’s finally and clears the keepalive timer when the body is cancelled', async () => {
    vi.useFakeTimers();
    const producer = controlledProducer();
    const reader = createSSEResponse(producer.parts).body!.getReader();
    const chunk = readChunk(reader);
    producer.push({ type: 'start' });
    await chunk;
    await reader.cancel();
    await vi.advanceTimersByTimeAsync(0);
    expect(producer.state.finallyRan).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('cancels a ReadableStream producer when the body is cancelled', async () => {
    const cancel = vi.fn();
    const parts = new ReadableStream<StreamPart>({ cancel });
    const reader = createSSEResponse(parts).body!.getReader();
    await reader.cancel();
    expect(cancel).toHaveBeenCalledOnce();
  });

  it('ends the body and runs the producer’s finally when the signal aborts', async () => {
    vi.useFakeTimers();
    const producer = controlledProducer();
    const abort = new AbortController();
    const reader = createSSEResponse(producer.parts, { signal: abort.signal }).body!.getReader();
    const chunk = readChunk(reader);
    producer.push({ type: 'start' });
    await chunk;
    const end = readChunk(reader);
    abort.abort();
    expect(await end).toBeUndefined();
    // The generator was parked in an await; its return() takes effect once that settles.
    producer.push({ type: 'abort' });
    await vi.advanceTimersByTimeAsync(0);
    expect(producer.state.finallyRan).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('writes nothing and never starts the producer when the signal is already aborted', async () => {
    let started = false;
    async function* parts(): AsyncGenerator<StreamPart> {
      started = true;
      yield { type: 'start' };
    }
    const response = createSSEResponse(parts(), { signal: AbortSignal.abort() });
    expect(await response.text()).toBe('');
    expect(started).toBe(false);
  });

  it('turns a producer exception into a generic error frame, then ends with [DONE]', async () => {
    async function* failing(): AsyncGenerator<StreamPart> {
      yield { type: 'start' };
      throw new Error('database password is hunter2');
    }
    const text = await createSSEResponse(failing()).text();
    expect(text).not.toContain('hunter2');
    expect(parseFrames(text).map((frame) => frame.data)).toEqual([
      '{"type":"start"}',
      '{"type":"error","errorText":"An error occurred while streaming the response."}',
      '[DONE]',
    ]);
  });

  it('uses onError to choose the error text', async () => {
    async function* failing(): AsyncGenerator<StreamPart> {
      throw new Error('rate limited');
    }
    const text = await createSSEResponse(failing(), {
      onError: (error) => `Upstream: ${(error as Error).message}`,
    }).text();
    expect(parseFrames(text)[0]?.data).toBe('{"type":"error","errorText":"Upstream: rate limited"}');
  });

  it('falls back to the generic text when onError itself throws', async () => {
    async function* failing(): AsyncGenerator<StreamPart> {
      throw new Error('first');
    }
    const text = await createSSEResponse(failing(), {
      onError: () => {
        throw new Error('second');
      },
    }).text();
    expect(parseFrames(text)[0]?.data).toContain('An error occurred while streaming the response.');
  });

  it('throws options/invalid for an unknown format', () => {
    expect(() => createSSEResponse(fromArray([]), { format: 'sse-json' as EncoderFormat })).toThrow(
      expect.objectContaining({ code: 'options/invalid' }),
    );
    expect(() => createSSEResponse(fromArray([]), { format: 'sse-json' as EncoderFormat })).toThrow(StreamkitError);
  });
});
