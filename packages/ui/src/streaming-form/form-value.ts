import type { JSONPath } from '@streamkit/core';

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

function child(node: unknown, segment: string | number): { found: boolean; value: unknown } {
  if (Array.isArray(node)) {
    const index = Number(segment);
    return Number.isInteger(index) && index >= 0 && index < node.length ? { found: true, value: node[index] } : { found: false, value: undefined };
  }
  // Own properties only: a model writing a "constructor" key must not reach Object.prototype.
  if (isContainer(node) && Object.hasOwn(node, String(segment))) return { found: true, value: (node as Record<string, unknown>)[String(segment)] };
  return { found: false, value: undefined };
}

/** The value at `path`, or undefined when the path does not exist. */
export function getAt(value: unknown, path: JSONPath): unknown {
  let node = value;
  for (const segment of path) node = child(node, segment).value;
  return node;
}

/** Whether `path` names an existing member (a streamed `null` counts: its token arrived). */
export function hasAt(value: unknown, path: JSONPath): boolean {
  let node = value;
  for (const segment of path) {
    const next = child(node, segment);
    if (!next.found) return false;
    node = next.value;
  }
  return true;
}

/**
 * A copy of `value` with `next` at `path`, copying only the containers along the path so untouched
 * rows keep their identity. Missing containers are created: an array for a number segment, else an object.
 */
export function setAt(value: unknown, path: JSONPath, next: unknown): unknown {
  const [segment, ...rest] = path;
  if (segment === undefined) return next;
  const node: Container = isContainer(value) ? value : typeof segment === 'number' ? [] : {};
  const copy: Container = Array.isArray(node) ? [...node] : { ...node };
  const current = child(node, segment).value;
  (copy as Record<string, unknown>)[String(segment)] = setAt(current, rest, next);
  return copy;
}

/** A copy of `value` without the array item at `path` (whose last segment is its index). */
export function removeAt(value: unknown, path: JSONPath): unknown {
  const index = path[path.length - 1];
  const list = getAt(value, path.slice(0, -1));
  if (typeof index !== 'number' || !Array.isArray(list)) return value;
  return setAt(value, path.slice(0, -1), list.filter((_, i) => i !== index));
}

/** Whether `prefix` is `path` or one of its ancestors. */
export function startsWith(path: JSONPath, prefix: JSONPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => String(segment) === String(path[i]));
}

/** A streamed value as text: the model may put a number where text was expected, or worse. */
export function valueToText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}
