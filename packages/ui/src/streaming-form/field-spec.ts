/** How a field is edited once the stream ends; while it streams every kind shows as text. */
export type FieldKind = 'text' | 'textarea' | 'number' | 'email' | 'url' | 'date' | 'boolean' | 'select';

/** A list of values: rows of fields (itinerary days, line items) or plain values of one kind (tags). */
export interface ArraySpec {
  /** The fields of each row, or the kind of each value. */
  of: FieldSpec[] | FieldKind;
  /** The legend of row `index` (0-based). Default: the field's label made singular plus the 1-based number: "Day 2". */
  itemLabel?: (index: number) => string;
}

/**
 * One field of a `StreamingForm`: where its value lives in the object and how it shows. Plain data, so
 * a list can be written by hand or built from a JSON Schema with `fieldsFromJSONSchema`.
 */
export interface FieldSpec {
  /** The key of the value in its parent object. */
  name: string;
  /** The visible label. Default: `name` as words ("startDate" → "Start date"). */
  label?: string;
  /** Help text shown under the field and tied to its input. Default: none. */
  description?: string;
  /** The input used when the form becomes editable. Default: `'text'` (ignored with `fields` or `array`). */
  kind?: FieldKind;
  /** The choices of a `select` (and of each value of a `select` array). Default: none. */
  options?: string[];
  /** The input must be filled before the form submits (checkboxes excepted). Default: `false`. */
  required?: boolean;
  /** A nested object, rendered as a group with a legend. */
  fields?: FieldSpec[];
  /** A list that grows row by row as the stream adds to it. */
  array?: ArraySpec;
}

/** "startDate" / "start_date" / "start-date" → "Start date". */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function fieldLabel(spec: FieldSpec): string {
  return spec.label ?? humanize(spec.name);
}

// English plurals only, the common shapes of list names: "Days", "Activities", "Addresses", "Line items".
export function singular(label: string): string {
  if (/[^aeiou]ies$/i.test(label)) return `${label.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/i.test(label)) return label.slice(0, -2);
  if (/[^s]s$/i.test(label)) return label.slice(0, -1);
  return label;
}

export function itemLabel(spec: FieldSpec, index: number): string {
  return spec.array?.itemLabel?.(index) ?? `${singular(fieldLabel(spec))} ${index + 1}`;
}

/** "Day" → "day" for running text, but "URL" stays "URL". */
export function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
