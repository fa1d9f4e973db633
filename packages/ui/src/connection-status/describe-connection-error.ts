import type { StreamkitError, StreamkitErrorCode } from '@streamkit/core';

// Only codes whose own message is written for developers get a rewording; the other messages
// already say what happened in plain words, so they show as they are.
const friendlyMessages: Partial<Record<StreamkitErrorCode, string>> = {
  'network/failed': "Can't reach the server",
  'stream/incomplete': 'The stream was cut off',
};

// Read structurally: ui imports core for types only, so `instanceof HTTPError` is not available.
function httpStatus(error: StreamkitError): number | undefined {
  return 'status' in error && typeof error.status === 'number' ? error.status : undefined;
}

/** One short sentence for people about why the connection failed, chosen by `error.code`. */
export function describeConnectionError(error: StreamkitError): string {
  if (error.code === 'http/status') {
    const status = httpStatus(error);
    if (status === 429) return 'The server is busy';
    if (status !== undefined && status >= 500 && status <= 599) return 'The server had a problem';
  }
  return friendlyMessages[error.code] ?? error.message;
}
