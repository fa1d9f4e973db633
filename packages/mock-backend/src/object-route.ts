import { mockObjectText } from './objects/mock-object.ts';
import { objectParts } from './objects/object-parts.ts';
import { readObjectRequest } from './objects/read-object-request.ts';
import { serveReply, type ReplyContext } from './serve-reply.ts';

/** The store key of an object stream: apart from chat ids, so an object and a chat may share a name. */
export const objectStoreKey = (id: string) => `object:${id}`;

/**
 * `POST …/object` with `{ id, input }`: streams the object's JSON as text deltas (or answers the JSON
 * whole when the request accepts only JSON), with the same formats, faults and resume as the chat.
 */
export function handleObject(request: Request, url: URL, context: ReplyContext): Promise<Response> {
  return serveReply(request, url, context, async () => {
    const body = await readObjectRequest(request);
    if (body instanceof Response) return body;
    return {
      plan: objectParts(body.input, body.id),
      ...(body.id === undefined ? {} : { key: objectStoreKey(body.id) }),
      json: () => mockObjectText(body.input),
    };
  });
}
