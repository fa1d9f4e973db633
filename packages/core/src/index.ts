export { StreamkitError, HTTPError } from './errors.ts';
export type { StreamkitErrorCode } from './errors.ts';

export { createSSEParser } from './sse/sse-parser.ts';
export { parseSSEStream } from './sse/parse-sse-stream.ts';
export type { ParseSSEStreamOptions } from './sse/parse-sse-stream.ts';
export type { SSEParser, SSEParserOptions } from './sse/sse-parser.ts';
export type { SSEEvent } from './sse/types.ts';

export type { StreamPart, StreamPartType, FinishReason, Usage, JSONValue } from './stream-part.ts';
export { createDecoder } from './decoders/create-decoder.ts';
export { wireFormats } from './decoders/wire-formats.ts';
export { createUIMessageStreamDecoder } from './decoders/ui-message-stream.ts';
export { createOpenAIChatDecoder } from './decoders/openai-chat.ts';
export { createOpenAIResponsesDecoder } from './decoders/openai-responses.ts';
export { createAnthropicDecoder } from './decoders/anthropic.ts';
export type { StreamDecoder, WireFormat } from './decoders/types.ts';

export { applyStreamPart, createAssistantMessage } from './message/apply-stream-part.ts';
export type {
  UIMessage,
  UIMessagePart,
  MessageRole,
  PartState,
  TextPart,
  ReasoningPart,
  ToolCallPart,
  ToolCallState,
  SourcePart,
  FilePart,
  DataPart,
  StepStartPart,
} from './message/types.ts';

export { createHTTPChatTransport } from './transport/http-chat-transport.ts';
export type { HTTPChatTransportOptions } from './transport/http-chat-transport.ts';
export { createHTTPStreamClient } from './transport/http-stream-client.ts';
export type { HTTPStreamClient, HTTPStreamOptions } from './transport/http-stream-client.ts';
export { streamWithReconnect } from './transport/resilient-stream.ts';
export type { ReconnectOptions, ResilientStreamOptions, StreamAttempt } from './transport/resilient-stream.ts';
export { retryDelay, parseRetryAfter } from './transport/backoff.ts';
export { syncReplyToParts } from './transport/sync-reply.ts';
export { toRequestMessages } from './transport/to-request-messages.ts';
export type { ChatTransport, ChatRequest, ResumeRequest, TransportObserver } from './transport/types.ts';

export { createChatStore } from './chat/chat-store.ts';
export { createMetricsRecorder } from './chat/metrics-recorder.ts';
export type { ChatTool, ChatTools, ToolExecutionContext } from './chat/tools.ts';
export type { ChatStore, ChatStoreOptions, ChatFinishInfo } from './chat/chat-store.ts';
export type { ChatSnapshot, ChatStatus, ChatConnection, ConnectionState, StreamMetrics } from './chat/types.ts';

export { createObjectStore } from './object/object-store.ts';
export type { ObjectStore, ObjectStoreOptions, ObjectSnapshot, DeepPartial } from './object/object-store.ts';
export { SchemaValidationError } from './object/schema-error.ts';
export type { StandardSchemaV1, StandardSchemaResult, StandardSchemaIssue } from './object/standard-schema.ts';
export { createJSONTextExtractor } from './object/json-text-extractor.ts';

export { createPartialJSONParser, parsePartialJSON } from './partial-json/partial-json-parser.ts';
export { PartialJSONError } from './partial-json/partial-json-error.ts';
export type { PartialJSONParser } from './partial-json/partial-json-parser.ts';
export type { PartialJSONErrorCode } from './partial-json/partial-json-error.ts';
export type { JSONPath } from './partial-json/json-path.ts';

export { syncScheduler, frameScheduler } from './store/notifier.ts';
export type { NotifyScheduler } from './store/notifier.ts';
export { generateId } from './id.ts';
