import { useId } from 'react';
import type { JSONPath } from '@streamkit/core';
import { cn } from '../lib/cn.ts';
import { fieldLabel, type FieldSpec } from './field-spec.ts';
import { FieldInput, fieldBoxClass, textareaBoxClass } from './field-input.tsx';
import { getAt, valueToText } from './form-value.ts';
import { getFieldState, type FieldState } from './get-field-state.ts';
import { useStreamingForm } from './streaming-form-context.ts';
import { CheckIcon, RemoveIcon } from '../lib/icons.tsx';

/** What assistive technology hears for each state of a field; typed as a Record so a new state cannot go unlabelled. */
export const fieldStateLabels: Record<FieldState, string> = {
  pending: 'Waiting',
  writing: 'Writing',
  complete: 'Done',
  editable: 'Editable',
};

export interface StreamingFormFieldProps {
  spec: FieldSpec;
  path: JSONPath;
  /** Replaces the spec's label (array items are labelled by position). */
  label?: string;
  /** Shown as a remove button once editable (array items). */
  onRemove?: () => void;
}

/**
 * One value: a skeleton until it arrives, its text with a caret while written, a quiet check once
 * complete, and a real input when the stream is over. Read-only states render text in the input's box,
 * never a disabled input, so the switch to editable moves nothing.
 */
export function StreamingFormField({ spec, path, label = fieldLabel(spec), onRemove }: StreamingFormFieldProps) {
  const form = useStreamingForm('StreamingFormField');
  const state = getFieldState(path, form.stateInput);
  const editable = state === 'editable';
  const kind = spec.kind ?? 'text';
  const value = getAt(form.value, path);
  const id = useId();
  const inputId = `${id}-input`;
  const labelId = `${id}-label`;
  const descriptionId = spec.description ? `${id}-description` : undefined;
  const isBoolean = kind === 'boolean';

  const labelElement = (
    <label id={labelId} htmlFor={editable ? inputId : undefined} data-slot="streaming-form-label" className="text-sm font-medium text-sk-foreground">
      {label}
      {editable && spec.required ? (
        <span aria-hidden="true" className="text-sk-muted-foreground">
          {' *'}
        </span>
      ) : null}
    </label>
  );
  const stateMarks = editable ? null : (
    <>
      {state === 'complete' ? <CheckIcon className="text-sk-muted-foreground" /> : null}
      <span className="sr-only">{fieldStateLabels[state]}</span>
    </>
  );
  const removeButton =
    editable && onRemove ? (
      <button type="button" aria-label={`Remove ${label}`} onClick={onRemove} className={removeButtonClass}>
        <RemoveIcon />
      </button>
    ) : null;

  const control = editable ? (
    <FieldInput
      id={inputId}
      name={path.join('.')}
      kind={kind}
      value={value}
      options={spec.options}
      required={spec.required ?? false}
      describedBy={descriptionId}
      onValueChange={(next) => form.edit(path, next)}
    />
  ) : isBoolean ? (
    <ReadOnlyCheckbox state={state} checked={value === true} />
  ) : (
    <ReadOnlyBox state={state} kind={kind} text={valueToText(value)} />
  );

  return (
    <div
      data-slot="streaming-form-field"
      data-state={state}
      data-kind={kind}
      // Read-only, the label has no control to name, so the field is a group named by it.
      role={editable ? undefined : 'group'}
      aria-labelledby={editable ? undefined : labelId}
      aria-busy={state === 'writing' || undefined}
      className="flex min-w-0 flex-col gap-1.5"
    >
      {isBoolean ? (
        <div className="flex min-h-6 items-center gap-2">
          {control}
          {labelElement}
          {stateMarks}
          {removeButton}
        </div>
      ) : (
        <>
          <div className="flex min-h-5 items-center gap-1.5">
            {labelElement}
            {stateMarks}
            {removeButton}
          </div>
          {control}
        </>
      )}
      {spec.description ? (
        <p id={descriptionId} data-slot="streaming-form-description" className="text-xs text-sk-muted-foreground">
          {spec.description}
        </p>
      ) : null}
    </div>
  );
}

export const removeButtonClass =
  'ml-auto inline-flex size-6 items-center justify-center rounded-md text-sk-muted-foreground outline-none hover:bg-sk-muted hover:text-sk-foreground focus-visible:ring-2 focus-visible:ring-sk-ring';

function ReadOnlyBox({ state, kind, text }: { state: FieldState; kind: string; text: string }) {
  return (
    <div
      data-slot="streaming-form-value"
      data-state={state}
      className={cn(fieldBoxClass, 'whitespace-pre-wrap break-words data-[state=writing]:border-sk-accent/60', kind === 'textarea' && textareaBoxClass)}
    >
      {state === 'pending' ? (
        <span
          aria-hidden="true"
          data-slot="streaming-form-skeleton"
          className="my-1.5 block h-3 w-2/5 animate-pulse rounded bg-sk-muted motion-reduce:animate-none"
        />
      ) : (
        <>
          {text}
          {state === 'writing' ? <Caret /> : null}
          {/* Keeps an empty value one line tall, like the input that replaces it. */}
          {text === '' && state !== 'writing' ? <span aria-hidden="true">{'\u200b'}</span> : null}
        </>
      )}
    </div>
  );
}

function Caret() {
  return (
    <span
      aria-hidden="true"
      data-slot="streaming-form-caret"
      className="ml-px inline-block h-4 w-0.5 translate-y-0.5 animate-pulse rounded-full bg-sk-accent motion-reduce:animate-none"
    />
  );
}

function ReadOnlyCheckbox({ state, checked }: { state: FieldState; checked: boolean }) {
  return (
    <>
    <span
      aria-hidden="true"
      data-slot="streaming-form-value"
      data-state={state}
      className={cn(
        'inline-flex size-4 shrink-0 items-center justify-center rounded-[4px] border border-sk-border text-sk-accent',
        state === 'pending' && 'animate-pulse bg-sk-muted motion-reduce:animate-none',
      )}
    >
      {checked ? <CheckIcon className="size-3" /> : null}
    </span>
    {state === 'pending' ? null : <span className="sr-only">{checked ? 'Yes' : 'No'}</span>}
    </>
  );
}
