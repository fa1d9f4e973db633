/** Parts that grow while a reply streams carry `state: 'streaming'` until their end event arrives. */
export type PartState = 'streaming' | 'done';

export interface TextPart {
  type: 'text';
  /** The stream's id for this part, used to route deltas; absent on parts the user wrote. */
  id?: string;
  text: string;
  state: PartState;
}

export interface ReasoningPart {
  type: 'reasoning';
  id?: string;
  text: string;
  state: PartState;
  /** The provider sent redacted or encrypted thinking; `text` is empty. */
  redacted?: boolean;
}

/**
 * A tool call moves input-streaming → input-available → (awaiting-approval →) executing →
 * output-available | output-error | denied.
 */
export type ToolCallState =
  | 'input-streaming'
  | 'input-available'
  | 'awaiting-approval'
  | 'executing'
  | 'output-available'
  | 'output-error'
  | 'denied';

export interface ToolCallPart {
  type: 'tool-call';
  toolCallId: string;
  toolName: string;
  state: ToolCallState;
  /** The raw argument text received so far (JSON, possibly incomplete). */
  inputText: string;
  /** The parsed input: partial while streaming, final once `input-available`. */
  input: unknown;
  output?: unknown;
  errorText?: string;
  /** True when the provider ran the tool itself (a server-side tool). */
  providerExecuted?: boolean;
  /** Set when the server asked for approval (`tool-approval-request`): the id its answer must carry. */
  approvalId?: string;
  /** The user's answer to an approval request, once given. */
  approved?: boolean;
}

export interface SourcePart {
  type: 'source';
  sourceType: 'url' | 'document';
  id: string;
  url?: string;
  title?: string;
  mediaType?: string;
  filename?: string;
}

export interface FilePart {
  type: 'file';
  url: string;
  mediaType: string;
}

export interface DataPart {
  type: 'data';
  name: string;
  id?: string;
  data: unknown;
}

export interface StepStartPart {
  type: 'step-start';
}

export type UIMessagePart = TextPart | ReasoningPart | ToolCallPart | SourcePart | FilePart | DataPart | StepStartPart;

export type MessageRole = 'system' | 'user' | 'assistant';

export interface UIMessage {
  id: string;
  role: MessageRole;
  parts: UIMessagePart[];
  metadata: Record<string, unknown>;
}
