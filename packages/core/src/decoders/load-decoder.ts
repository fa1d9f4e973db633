import { loadModule } from '../transport/load-module.ts';
import type { StreamDecoder, WireFormat } from './types.ts';
import { createUIMessageStreamDecoder } from './ui-message-stream.ts';
import { assertWireFormat } from './wire-formats.ts';

type DecoderFactory = () => StreamDecoder;

// The native format ships with the transport. Each provider format is a chunk of its own, fetched
// by the first stream that needs it, so a page pays only for the format it speaks.
const importers: Record<Exclude<WireFormat, 'ui-message-stream'>, () => Promise<DecoderFactory>> = {
  'openai-chat': () => import('./openai-chat.ts').then((module) => module.createOpenAIChatDecoder),
  'openai-responses': () => import('./openai-responses.ts').then((module) => module.createOpenAIResponsesDecoder),
  anthropic: () => import('./anthropic.ts').then((module) => module.createAnthropicDecoder),
};

const loading = new Map<WireFormat, Promise<DecoderFactory>>();

/**
 * Resolves to the decoder factory for `format`, loading its module once per page. Throws
 * `decode/unknown-format` at once for an unknown format; a module that fails to load rejects with
 * `module/load-failed` and is not cached, so the next stream tries again.
 */
export function loadDecoder(format: WireFormat): Promise<DecoderFactory> {
  assertWireFormat(format);
  if (format === 'ui-message-stream') return Promise.resolve(createUIMessageStreamDecoder);
  let pending = loading.get(format);
  if (!pending) {
    pending = loadModule(`the "${format}" decoder`, importers[format]);
    // Not cached when it failed: the next stream tries again.
    pending.catch(() => loading.delete(format));
    loading.set(format, pending);
  }
  return pending;
}
