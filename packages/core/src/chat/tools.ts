/** What a client-side tool's `execute` is given besides its input. */
export interface ToolExecutionContext {
  toolCallId: string;
  /** Aborted when the chat is stopped; pass it to fetch and timers. */
  signal: AbortSignal;
}

/**
 * A tool that runs in the client. When a call's input is complete the store runs it (or asks for
 * approval first), adds the result to the message and continues the conversation by itself.
 */
export interface ChatTool<Input = never, Output = unknown> {
  /** Shown to people, not sent to the model (the server declares tools to the model). Default: none. */
  description?: string;
  /** Runs the tool. What it throws becomes an `output-error` the model is told about. */
  execute(input: Input, context: ToolExecutionContext): Output | Promise<Output>;
  /** Whether to wait for `respondToToolApproval` before running. Default: `false`. */
  needsApproval?: boolean | ((input: Input) => boolean | Promise<boolean>);
}

/** Tools by the name the model calls them. */
export type ChatTools = Record<string, ChatTool<never, unknown>>;
