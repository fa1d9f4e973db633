import type { JSONPath } from '@streamkit/core';
import { fieldLabel, itemLabel, type FieldSpec } from './field-spec.ts';

/**
 * The labels leading to the field at `path` (`['Day 2', 'Title']`), or undefined unless the path names
 * a single field of the list. Groups, lists and rows are skipped on purpose: the parser passes through
 * them between fields, and announcing each would make a screen reader chatter.
 */
export function describeActivePath(fields: FieldSpec[], path: JSONPath): string[] | undefined {
  const labels: string[] = [];
  let list = fields;
  let i = 0;
  while (i < path.length) {
    const spec = list.find((field) => field.name === String(path[i]));
    if (!spec) return undefined;
    i += 1;
    if (spec.array) {
      const index = Number(path[i]);
      if (!Number.isInteger(index)) return undefined;
      labels.push(itemLabel(spec, index));
      i += 1;
      if (typeof spec.array.of === 'string') return i === path.length ? labels : undefined;
      list = spec.array.of;
    } else if (spec.fields) {
      labels.push(fieldLabel(spec));
      list = spec.fields;
    } else {
      labels.push(fieldLabel(spec));
      return i === path.length ? labels : undefined;
    }
  }
  return undefined;
}
