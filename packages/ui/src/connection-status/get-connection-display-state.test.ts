import type { ChatConnection, StreamkitError } from '@streamkit/core';
import { describe, expect, it } from 'vitest';
import { getConnectionDisplayState } from './get-connection-display-state.ts';

function connection(overrides: Partial<ChatConnection> = {}): ChatConnection {
  return { state: 'open', attempt: 0, maxAttempts: 5, online: true, ...overrides };
}

const networkError: StreamkitError = { name: 'StreamkitError', code: 'network/failed', message: 'fetch failed' };

describe('getConnectionDisplayState', () => {
  it.each(['idle', 'open', 'closed'] as const)('is ok while the connection is %s and all is well', (state) => {
    expect(getConnectionDisplayState(connection({ state }), 'ready')).toBe('ok');
    expect(getConnectionDisplayState(connection({ state }), 'streaming')).toBe('ok');
  });

  it('is connecting while the request is out and no response has come', () => {
    expect(getConnectionDisplayState(connection({ state: 'connecting' }), 'submitted')).toBe('connecting');
  });

  it('is reconnecting while the stream waits for or makes another attempt', () => {
    expect(getConnectionDisplayState(connection({ state: 'reconnecting', attempt: 2 }), 'streaming')).toBe('reconnecting');
  });

  it('is offline when the device is offline, whatever the connection is doing', () => {
    expect(getConnectionDisplayState(connection({ online: false }), 'ready')).toBe('offline');
    expect(getConnectionDisplayState(connection({ state: 'reconnecting', online: false }), 'streaming')).toBe('offline');
  });

  it('is failed when the status is error', () => {
    expect(getConnectionDisplayState(connection({ state: 'closed' }), 'error', networkError)).toBe('failed');
  });

  it('is failed when the status is error even without an error object', () => {
    expect(getConnectionDisplayState(connection({ state: 'closed' }), 'error')).toBe('failed');
  });

  it('is failed as soon as an error arrives, before the status turns to error', () => {
    expect(getConnectionDisplayState(connection(), 'streaming', networkError)).toBe('failed');
  });

  it('is failed rather than offline once the store has given up', () => {
    expect(getConnectionDisplayState(connection({ state: 'closed', online: false }), 'error', networkError)).toBe('failed');
  });
});
