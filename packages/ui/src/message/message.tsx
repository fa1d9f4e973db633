import { forwardRef, memo, type HTMLAttributes, type ReactNode } from 'react';
import type { MessageRole, SourcePart, ToolCallPart, UIMessage, UIMessagePart } from '@streamkit/core';
import { cn } from '../lib/cn.ts';
import { Sources } from '../sources/sources.tsx';
import { ReasoningBlock } from '../thinking-panel/reasoning-block.tsx';
import { ToolCallCard, type ToolRenderer } from '../tool-call-card/tool-call-card.tsx';
import { MessageText } from './message-text.tsx';

/** `streaming` while any part of the message is still growing, `done` otherwise. */
export type MessageStatus = 'streaming' | 'done';

export interface MessageProps extends HTMLAttributes<HTMLDivElement> {
  message: UIMessage;
  /**
   * Custom rendering per tool name (a weather card for `weather`, …); other tools get a
   * `ToolCallCard`. Keep the object stable (module scope or `useMemo`): a new one re-renders every
   * message, and a new function for a tool remounts its card. Default: none.
   */
  toolRenderers?: Record<string, ToolRenderer>;
  /** Called with the call's id when the user approves a tool call that awaits approval. */
  onToolApprove?: (toolCallId: string) => void;
  /** Called with the call's id when the user denies a tool call that awaits approval. */
  onToolDeny?: (toolCallId: string) => void;
}

type PartOptions = Pick<MessageProps, 'toolRenderers' | 'onToolApprove' | 'onToolDeny'> & { role: MessageRole };

// Read before each message so a screen reader's log announces who is speaking.
const roleLabels: Record<MessageRole, string> = {
  user: 'You',
  assistant: 'Assistant',
  system: 'System',
};

type PlaceholderPartType = Exclude<UIMessagePart['type'], 'text' | 'reasoning' | 'tool-call' | 'source'>;

// Parts without a component of their own yet show as a quiet one-line note; `null` hides the part.
const placeholderLabels: Record<PlaceholderPartType, string | null> = {
  file: 'File',
  data: null,
  'step-start': null,
};

export function getMessageStatus(message: UIMessage): MessageStatus {
  const streaming = message.parts.some((part) =>
    part.type === 'tool-call' ? part.state === 'input-streaming' : 'state' in part && part.state === 'streaming',
  );
  return streaming ? 'streaming' : 'done';
}

function renderToolCall(part: ToolCallPart, key: number, { toolRenderers, onToolApprove, onToolDeny }: PartOptions): ReactNode {
  // hasOwn, because the tool name comes from the model: "constructor" must not find Object's.
  const Renderer = toolRenderers && Object.hasOwn(toolRenderers, part.toolName) ? toolRenderers[part.toolName] : undefined;
  if (Renderer) return <Renderer key={key} part={part} onApprove={onToolApprove} onDeny={onToolDeny} />;
  return <ToolCallCard key={key} part={part} onApprove={onToolApprove} onDeny={onToolDeny} />;
}

function renderPart(part: UIMessagePart, index: number, options: PartOptions): ReactNode {
  switch (part.type) {
    case 'text':
      // An empty part only marks that text is about to start; rendering it would leave a blank line.
      // People type plain text; only the model writes markdown.
      return part.text === '' ? null : (
        <MessageText key={index} text={part.text} state={part.state} format={options.role === 'user' ? 'plain' : 'markdown'} />
      );
    case 'reasoning':
      return <ReasoningBlock key={index} part={part} />;
    case 'tool-call':
      return renderToolCall(part, index, options);
    case 'source':
      // Gathered into one numbered list at the end of the message.
      return null;
  }
  const label = placeholderLabels[part.type];
  if (label === null) return null;
  const detail = part.type === 'file' ? part.mediaType : undefined;
  return (
    <div
      key={index}
      data-slot="message-part-placeholder"
      data-part-type={part.type}
      className="truncate text-xs text-sk-muted-foreground"
    >
      {detail ? `${label}: ${detail}` : label}
    </div>
  );
}

function isSource(part: UIMessagePart): part is SourcePart {
  return part.type === 'source';
}

const MessageBase = forwardRef<HTMLDivElement, MessageProps>(function Message(
  { message, toolRenderers, onToolApprove, onToolDeny, className, ...props },
  ref,
) {
  const status = getMessageStatus(message);
  const options: PartOptions = { toolRenderers, onToolApprove, onToolDeny, role: message.role };
  const sources = message.parts.filter(isSource);
  return (
    <div
      ref={ref}
      data-slot="message"
      data-role={message.role}
      data-status={status}
      aria-busy={status === 'streaming' || undefined}
      className={cn(
        'group/message flex w-full justify-start data-[role=system]:justify-center data-[role=user]:justify-end',
        className,
      )}
      {...props}
    >
      <div
        data-slot="message-content"
        className={cn(
          'flex min-w-0 max-w-full flex-col gap-2 text-sm leading-relaxed text-sk-foreground',
          'group-data-[role=user]/message:max-w-[80%] group-data-[role=user]/message:rounded-2xl group-data-[role=user]/message:rounded-br-md group-data-[role=user]/message:bg-sk-user group-data-[role=user]/message:px-4 group-data-[role=user]/message:py-2 group-data-[role=user]/message:text-sk-user-foreground',
          'group-data-[role=system]/message:text-xs group-data-[role=system]/message:text-sk-muted-foreground',
        )}
      >
        <span className="sr-only">{roleLabels[message.role]}: </span>
        {message.parts.map((part, index) => renderPart(part, index, options))}
        <Sources sources={sources} />
      </div>
    </div>
  );
});

/**
 * One chat message: user messages as right-aligned bubbles, assistant replies as plain text on the
 * left. Memoized with the default shallow compare: the chat store keeps a settled message's object
 * identity, so only the message that is streaming re-renders.
 */
export const Message = memo(MessageBase);
