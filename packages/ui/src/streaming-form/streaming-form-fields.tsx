import type { JSONPath } from '@streamkit/core';
import { cn } from '../lib/cn.ts';
import { fieldLabel, itemLabel, lowerFirst, singular, type ArraySpec, type FieldSpec } from './field-spec.ts';
import { getAt } from './form-value.ts';
import { getFieldState } from './get-field-state.ts';
import { useStreamingForm } from './streaming-form-context.ts';
import { StreamingFormField, removeButtonClass } from './streaming-form-field.tsx';
import { PlusIcon, RemoveIcon } from '../lib/icons.tsx';

/** The fields of one object, in order: plain fields, nested groups and lists. */
export function StreamingFormFields({ fields, path }: { fields: FieldSpec[]; path: JSONPath }) {
  return (
    <>
      {fields.map((spec) => {
        const fieldPath = [...path, spec.name];
        if (spec.array) return <ArrayField key={spec.name} spec={spec} array={spec.array} path={fieldPath} />;
        if (spec.fields) return <GroupField key={spec.name} spec={spec} fields={spec.fields} path={fieldPath} />;
        return <StreamingFormField key={spec.name} spec={spec} path={fieldPath} />;
      })}
    </>
  );
}

const fieldsetClass = 'flex min-w-0 flex-col gap-3 rounded-xl border border-sk-border p-3 pt-2 data-[state=writing]:border-sk-accent/40';
const legendClass = 'px-1 text-sm font-semibold text-sk-foreground';
// A list draws no box of its own: its rows do, and a box around boxes would nest one border too many.
const listClass = 'flex min-w-0 flex-col gap-3';
const listLegendClass = 'mb-2 text-sm font-semibold text-sk-foreground';

// Rows of short values (a time and a name, a quantity and an item) sit side by side when they fit.
function isCompact(fields: FieldSpec[]): boolean {
  return fields.every((field) => !field.fields && !field.array && field.kind !== 'textarea');
}

function Description({ text }: { text: string | undefined }) {
  return text ? <p className="-mt-1 text-xs text-sk-muted-foreground">{text}</p> : null;
}

function GroupField({ spec, fields, path }: { spec: FieldSpec; fields: FieldSpec[]; path: JSONPath }) {
  const form = useStreamingForm('StreamingFormFields');
  const state = getFieldState(path, form.stateInput);
  return (
    <fieldset data-slot="streaming-form-group" data-state={state} aria-busy={state === 'writing' || undefined} className={fieldsetClass}>
      <legend className={legendClass}>{fieldLabel(spec)}</legend>
      <Description text={spec.description} />
      <StreamingFormFields fields={fields} path={path} />
    </fieldset>
  );
}

function ArrayField({ spec, array, path }: { spec: FieldSpec; array: ArraySpec; path: JSONPath }) {
  const form = useStreamingForm('StreamingFormFields');
  const state = getFieldState(path, form.stateInput);
  const editable = state === 'editable';
  const list = getAt(form.value, path);
  const items: unknown[] = Array.isArray(list) ? list : [];
  const { of } = array;
  // The next row is on its way: show where it will land, but only until the first one arrives.
  const awaitingRows = state === 'pending' || (state === 'writing' && items.length === 0);

  function add() {
    form.edit([...path, items.length], typeof of === 'string' ? (of === 'boolean' ? false : of === 'number' ? undefined : '') : {});
  }

  return (
    <fieldset data-slot="streaming-form-array" data-state={state} data-count={items.length} aria-busy={state === 'writing' || undefined} className={listClass}>
      <legend className={listLegendClass}>{fieldLabel(spec)}</legend>
      <Description text={spec.description} />
      {items.map((_, index) => {
        const itemPath = [...path, index];
        const label = itemLabel(spec, index);
        const remove = () => form.remove(itemPath);
        if (typeof of === 'string') {
          const itemSpec: FieldSpec = { name: String(index), kind: of, options: spec.options, required: spec.required };
          return <StreamingFormField key={index} spec={itemSpec} path={itemPath} label={label} onRemove={remove} />;
        }
        return <ArrayRow key={index} fields={of} path={itemPath} label={label} onRemove={remove} />;
      })}
      {awaitingRows ? (
        <div aria-hidden="true" data-slot="streaming-form-skeleton" className="flex flex-col gap-2 py-1">
          <div className="h-3 w-1/4 animate-pulse rounded bg-sk-muted motion-reduce:animate-none" />
          <div className="h-9 animate-pulse rounded-lg bg-sk-muted motion-reduce:animate-none" />
        </div>
      ) : null}
      {!editable && !awaitingRows && items.length === 0 ? <p className="text-sm text-sk-muted-foreground">None</p> : null}
      {editable ? (
        <button type="button" onClick={add} className={addButtonClass}>
          <PlusIcon />
          Add {lowerFirst(singular(fieldLabel(spec)))}
        </button>
      ) : null}
    </fieldset>
  );
}

function ArrayRow({ fields, path, label, onRemove }: { fields: FieldSpec[]; path: JSONPath; label: string; onRemove: () => void }) {
  const form = useStreamingForm('StreamingFormFields');
  const state = getFieldState(path, form.stateInput);
  return (
    <fieldset
      data-slot="streaming-form-row"
      data-state={state}
      aria-busy={state === 'writing' || undefined}
      className={cn(fieldsetClass, 'relative rounded-lg bg-sk-muted/30')}
    >
      <legend className={legendClass}>{label}</legend>
      {state === 'editable' ? (
        <button type="button" aria-label={`Remove ${label}`} onClick={onRemove} className={cn(removeButtonClass, 'absolute top-1 right-1')}>
          <RemoveIcon />
        </button>
      ) : null}
      {isCompact(fields) ? (
        <div className="grid grid-cols-[repeat(auto-fit,minmax(9rem,1fr))] gap-3">
          <StreamingFormFields fields={fields} path={path} />
        </div>
      ) : (
        <StreamingFormFields fields={fields} path={path} />
      )}
    </fieldset>
  );
}

const addButtonClass =
  'inline-flex h-8 w-fit items-center gap-1.5 rounded-lg border border-dashed border-sk-border px-3 text-sm text-sk-muted-foreground outline-none hover:bg-sk-muted hover:text-sk-foreground focus-visible:ring-2 focus-visible:ring-sk-ring';
