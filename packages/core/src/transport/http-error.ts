import { HTTPError } from '../errors.ts';

/** Reads an error response into an `HTTPError` carrying the server's own message where it sent one. */
export async function readHTTPError(response: Response): Promise<HTTPError> {
  const body = await response.text().catch(() => '');
  const reason = messageFromBody(body) || response.statusText || 'no message';
  return new HTTPError(response.status, body, `The server answered ${response.status}: ${reason}`);
}

function messageFromBody(body: string): string {
  const trimmed = body.trim();
  if (!trimmed) return '';
  try {
    const parsed: unknown = JSON.parse(trimmed);
    const found = findMessage(parsed);
    if (found) return found;
  } catch {
    // Not JSON: the text itself is the message.
  }
  return trimmed.length > 300 ? `${trimmed.slice(0, 300)}…` : trimmed;
}

/** Knows the common shapes: `{ error: { message } }`, `{ error: "…" }`, `{ message: "…" }`. */
function findMessage(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.message === 'string') return record.message;
  return findMessage(record.error);
}
