import { deltasShown } from '../reply.ts';

/** What the page measured during one streamed reply; times are `performance.now()` milliseconds. */
export interface StreamMeasurement {
  /** When the benchmark asked the hook to send. */
  sentAt: number;
  /** Each network read of the reply: when it reached page script, and the text deltas arrived so far. */
  arrivals: { time: number; deltas: number }[];
  /** React commits of the whole app (the root Profiler's onRender). */
  commits: { time: number; duration: number }[];
  /** When each animation frame's callbacks began while streaming (the probe's requestAnimationFrame callback runs first). */
  frames: number[];
  /** Just after each frame was painted: how many deltas the screen shows. */
  paints: { time: number; deltas: number }[];
  /** Renders of messages that were settled before the reply started. */
  settledRenders: number;
}

const deltaMarker = '"text-delta"';

/**
 * Records a reply from the benchmark's point of view, the same way for every hook: network reads
 * (by wrapping `fetch`), commits (React Profiler), frames and what each frame painted (read from the
 * DOM right after paint: a message posted from requestAnimationFrame runs after that frame's paint).
 */
export function createProbe(expectedDeltas: number, readShownText: () => string) {
  let measurement: StreamMeasurement | undefined;
  let finish: ((result: StreamMeasurement) => void) | undefined;
  const afterPaint = new MessageChannel();

  function onFrame(): void {
    if (!measurement) return;
    // The clock, not the callback's timestamp: Chromium stamps a late frame with its planned time,
    // which can come after work this frame already did.
    measurement.frames.push(performance.now());
    afterPaint.port2.postMessage(null);
    requestAnimationFrame(onFrame);
  }

  afterPaint.port1.onmessage = () => {
    if (!measurement) return;
    const deltas = deltasShown(readShownText());
    const last = measurement.paints.at(-1);
    if (!last || last.deltas !== deltas) measurement.paints.push({ time: performance.now(), deltas });
    if (deltas >= expectedDeltas) {
      const done = measurement;
      measurement = undefined;
      performance.mark('bench-end');
      finish?.(done);
    }
  };

  /** Wraps the body of the reply's response so that every network read is stamped on arrival. */
  function stampArrivals(response: Response): Response {
    const body = response.body;
    if (!body || !measurement) return response;
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let carry = '';
    let arrived = 0;
    const stamped = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        const text = carry + decoder.decode(value, { stream: true });
        for (let at = text.indexOf(deltaMarker); at >= 0; at = text.indexOf(deltaMarker, at + deltaMarker.length)) arrived++;
        carry = text.slice(-(deltaMarker.length - 1));
        measurement?.arrivals.push({ time: performance.now(), deltas: arrived });
        controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
    return new Response(stamped, { status: response.status, statusText: response.statusText, headers: response.headers });
  }

  const originalFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => stampArrivals(await originalFetch(input, init));

  return {
    /** The root Profiler's onRender. */
    onCommit(_id: string, _phase: string, actualDuration: number): void {
      measurement?.commits.push({ time: performance.now(), duration: actualDuration });
    },
    /** Called by every render of a message row. */
    onMessageRender(messageId: string): void {
      if (measurement && messageId.startsWith('seed-')) measurement.settledRenders++;
    },
    /** Starts recording, runs `send`, and resolves once the last delta is on screen. */
    measure(send: () => void): Promise<StreamMeasurement> {
      performance.mark('bench-start');
      measurement = { sentAt: performance.now(), arrivals: [], commits: [], frames: [], paints: [], settledRenders: 0 };
      const result = new Promise<StreamMeasurement>((resolve) => (finish = resolve));
      requestAnimationFrame(onFrame);
      send();
      return result;
    },
  };
}

export type Probe = ReturnType<typeof createProbe>;
