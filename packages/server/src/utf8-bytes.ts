const encoder = new TextEncoder();

/**
 * The UTF-8 bytes of `text`, in a buffer of their own. (Encoding into a shared slab, as Node's Buffer
 * pool does, was measured cheaper per event, but a consumer that puts our chunks into a byte stream
 * transfers, and so detaches, their buffer: every other chunk cut from the same slab would go empty.
 * A server library cannot know its consumers, so each chunk owns its bytes.)
 */
export function utf8Bytes(text: string): Uint8Array {
  return encoder.encode(text);
}
