/**
 * A body that reads `source` once it resolves (an empty body when it resolves to nothing) and lets
 * go of it when the consumer cancels or `signal` aborts. The Response needs its body at once, while
 * a store answers asynchronously.
 */
export function followStream(
  source: Promise<ReadableStream<Uint8Array> | undefined>,
  signal?: AbortSignal,
): ReadableStream<Uint8Array> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let released = false;
  let onAbort = () => {};
  const release = () => {
    released = true;
    signal?.removeEventListener('abort', onAbort);
    void reader?.cancel().catch(() => {});
  };

  return new ReadableStream<Uint8Array>(
    {
      async start(controller) {
        const stream = await source;
        if (released) return void stream?.cancel().catch(() => {});
        reader = stream?.getReader();
        if (!reader || signal?.aborted) {
          release();
          return controller.close();
        }
        onAbort = () => {
          release();
          controller.close();
        };
        signal?.addEventListener('abort', onAbort, { once: true });
      },
      async pull(controller) {
        if (released || !reader) return;
        try {
          const { done, value } = await reader.read();
          if (released) return;
          if (done) {
            release();
            controller.close();
          } else {
            controller.enqueue(value);
          }
        } catch (error) {
          if (released) return;
          release();
          controller.error(error);
        }
      },
      cancel() {
        release();
      },
    },
    { highWaterMark: 0 },
  );
}
