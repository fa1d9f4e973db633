export { startMockServer } from './mock-server.ts';
export type { MockServer, MockServerOptions } from './mock-server.ts';
export { createNodeMiddleware } from './node-middleware.ts';
export type { FetchHandler, NodeMiddleware } from './node-middleware.ts';
