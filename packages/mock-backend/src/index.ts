export { createMockHandler } from './mock-handler.ts';
export type { MockHandlerOptions } from './mock-handler.ts';
export { mockReplyText } from './reply-text.ts';
export type { MockStreamEndInfo } from './mock-reply.ts';
export type { MockErrorCode } from './json-error.ts';
