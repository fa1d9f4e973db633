export type MockRoute = { kind: 'chat' } | { kind: 'stream'; chatId: string };

/**
 * Which route `pathname` is: the chat route is any path ending in `chatPath`, the stream route is
 * `${chatPath}/{chatId}/stream`, as the Vercel AI SDK's transport builds it for `resume()`.
 */
export function matchRoute(pathname: string, chatPath: string): MockRoute | undefined {
  if (pathname.endsWith(chatPath)) return { kind: 'chat' };
  const at = pathname.lastIndexOf(`${chatPath}/`);
  if (at === -1) return undefined;
  const match = /^([^/]+)\/stream$/.exec(pathname.slice(at + chatPath.length + 1));
  if (!match) return undefined;
  try {
    return { kind: 'stream', chatId: decodeURIComponent(match[1]!) };
  } catch {
    return undefined;
  }
}
