import { forwardRef, useId, useState, type HTMLAttributes, type ReactNode } from 'react';
import type { ToolCallPart, ToolCallState } from '@streamkit/core';
import { cn } from '../lib/cn.ts';
import { formatValue } from './format-value.ts';
import { AlertIcon } from '../lib/icons.tsx';
import { StatusIcon, WrenchIcon } from './tool-call-icons.tsx';
import { useElapsedSeconds } from './use-elapsed-seconds.ts';

/** What a custom tool renderer (`Message`'s `toolRenderers`) receives; `ToolCallCard` takes the same. */
export interface ToolRendererProps {
  part: ToolCallPart;
  /** Called with the call's id when the user approves a call that awaits approval. */
  onApprove?: (toolCallId: string) => void;
  /** Called with the call's id when the user denies a call that awaits approval. */
  onDeny?: (toolCallId: string) => void;
}

/** Renders one tool call, e.g. a weather card for a `weather` tool. Rendered as a component, so it may use hooks. */
export type ToolRenderer = (props: ToolRendererProps) => ReactNode;

export interface ToolCallCardProps extends ToolRendererProps, Omit<HTMLAttributes<HTMLDivElement>, 'children' | 'part'> {
  /** When execution started (epoch ms), to show the elapsed time. Default: when the card saw the call become `executing`. */
  startedAt?: number;
}

/** The status line of each state; typed as a Record so a new state cannot go unlabelled. */
export const toolCallStateLabels: Record<ToolCallState, string> = {
  'input-streaming': 'Preparing…',
  'input-available': 'Queued',
  'awaiting-approval': 'Awaiting approval',
  executing: 'Running',
  'output-available': 'Done',
  'output-error': 'Failed',
  denied: 'Denied',
};

/**
 * A tool call as a card: the tool's name at once, its arguments as they stream, then its state —
 * approval buttons, a running timer, the result, the error, or that it was denied.
 */
export const ToolCallCard = forwardRef<HTMLDivElement, ToolCallCardProps>(function ToolCallCard(
  { part, onApprove, onDeny, startedAt, className, ...props },
  ref,
) {
  const { state, toolCallId } = part;
  const toolName = part.toolName || 'Tool';
  const elapsed = useElapsedSeconds(state === 'executing', startedAt);
  const status = state === 'executing' ? `${toolCallStateLabels[state]} · ${elapsed} s` : toolCallStateLabels[state];
  const canDecide = state === 'awaiting-approval' && (onApprove !== undefined || onDeny !== undefined);

  return (
    <div
      ref={ref}
      role="group"
      aria-label={`Tool call: ${toolName}`}
      data-slot="tool-call-card"
      data-state={state}
      data-tool-name={part.toolName}
      data-provider-executed={part.providerExecuted || undefined}
      className={cn(
        'flex flex-col overflow-hidden rounded-xl border border-sk-border bg-sk-surface text-sm text-sk-foreground',
        'data-[state=output-error]:border-sk-danger/40',
        className,
      )}
      {...props}
    >
      <div data-slot="tool-call-card-header" className="flex items-center gap-2 px-3 py-2">
        <WrenchIcon />
        <span data-slot="tool-call-card-name" className="min-w-0 truncate font-mono text-[13px] font-medium">
          {toolName}
        </span>
        <span
          data-slot="tool-call-card-status"
          data-state={state}
          className="ml-auto inline-flex shrink-0 items-center gap-1 text-xs text-sk-muted-foreground tabular-nums data-[state=output-error]:text-sk-danger"
        >
          <StatusIcon state={state} />
          {status}
        </span>
      </div>
      <div data-slot="tool-call-card-body" className="flex flex-col gap-3 border-t border-sk-border px-3 py-2.5">
        <Section label="Input">
          <ToolCallInput part={part} />
        </Section>
        {canDecide ? (
          <div data-slot="tool-call-card-actions" className="flex gap-2">
            {onApprove ? (
              <button type="button" onClick={() => onApprove(toolCallId)} className={cn(buttonClass, 'bg-sk-accent text-sk-accent-foreground')}>
                Approve
              </button>
            ) : null}
            {onDeny ? (
              <button type="button" onClick={() => onDeny(toolCallId)} className={cn(buttonClass, 'border border-sk-border hover:bg-sk-muted')}>
                Deny
              </button>
            ) : null}
          </div>
        ) : null}
        {/* An executing call may already carry preliminary output. */}
        {part.output !== undefined && (state === 'output-available' || state === 'executing') ? (
          <Section label={state === 'executing' ? 'Partial result' : 'Result'}>
            <ToolCallOutput text={formatValue(part.output)} />
          </Section>
        ) : null}
        {state === 'output-error' ? (
          // Not role="alert": a failed tool is part of the reply, read in order, not an interruption.
          <p data-slot="tool-call-card-error" className="flex items-start gap-1.5 text-sk-danger">
            <AlertIcon />
            <span className="min-w-0 break-words">{part.errorText || 'The tool failed without saying why.'}</span>
          </p>
        ) : null}
      </div>
    </div>
  );
});

