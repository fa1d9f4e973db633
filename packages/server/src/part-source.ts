import type { StreamPart } from '@streamkit/core';

/** A producer of parts behind one interface, whether it is an async iterable or a ReadableStream. */
export interface PartSource {
  next(): Promise<IteratorResult<StreamPart>>;
  /** Asks the producer to stop; never waits for it and never throws. */
  cancel(): void;
}

function ignore(): void {}

export function openPartSource(parts: AsyncIterable<StreamPart> | ReadableStream<StreamPart>): PartSource {
  if (parts instanceof ReadableStream) {
    const reader = parts.getReader();
    return {
      next: async () => {
        const result = await reader.read();
        return result.done ? { done: true, value: undefined } : { done: false, value: result.value };
      },
      cancel: () => void reader.cancel().catch(ignore),
    };
  }
  const iterator = parts[Symbol.asyncIterator]();
  return {
    next: () => iterator.next(),
    // Not awaited: a generator busy in an `await` runs its `finally` only once that await settles,
    // and the body must not wait for it.
    cancel: () => {
      try {
        void Promise.resolve(iterator.return?.()).catch(ignore);
      } catch {
        // A producer whose return() throws is already finished as far as we are concerned.
      }
    },
  };
}
