import { StreamkitError } from '../errors.ts';
import type { StreamDecoder, WireFormat } from './types.ts';
import { createAnthropicDecoder } from './anthropic.ts';
import { createOpenAIChatDecoder } from './openai-chat.ts';
import { createOpenAIResponsesDecoder } from './openai-responses.ts';
import { createUIMessageStreamDecoder } from './ui-message-stream.ts';

const decoders: Record<WireFormat, () => StreamDecoder> = {
  'ui-message-stream': createUIMessageStreamDecoder,
  'openai-chat': createOpenAIChatDecoder,
  'openai-responses': createOpenAIResponsesDecoder,
  anthropic: createAnthropicDecoder,
};

export const wireFormats = Object.keys(decoders) as WireFormat[];

/** Creates a decoder for one wire format; each stream needs its own, since decoders keep per-stream state. */
export function createDecoder(format: WireFormat): StreamDecoder {
  const create = Object.hasOwn(decoders, format) ? decoders[format] : undefined;
  if (!create) {
    throw new StreamkitError('decode/unknown-format', `Unknown wire format "${String(format)}". Use one of: ${wireFormats.join(', ')}.`);
  }
  return create();
}