const buttonClass =
  'inline-flex h-8 items-center rounded-lg px-3 text-sm font-medium outline-none transition-colors focus-visible:ring-2 focus-visible:ring-sk-ring focus-visible:ring-offset-2 focus-visible:ring-offset-sk-surface';

const codeClass =
  'max-h-64 overflow-auto rounded-md bg-sk-muted px-2.5 py-2 font-mono text-xs leading-relaxed whitespace-pre-wrap break-words';

function Section({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <span className="text-xs font-medium text-sk-muted-foreground">{label}</span>
      {children}
    </div>
  );
}

function ToolCallInput({ part }: { part: ToolCallPart }) {
  // The parsed input when there is one; else the raw text, which may be incomplete JSON and is
  // shown as it is (never parsed here, so no parse error can reach the screen).
  if (part.input !== undefined) {
    return (
      <pre data-slot="tool-call-card-input" className={codeClass}>
        {formatValue(part.input)}
      </pre>
    );
  }
  if (part.inputText !== '') {
    return (
      <pre data-slot="tool-call-card-input" data-raw="" className={codeClass}>
        {part.inputText}
      </pre>
    );
  }
  return (
    <div data-slot="tool-call-card-input-skeleton" aria-hidden="true" className="flex flex-col gap-1.5 py-1">
      <div className="h-3 w-2/3 animate-pulse rounded bg-sk-muted motion-reduce:animate-none" />
      <div className="h-3 w-1/3 animate-pulse rounded bg-sk-muted motion-reduce:animate-none" />
    </div>
  );
}

// Past either limit a result starts collapsed to a preview; the limits keep a card about one screen tall.
const maxPreviewLines = 12;
const maxPreviewChars = 800;

function preview(text: string): string | undefined {
  const lines = text.split('\n');
  if (lines.length <= maxPreviewLines && text.length <= maxPreviewChars) return undefined;
  return `${lines.slice(0, maxPreviewLines).join('\n').slice(0, maxPreviewChars)}…`;
}

function ToolCallOutput({ text }: { text: string }) {
  const [expanded, setExpanded] = useState(false);
  const id = useId();
  const short = preview(text);
  if (short === undefined) {
    return (
      <pre data-slot="tool-call-card-output" className={codeClass}>
        {text}
      </pre>
    );
  }
  return (
    <>
      <pre id={id} data-slot="tool-call-card-output" data-state={expanded ? 'open' : 'closed'} className={cn(codeClass, expanded && 'max-h-96')}>
        {expanded ? text : short}
      </pre>
      <button
        type="button"
        aria-expanded={expanded}
        aria-controls={id}
        onClick={() => setExpanded(!expanded)}
        className="w-fit rounded text-xs font-medium text-sk-accent outline-none hover:underline focus-visible:ring-2 focus-visible:ring-sk-ring"
      >
        {expanded ? 'Show less' : 'Show full result'}
      </button>
    </>
  );
}
