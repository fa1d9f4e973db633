import type { HTTPError, StreamkitError } from '@streamkit/core';
import { describe, expect, it } from 'vitest';
import { describeConnectionError } from './describe-connection-error.ts';

// Plain objects of the same shape: ui imports core for types only.
function httpError(status: number): HTTPError {
  return { name: 'HTTPError', code: 'http/status', status, body: '', message: `The server answered ${status}.` };
}

function streamkitError(code: StreamkitError['code'], message: string): StreamkitError {
  return { name: 'StreamkitError', code, message };
}

describe('describeConnectionError', () => {
  it('says the server is busy for HTTP 429', () => {
    expect(describeConnectionError(httpError(429))).toBe('The server is busy');
  });

  it.each([500, 502, 503, 599])('says the server had a problem for HTTP %i', (status) => {
    expect(describeConnectionError(httpError(status))).toBe('The server had a problem');
  });

  it('keeps the message for other HTTP statuses', () => {
    expect(describeConnectionError(httpError(401))).toBe('The server answered 401.');
  });

  it('keeps the message of an http/status error that carries no status', () => {
    expect(describeConnectionError(streamkitError('http/status', 'Bad gateway'))).toBe('Bad gateway');
  });

  it("says it can't reach the server for network/failed", () => {
    expect(describeConnectionError(streamkitError('network/failed', 'TypeError: fetch failed'))).toBe("Can't reach the server");
  });

  it('says the stream was cut off for stream/incomplete', () => {
    expect(describeConnectionError(streamkitError('stream/incomplete', 'closed early'))).toBe('The stream was cut off');
  });

  it('shows the message as it is for any other code', () => {
    expect(describeConnectionError(streamkitError('stream/server-error', 'Model overloaded, try again'))).toBe(
      'Model overloaded, try again',
    );
  });
});
