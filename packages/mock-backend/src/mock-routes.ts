export type MockResource = 'chat' | 'object';

export type MockRoute = { kind: MockResource } | { kind: 'stream'; resource: MockResource; id: string };

const RESOURCES: MockResource[] = ['chat', 'object'];

/**
 * Which route `pathname` is: `${basePath}/chat` and `${basePath}/object` match any path ending in
 * them; the stream routes are `${basePath}/chat/{chatId}/stream` (as the Vercel AI SDK's transport
 * builds it for `resume()`) and `${basePath}/object/{id}/stream`.
 */
export function matchRoute(pathname: string, basePath: string): MockRoute | undefined {
  for (const resource of RESOURCES) {
    const path = `${basePath}/${resource}`;
    if (pathname.endsWith(path)) return { kind: resource };
    const at = pathname.lastIndexOf(`${path}/`);
    if (at === -1) continue;
    const match = /^([^/]+)\/stream$/.exec(pathname.slice(at + path.length + 1));
    if (!match) continue;
    try {
      return { kind: 'stream', resource, id: decodeURIComponent(match[1]!) };
    } catch {
      return undefined;
    }
  }
  return undefined;
}
