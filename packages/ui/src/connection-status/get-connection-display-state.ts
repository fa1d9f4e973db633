import type { ChatConnection, ChatStatus, StreamkitError } from '@streamkit/core';

/**
 * What `ConnectionStatus` shows, most urgent first:
 * - `failed`: the request failed and will not be retried on its own; only Retry resumes.
 * - `offline`: the device has no network; the reply resumes when it comes back.
 * - `reconnecting`: the stream dropped; waiting for, or making, another attempt.
 * - `connecting`: the request is out, no response yet.
 * - `ok`: nothing worth saying.
 */
export type ConnectionDisplayState = 'ok' | 'connecting' | 'reconnecting' | 'offline' | 'failed';

/**
 * Derives the one state to show from a chat snapshot's `connection`, `status` and `error`.
 *
 * `failed` wins over `offline`: once the store has given up, "will resume" would be a promise
 * nobody keeps. An `error` counts even before `status` turns to `'error'`, because a server error
 * part can arrive while the reply is still streaming.
 */
export function getConnectionDisplayState(
  connection: ChatConnection,
  status: ChatStatus,
  error?: StreamkitError,
): ConnectionDisplayState {
  if (status === 'error' || error !== undefined) return 'failed';
  if (!connection.online) return 'offline';
  if (connection.state === 'reconnecting') return 'reconnecting';
  if (connection.state === 'connecting') return 'connecting';
  return 'ok';
}
