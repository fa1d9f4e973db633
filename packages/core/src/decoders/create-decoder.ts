import type { StreamDecoder, WireFormat } from './types.ts';
import { createAnthropicDecoder } from './anthropic.ts';
import { createOpenAIChatDecoder } from './openai-chat.ts';
import { createOpenAIResponsesDecoder } from './openai-responses.ts';
import { createUIMessageStreamDecoder } from './ui-message-stream.ts';
import { assertWireFormat } from './wire-formats.ts';

// Every decoder, synchronously: only code that imports createDecoder pays for all four. The stores'
// transport loads the provider formats on demand instead (load-decoder.ts).
const decoders: Record<WireFormat, () => StreamDecoder> = {
  'ui-message-stream': createUIMessageStreamDecoder,
  'openai-chat': createOpenAIChatDecoder,
  'openai-responses': createOpenAIResponsesDecoder,
  anthropic: createAnthropicDecoder,
};

/** Creates a decoder for one wire format; each stream needs its own, since decoders keep per-stream state. */
export function createDecoder(format: WireFormat): StreamDecoder {
  assertWireFormat(format);
  return decoders[format]();
}
