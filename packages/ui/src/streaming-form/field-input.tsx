import type { ChangeEvent } from 'react';
import type { FieldKind } from './field-spec.ts';
import { cn } from '../lib/cn.ts';
import { valueToText } from './form-value.ts';

/** The box every text-like field shares, read-only or editable, so nothing moves when the stream ends. */
export const fieldBoxClass = 'block w-full min-w-0 rounded-lg border border-sk-border bg-sk-surface px-3 py-1.5 text-sm leading-6 text-sk-foreground';

// A textarea grows with its text (field-sizing) from the same minimum as its read-only box.
export const textareaBoxClass = 'min-h-24 whitespace-pre-wrap break-words field-sizing-content resize-y';

// The dark scheme also darkens the native parts: the date picker icon, the select's menu.
const controlClass = 'outline-none focus-visible:border-sk-ring focus-visible:ring-2 focus-visible:ring-sk-ring/40 dark:scheme-dark';

const inputTypes: Partial<Record<FieldKind, string>> = { number: 'number', email: 'email', url: 'url', date: 'date' };

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export interface FieldInputProps {
  id: string;
  name: string;
  kind: FieldKind;
  value: unknown;
  options: string[] | undefined;
  required: boolean;
  describedBy: string | undefined;
  onValueChange(next: unknown): void;
}

/** The real control of an editable field, initialised from whatever the model wrote, however malformed. */
export function FieldInput({ id, name, kind, value, options, required, describedBy, onValueChange }: FieldInputProps) {
  const common = { id, name, required, 'aria-describedby': describedBy, 'data-slot': 'streaming-form-input' };
  // An editable control keeps a boolean as 'true'/'false' (valueToText says Yes/No, for reading).
  const text = typeof value === 'boolean' ? String(value) : valueToText(value);

  if (kind === 'boolean') {
    return (
      <input
        {...common}
        type="checkbox"
        required={false}
        checked={value === true}
        onChange={(event) => onValueChange(event.target.checked)}
        className="size-4 shrink-0 accent-sk-accent outline-none focus-visible:ring-2 focus-visible:ring-sk-ring dark:scheme-dark"
      />
    );
  }
  if (kind === 'textarea') {
    return <textarea {...common} value={text} onChange={(event) => onValueChange(event.target.value)} className={cn(fieldBoxClass, textareaBoxClass, controlClass)} />;
  }
  if (kind === 'select') {
    const choices = options ?? [];
    return (
      // Chromium sizes a select by its font, not its line-height; pin it to the shared box's 38px.
      <select {...common} value={text} onChange={(event) => onValueChange(event.target.value)} className={cn(fieldBoxClass, controlClass, 'h-[2.375rem]')}>
        {text === '' ? <option value="">Choose…</option> : null}
        {/* An answer off the list stays selectable rather than being silently replaced. */}
        {text !== '' && !choices.includes(text) ? <option value={text}>{text}</option> : null}
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    );
  }
  // A date the model wrote in another shape would show blank in a date picker; keep it visible as text.
  const type = kind === 'date' && text !== '' && !isoDate.test(text) ? 'text' : (inputTypes[kind] ?? 'text');
  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    const raw = event.target.value;
    onValueChange(kind === 'number' ? (raw === '' ? undefined : Number(raw)) : raw);
  }
  return (
    <input
      {...common}
      type={type}
      step={kind === 'number' ? 'any' : undefined}
      value={text}
      onChange={handleChange}
      className={cn(fieldBoxClass, controlClass)}
    />
  );
}
