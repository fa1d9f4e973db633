export { useStreamingChat } from './use-streaming-chat.ts';
export type { UseStreamingChatOptions, UseStreamingChatResult, ReactChatTool } from './use-streaming-chat.ts';
export { useStreamingObject } from './use-streaming-object.ts';
export type { UseStreamingObjectOptions, UseStreamingObjectResult } from './use-streaming-object.ts';
