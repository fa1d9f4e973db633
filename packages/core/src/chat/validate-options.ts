import { wireFormats } from '../decoders/wire-formats.ts';
import type { WireFormat } from '../decoders/types.ts';
import { StreamkitError } from '../errors.ts';
import type { ChatStoreOptions } from './chat-store.ts';

const fail = (message: string): never => {
  throw new StreamkitError('options/invalid', message);
};

/** Catches wrong options where they are given, with the fix in the message, rather than at the first send. */
export function validateChatOptions(options: ChatStoreOptions): void {
  if (options.api !== undefined && (typeof options.api !== 'string' || options.api === '')) {
    fail(`"api" must be a non-empty URL string such as "/api/chat"; got ${JSON.stringify(options.api)}.`);
  }
  if (options.format !== undefined && !wireFormats.includes(options.format as WireFormat)) {
    fail(`Unknown "format" ${JSON.stringify(options.format)}. Use one of: ${wireFormats.join(', ')}.`);
  }
  const reconnect = options.reconnect ?? {};
  for (const key of ['maxAttempts', 'initialDelayMs', 'maxDelayMs', 'idleTimeoutMs', 'syncFallbackAfter'] as const) {
    const value = reconnect[key];
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
      fail(`"reconnect.${key}" must be a number ≥ 0; got ${JSON.stringify(value)}.`);
    }
  }
  if (options.transport !== undefined && typeof options.transport?.sendMessages !== 'function') {
    fail('"transport" must have a sendMessages(request) method.');
  }
}
