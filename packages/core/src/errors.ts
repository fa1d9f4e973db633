/**
 * Every failure Streamkit reports is a `StreamkitError` with a machine-readable `code`,
 * so apps can branch on `error.code` instead of parsing messages.
 */
export type StreamkitErrorCode =
  | 'options/invalid'
  | 'http/status'
  | 'http/content-type'
  | 'network/failed'
  | 'stream/incomplete'
  | 'stream/idle-timeout'
  | 'stream/not-resumable'
  | 'stream/server-error'
  | 'stream/overflow'
  | 'decode/invalid-json'
  | 'decode/unknown-format'
  | 'module/load-failed'
  | 'object/schema-mismatch'
  | 'object/no-json'
  | 'json/unexpected-token'
  | 'json/unexpected-end'
  | 'json/invalid-escape'
  | 'json/invalid-number'
  | 'json/trailing-content'
  | 'json/push-after-end'
  | 'sse/invalid-use';

export class StreamkitError extends Error {
  readonly code: StreamkitErrorCode;

  constructor(code: StreamkitErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StreamkitError';
    this.code = code;
  }
}

/** The server answered with a non-2xx status. `body` holds the server's error message when it sent one. */
export class HTTPError extends StreamkitError {
  readonly status: number;
  readonly body: string;

  constructor(status: number, body: string, message: string) {
    super('http/status', message);
    this.name = 'HTTPError';
    this.status = status;
    this.body = body;
  }
}
