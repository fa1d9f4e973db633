import { createEncoder, type EncoderFormat } from '@streamkit/server';
import { jsonError } from './json-error.ts';

/**
 * The wire format a request asked for with `?format=` or the `x-streamkit-format` header (the query
 * wins); `'ui-message-stream'` when it asked for none. A 400 response lists the known formats.
 */
export function readFormat(request: Request, url: URL): EncoderFormat | Response {
  const format = url.searchParams.get('format') ?? request.headers.get('x-streamkit-format') ?? 'ui-message-stream';
  try {
    // createEncoder is the one list of formats, and its error names them all.
    createEncoder(format as EncoderFormat);
    return format as EncoderFormat;
  } catch (error) {
    return jsonError(
      400,
      'request/invalid-format',
      `${(error as Error).message} Choose it with ?format= or the x-streamkit-format header.`,
    );
  }
}
