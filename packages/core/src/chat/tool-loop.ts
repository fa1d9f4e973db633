import { updateToolCall } from '../message/part-updates.ts';
import type { ToolCallPart, UIMessage } from '../message/types.ts';
import type { ChatTool, ChatTools } from './tools.ts';

/** Tool calls in a message that wait on the client: input complete, not run by the provider, no result yet. */
export function pendingClientCalls(message: UIMessage): ToolCallPart[] {
  return message.parts.filter(
    (part): part is ToolCallPart => part.type === 'tool-call' && part.state === 'input-available' && !part.providerExecuted,
  );
}

/** True when every tool call in the message has an outcome the model can be told about. */
export function allToolCallsSettled(message: UIMessage): boolean {
  return message.parts.every(
    (part) =>
      part.type !== 'tool-call' ||
      part.providerExecuted ||
      ['output-available', 'output-error', 'denied'].includes(part.state) ||
      // The server asked for approval and has its answer: it runs the tool itself.
      (part.approvalId !== undefined && part.approved !== undefined),
  );
}

export function lookupTool(tools: ChatTools | undefined, name: string): ChatTool<never, unknown> | undefined {
  // Own properties only: a model-chosen name like "constructor" must not find Object.prototype's.
  return tools && Object.hasOwn(tools, name) ? tools[name] : undefined;
}

export async function needsApproval(tool: ChatTool<never, unknown>, input: unknown): Promise<boolean> {
  const rule = tool.needsApproval as boolean | ((input: unknown) => boolean | Promise<boolean>) | undefined;
  return typeof rule === 'function' ? Boolean(await rule(input)) : rule === true;
}

/** Runs one tool call and returns the patch that records its outcome. */
export async function executeTool(
  tool: ChatTool<never, unknown>,
  call: ToolCallPart,
  signal: AbortSignal,
): Promise<Partial<ToolCallPart>> {
  try {
    const execute = tool.execute as (input: unknown, context: { toolCallId: string; signal: AbortSignal }) => unknown;
    const output = await execute(call.input, { toolCallId: call.toolCallId, signal });
    return { state: 'output-available', output };
  } catch (error) {
    return { state: 'output-error', errorText: error instanceof Error ? error.message : String(error) };
  }
}

export { updateToolCall };
