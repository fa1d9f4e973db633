export { createSSEResponse } from './sse-response.ts';
export type { SSEResponseOptions } from './sse-response.ts';
export type { ResumableOptions } from './resumable-sse-body.ts';
export { createResumeResponse } from './resume-response.ts';
export type { ResumeResponseOptions } from './resume-response.ts';
export { createResumableStreamStore } from './resumable-stream-store.ts';
export type { InMemoryResumableStreamStore, ResumableStreamStoreOptions } from './resumable-stream-store.ts';
export type {
  ResumableStreamStore,
  ResumableStreamStartOptions,
  ResumableStreamWriter,
  ResumedStream,
} from './resumable-stream.ts';
export { createEncoder } from './encoder.ts';
export type { EncoderFormat } from './encoder.ts';
export { createUIMessageStreamEncoder } from './encoders/ui-message-stream.ts';
export { createOpenAIChatEncoder } from './encoders/openai-chat.ts';
export type { OpenAIChatEncoderOptions } from './encoders/openai-chat.ts';
export { createOpenAIResponsesEncoder } from './encoders/openai-responses.ts';
export type { OpenAIResponsesEncoderOptions } from './encoders/openai-responses.ts';
export { createAnthropicEncoder } from './encoders/anthropic.ts';
export type { AnthropicEncoderOptions } from './encoders/anthropic.ts';
export type { Encoder, SSEMessage } from './encoders/types.ts';
export { formatSSEFrame } from './sse-frame.ts';
