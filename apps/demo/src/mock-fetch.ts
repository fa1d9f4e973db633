import { createMockHandler, type MockHandlerOptions } from '@streamkit/mock-backend';

/**
 * A `fetch` answered by the scripted model inside the page itself: Storybook stories stream real
 * SSE bytes through the real client without any server.
 */
export function createMockFetch(options: MockHandlerOptions = {}): typeof fetch {
  const handler = createMockHandler(options);
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), globalThis.location?.href ?? 'http://mock.local/'), init);
    return handler(request);
  };
}
