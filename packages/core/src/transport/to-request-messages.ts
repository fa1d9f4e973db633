import type { ToolCallPart, UIMessage, UIMessagePart } from '../message/types.ts';

type RequestPart = Record<string, unknown>;

/**
 * The messages as the Vercel AI SDK's routes read them (`convertToModelMessages`): tool calls as
 * `tool-${name}` parts with the SDK's state names, approvals as `approval`, and no client-only fields.
 */
export function toRequestMessages(messages: UIMessage[]): Record<string, unknown>[] {
  return messages.map((message) => ({ id: message.id, role: message.role, parts: message.parts.map(toRequestPart), metadata: message.metadata }));
}

function toRequestPart(part: UIMessagePart): RequestPart {
  switch (part.type) {
    case 'text':
    case 'reasoning':
      return { type: part.type, text: part.text, state: part.state };
    case 'tool-call':
      return toolPart(part);
    case 'source':
      return part.sourceType === 'url'
        ? { type: 'source-url', sourceId: part.id, url: part.url, title: part.title }
        : { type: 'source-document', sourceId: part.id, mediaType: part.mediaType, title: part.title, filename: part.filename };
    case 'data':
      return { type: `data-${part.name}`, id: part.id, data: part.data };
    default:
      return { ...part };
  }
}

function toolPart(part: ToolCallPart): RequestPart {
  const base = { type: `tool-${part.toolName}`, toolCallId: part.toolCallId, input: part.input, ...(part.providerExecuted ? { providerExecuted: true } : {}) };
  const approval = part.approvalId !== undefined || part.approved !== undefined ? { approval: { id: part.approvalId ?? part.toolCallId, approved: part.approved } } : {};
  switch (part.state) {
    case 'input-streaming':
      return { ...base, state: 'input-streaming' };
    case 'input-available':
      return { ...base, state: 'input-available' };
    case 'awaiting-approval':
    case 'executing':
      return { ...base, state: part.approved === undefined ? 'approval-requested' : 'approval-responded', ...approval };
    case 'output-available':
      return { ...base, state: 'output-available', output: part.output, ...approval };
    case 'output-error':
      return { ...base, state: 'output-error', errorText: part.errorText, ...approval };
    case 'denied':
      return { ...base, state: 'output-denied', ...approval };
  }
}
