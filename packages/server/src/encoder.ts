import { StreamkitError } from '@streamkit/core';
import { createAnthropicEncoder } from './encoders/anthropic.ts';
import { createOpenAIChatEncoder } from './encoders/openai-chat.ts';
import { createOpenAIResponsesEncoder } from './encoders/openai-responses.ts';
import { createUIMessageStreamEncoder } from './encoders/ui-message-stream.ts';
import type { Encoder } from './encoders/types.ts';

/** Wire formats the server can write. Each is one file in `encoders/`. */
export type EncoderFormat = 'ui-message-stream' | 'openai-chat' | 'openai-responses' | 'anthropic';

const encoders: Record<EncoderFormat, () => Encoder> = {
  'ui-message-stream': createUIMessageStreamEncoder,
  'openai-chat': () => createOpenAIChatEncoder(),
  'openai-responses': () => createOpenAIResponsesEncoder(),
  anthropic: () => createAnthropicEncoder(),
};

/** Returns a fresh encoder for `format`; throws `options/invalid` for a format it does not know. */
export function createEncoder(format: EncoderFormat): Encoder {
  const create = Object.hasOwn(encoders, format) ? encoders[format] : undefined;
  if (!create) {
    const valid = Object.keys(encoders).map((name) => `'${name}'`).join(', ');
    throw new StreamkitError(
      'options/invalid',
      `Unknown stream format ${JSON.stringify(format)}. Use one of: ${valid}.`,
    );
  }
  return create();
}
