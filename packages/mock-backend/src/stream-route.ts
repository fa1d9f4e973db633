import { createResumeResponse, type ResumableStreamStore } from '@streamkit/server';
import { jsonError } from './json-error.ts';

/**
 * `GET …/chat/{chatId}/stream` (or `…/object/{id}/stream`) resumes the reply stored under `key` after
 * the `Last-Event-ID` header (204 when there is nothing to resume); `DELETE` cancels its generation
 * (an explicit stop) and answers 204.
 * Faults never apply here, so a reconnect after an injected drop succeeds.
 */
export async function handleStreamRoute(
  request: Request,
  key: string,
  store: ResumableStreamStore | false,
): Promise<Response> {
  if (request.method === 'GET') {
    return store ? createResumeResponse(request, { store, key }) : new Response(null, { status: 204 });
  }
  if (request.method === 'DELETE') {
    if (store) await store.cancel(key);
    return new Response(null, { status: 204 });
  }
  return jsonError(
    405,
    'request/method-not-allowed',
    `${request.method} is not allowed here; use GET to resume the reply or DELETE to stop it.`,
    { Allow: 'GET, DELETE' },
  );
}
