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
  let controller: ReadableStreamDefaultController<Uint8Array>;
  let released = false;
  let onAbort = () => {};
  const release = () => {
    released = true;
    signal?.removeEventListener('abort', onAbort);
    void reader?.cancel().catch(() => {});
  };
  // Made once rather than an async pull: an `await` per chunk makes and holds several promises,
  // and thousands of streams waiting for their next chunk are the garbage collector's main work.
  const onRead = ({ done, value }: ReadableStreamReadResult<Uint8Array>) => {
    if (released) return;
    if (!done) return controller.enqueue(value);
    release();
    controller.close();
  };
  const onError = (error: unknown) => {
    if (released) return;
    release();
    controller.error(error);
  };

  return new ReadableStream<Uint8Array>(
    {
      async start(streamController) {
        controller = streamController;
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
      pull() {
        if (released || !reader) return;
        return reader.read().then(onRead, onError);
      },
      cancel() {
        release();
      },
    },
    { highWaterMark: 0 },
  );
}
