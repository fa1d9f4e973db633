import { forwardRef, useId, useMemo, useState, type FormEvent, type FormHTMLAttributes } from 'react';
import type { JSONPath } from '@streamkit/core';
import type { ChatStatus } from '../chat-status.ts';
import { cn } from '../lib/cn.ts';
import { describeActivePath } from './describe-active-path.ts';
import type { FieldSpec } from './field-spec.ts';
import { removeAt, setAt } from './form-value.ts';
import type { FieldStateInput } from './get-field-state.ts';
import { StreamingFormContext, type StreamingFormContextValue } from './streaming-form-context.ts';
import { StreamingFormFields } from './streaming-form-fields.tsx';
import { AlertIcon } from '../lib/icons.tsx';

/** The object a form edits and submits. */
export type StreamingFormValue = Record<string, unknown>;

export interface StreamingFormProps extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'onChange' | 'title'> {
  /** The object so far, e.g. `useStreamingObject().object`; copied into the editable fields when the stream ends. */
  value: unknown;
  /**
   * `submitted` and `streaming` show the fields read-only as they fill; `ready` and `error` make them
   * editable (so `ready` before any stream is an empty form: render the form once a stream starts if that is not wanted).
   */
  status: ChatStatus;
  /** The fields to show, written by hand or built with `fieldsFromJSONSchema`. */
  fields: FieldSpec[];
  /** The path being written (`ObjectSnapshot.activePath`), where the caret shows. Default: none. */
  activePath?: JSONPath | undefined;
  /** Whether the value at a path is complete (`ObjectStore.isComplete`). Default: every present value not being written is complete. */
  isComplete?: ((path: JSONPath) => boolean) | undefined;
  /** A visible heading that also names the form. Default: none; then pass `aria-label`. */
  title?: string;
  /** Why the stream failed, shown above the actions while `status` is `error`. Default: none. */
  error?: { message: string } | undefined;
  /** The submit button's text. Default: `'Submit'`. */
  submitLabel?: string;
  /** Called with the edited object on submit. Without it there is no submit button. */
  onSubmit?: (value: StreamingFormValue) => void;
  /** Called with the whole edited object after each edit. */
  onChange?: (value: StreamingFormValue) => void;
}

/** What the live region says when no field is being written; typed as a Record so a new status cannot go unannounced. */
export const streamingFormStatusLabels: Record<ChatStatus, string> = {
  submitted: 'Waiting for the first field…',
  streaming: 'Filling in the form…',
  ready: 'The form is ready to edit.',
  error: 'The form stopped early. What arrived can be edited.',
};

function asFormValue(value: unknown): StreamingFormValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as StreamingFormValue) : {};
}

/**
 * A form that fills in as a model streams an object: skeletons for fields yet to come, a caret in the
 * one being written, a quiet check on finished ones; lists grow row by row and nested objects are
 * groups. When the stream ends — finished, stopped or failed — the fields become inputs holding what
 * arrived, and the form can be edited and submitted. Values are rendered as text, never as HTML.
 */
export const StreamingForm = forwardRef<HTMLFormElement, StreamingFormProps>(function StreamingForm(
  { value, status, fields, activePath, isComplete, title, error, submitLabel = 'Submit', onSubmit, onChange, className, children, ...props },
  ref,
) {
  const editable = status === 'ready' || status === 'error';
  const [draft, setDraft] = useState<unknown>(() => (editable ? value : undefined));
  const [wasEditable, setWasEditable] = useState(editable);
  const [writing, setWriting] = useState<string | undefined>(undefined);

  // Adjusted during render rather than in an effect, so the first editable paint already holds what arrived.
  if (editable !== wasEditable) {
    setWasEditable(editable);
    if (editable) setDraft(value);
  }

  // The announcement changes once per field, not per character; between fields it keeps the last one.
  const activeLabels = !editable && activePath ? describeActivePath(fields, activePath) : undefined;
  const nextWriting = editable ? undefined : (activeLabels?.join(' › ') ?? writing);
  if (nextWriting !== writing) setWriting(nextWriting);
  const announcement = nextWriting !== undefined ? `Writing: ${nextWriting}` : streamingFormStatusLabels[status];

  const shown = editable ? draft : value;
  const context = useMemo<StreamingFormContextValue>(() => {
    const stateInput: FieldStateInput = { value: shown, status, activePath, isComplete };
    const commit = (next: unknown) => {
      setDraft(next);
      onChange?.(asFormValue(next));
    };
    return {
      value: shown,
      stateInput,
      edit: (path, next) => commit(setAt(asFormValue(shown), path, next)),
      remove: (path) => commit(removeAt(shown, path)),
    };
  }, [shown, status, activePath, isComplete, onChange]);

  const titleId = useId();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (editable) onSubmit?.(asFormValue(draft));
  }

  return (
    <StreamingFormContext.Provider value={context}>
      <form
        ref={ref}
        aria-labelledby={title ? titleId : undefined}
        data-slot="streaming-form"
        data-status={status}
        className={cn('flex flex-col gap-4 text-sm text-sk-foreground', className)}
        onSubmit={handleSubmit}
        {...props}
      >
        {title ? (
          <h2 id={titleId} data-slot="streaming-form-title" className="text-base font-semibold">
            {title}
          </h2>
        ) : null}
        {/* Always in the page: screen readers only announce changes inside a live region that already existed. */}
        <p role="status" aria-live="polite" data-slot="streaming-form-announcer" className="sr-only">
          {announcement}
        </p>
        <StreamingFormFields fields={fields} path={[]} />
        {status === 'error' && error ? (
          <p role="alert" data-slot="streaming-form-error" className="flex items-start gap-1.5 text-sk-danger">
            <AlertIcon />
            <span className="min-w-0 break-words">{error.message}</span>
          </p>
        ) : null}
        {onSubmit || children ? (
          <div data-slot="streaming-form-actions" className="flex flex-wrap items-center justify-end gap-2">
            {children}
            {onSubmit ? (
              <button type="submit" disabled={!editable} data-slot="streaming-form-submit" className={submitButtonClass}>
                {submitLabel}
              </button>
            ) : null}
          </div>
        ) : null}
      </form>
    </StreamingFormContext.Provider>
  );
});

const submitButtonClass =
  'inline-flex h-9 items-center rounded-lg bg-sk-accent px-4 text-sm font-medium text-sk-accent-foreground outline-none transition-opacity focus-visible:ring-2 focus-visible:ring-sk-ring focus-visible:ring-offset-2 focus-visible:ring-offset-sk-surface disabled:cursor-not-allowed disabled:opacity-40';
