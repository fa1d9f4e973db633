import { StreamkitError } from '../errors.ts';
import type { WireFormat } from './types.ts';

/** Every wire format Streamkit reads, the default first. */
export const wireFormats: WireFormat[] = ['ui-message-stream', 'openai-chat', 'openai-responses', 'anthropic'];

/** Throws the typed `decode/unknown-format` error for a format Streamkit has no decoder for. */
export function assertWireFormat(format: unknown): asserts format is WireFormat {
  if (!wireFormats.includes(format as WireFormat)) {
    throw new StreamkitError('decode/unknown-format', `Unknown wire format "${String(format)}". Use one of: ${wireFormats.join(', ')}.`);
  }
}
