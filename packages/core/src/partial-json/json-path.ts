/** The location of a value inside a JSON document: object keys and array indices, outermost first. */
export type JSONPath = readonly (string | number)[];

/**
 * Accepts a `JSONPath` or a dot string (`'days.0.title'`; `''` is the root).
 * A dot string cannot name a key that contains a dot: pass an array for those.
 */
export function toJSONPath(path: JSONPath | string): JSONPath {
  if (typeof path !== 'string') return path;
  return path === '' ? [] : path.split('.');
}

const canonicalIndex = /^(?:0|[1-9][0-9]*)$/;

/** An array index from a path segment; `undefined` when the segment cannot name one. */
export function toArrayIndex(segment: string | number): number | undefined {
  if (typeof segment === 'number') return Number.isInteger(segment) && segment >= 0 ? segment : undefined;
  return canonicalIndex.test(segment) ? Number(segment) : undefined;
}

/** Whether `path` names an existing member under `value`, looking only at own properties. */
export function hasPath(value: unknown, path: JSONPath): boolean {
  let node = value;
  for (const segment of path) {
    if (Array.isArray(node)) {
      const index = toArrayIndex(segment);
      if (index === undefined || index >= node.length) return false;
      node = node[index];
    } else if (typeof node === 'object' && node !== null) {
      const key = String(segment);
      if (!Object.hasOwn(node, key)) return false;
      node = (node as Record<string, unknown>)[key];
    } else {
      return false;
    }
  }
  return true;
}
