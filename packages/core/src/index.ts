export { StreamkitError, HTTPError } from './errors.ts';
export type { StreamkitErrorCode } from './errors.ts';
export type { SSEEvent } from './sse/types.ts';
export type { StreamPart, StreamPartType, FinishReason, Usage, JSONValue } from './stream-part.ts';
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
