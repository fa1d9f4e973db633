import { describe, expect, it } from 'vitest';
import { HTTPError, StreamkitError } from './errors.ts';

describe('HTTPError', () => {
  it('is a StreamkitError carrying the status and the body', () => {
    const error = new HTTPError(503, '{"error":"busy"}', 'The server answered 503: busy');
    expect(error).toBeInstanceOf(StreamkitError);
    expect(error.code).toBe('http/status');
    expect(error.status).toBe(503);
    expect(error.body).toBe('{"error":"busy"}');
  });
});
