import {
  forwardRef,
  useRef,
  useState,
  type ChangeEvent,
  type FormEvent,
  type FormHTMLAttributes,
  type KeyboardEvent,
} from 'react';
import type { ChatStatus } from '../chat-status.ts';
import { cn } from '../lib/cn.ts';

/** What the composer's one button does: send the draft, or stop the reply in flight. */
export type ComposerAction = 'send' | 'stop';

export interface ComposerProps extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'defaultValue'> {
  /** Called with the draft, surrounding whitespace trimmed, when the user sends it. */
  onSend: (text: string) => void;
  /** Called when the user presses Stop while a reply is in flight. */
  onStop: () => void;
  status: ChatStatus;
  /** Placeholder of the textarea. Default: `'Send a message…'`. */
  placeholder?: string;
  /** Accessible name of the textarea. Default: `'Message'`. */
  label?: string;
  /** Disables typing and sending. Stop stays available so a reply can always be stopped. Default: `false`. */
  disabled?: boolean;
  /** Focuses the textarea on mount. Default: `false`. */
  autoFocus?: boolean;
  /** The draft, when the caller controls it (with `onValueChange`). Default: uncontrolled. */
  value?: string;
  /** The initial draft when uncontrolled. Default: `''`. */
  defaultValue?: string;
  /** Called with the new draft on every edit, and with `''` after sending. */
  onValueChange?: (value: string) => void;
}

const actionLabels: Record<ComposerAction, string> = {
  send: 'Send',
  stop: 'Stop',
};

// The IME is still composing (e.g. Japanese, Chinese input): Enter confirms the candidate, it must
// not send. Safari reports the confirming keydown with keyCode 229 but isComposing false.
function isComposing(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
  return event.nativeEvent.isComposing || event.keyCode === 229;
}

/**
 * The message input: a textarea and one button. Enter sends, Shift+Enter starts a new line. While a
 * reply is in flight the button turns into Stop; the user can keep typing the next message.
 */
export const Composer = forwardRef<HTMLFormElement, ComposerProps>(function Composer(
  {
    onSend,
    onStop,
    status,
    placeholder = 'Send a message…',
    label = 'Message',
    disabled = false,
    autoFocus = false,
    value,
    defaultValue = '',
    onValueChange,
    className,
    ...props
  },
  ref,
) {
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [uncontrolledValue, setUncontrolledValue] = useState(defaultValue);
  const draft = value ?? uncontrolledValue;
  const action: ComposerAction = status === 'submitted' || status === 'streaming' ? 'stop' : 'send';
  const canSend = action === 'send' && !disabled && draft.trim() !== '';

  function setDraft(next: string) {
    if (value === undefined) setUncontrolledValue(next);
    onValueChange?.(next);
  }

  function send() {
    if (!canSend) return;
    onSend(draft.trim());
    setDraft('');
    // Clicking Send moved focus to the button; the next message starts in the textarea.
    textareaRef.current?.focus();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key !== 'Enter' || event.shiftKey || isComposing(event)) return;
    // Enter never inserts a newline here, even when it cannot send (empty draft, reply in flight).
    event.preventDefault();
    send();
  }

  return (
    <form
      ref={ref}
      data-slot="composer"
      data-status={status}
      data-disabled={disabled || undefined}
      className={cn(
        'flex items-end gap-2 rounded-2xl border border-sk-border bg-sk-surface p-2 text-sk-foreground shadow-sm',
        'focus-within:border-sk-ring data-[disabled]:opacity-60',
        className,
      )}
      onSubmit={handleSubmit}
      {...props}
    >
      <textarea
        ref={textareaRef}
        data-slot="composer-input"
        aria-label={label}
        placeholder={placeholder}
        disabled={disabled}
        autoFocus={autoFocus}
        rows={1}
        value={draft}
        onChange={(event: ChangeEvent<HTMLTextAreaElement>) => setDraft(event.target.value)}
        onKeyDown={handleKeyDown}
        className="max-h-48 min-h-9 flex-1 resize-none bg-transparent px-2 py-1.5 text-sm leading-6 outline-none field-sizing-content placeholder:text-sk-muted-foreground disabled:cursor-not-allowed"
      />
      <button
        type={action === 'send' ? 'submit' : 'button'}
        data-slot="composer-button"
        data-action={action}
        disabled={action === 'send' ? !canSend : false}
        onClick={action === 'stop' ? () => onStop() : undefined}
        className={cn(
          'inline-flex size-9 shrink-0 items-center justify-center rounded-full bg-sk-accent text-sk-accent-foreground transition-opacity',
          'outline-none focus-visible:ring-2 focus-visible:ring-sk-ring focus-visible:ring-offset-2 focus-visible:ring-offset-sk-surface',
          'disabled:cursor-not-allowed disabled:opacity-40 data-[action=stop]:bg-sk-foreground data-[action=stop]:text-sk-surface',
        )}
      >
        {action === 'send' ? <SendIcon /> : <StopIcon />}
        <span className="sr-only">{actionLabels[action]}</span>
      </button>
    </form>
  );
});

function SendIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round">
      <path d="M12 19V5M5 12l7-7 7 7" />
    </svg>
  );
}

function StopIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-3.5" fill="currentColor">
      <rect x="4" y="4" width="16" height="16" rx="2" />
    </svg>
  );
}
