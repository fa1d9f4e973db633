/**
 * Reads a body chunk by chunk, telling `onChunk` about every one — keepalive comments included —
 * so that an idle watchdog and byte counters see the wire, not just the events.
 */
export async function* readBody(body: ReadableStream<Uint8Array>, onChunk: (chunk: Uint8Array) => void): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let done = false;
  try {
    for (;;) {
      const result = await reader.read();
      if (result.done) {
        done = true;
        return;
      }
      onChunk(result.value);
      yield result.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
