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

/** An array index from a path segment (digits without a leading zero); `undefined` when the segment cannot name one. */
export function toArrayIndex(segment: string | number): number | undefined {
  if (typeof segment === 'number') return Number.isInteger(segment) && segment >= 0 ? segment : undefined;
  const length = segment.length;
  if (length === 0 || (length > 1 && segment.charCodeAt(0) === 0x30)) return undefined;
  for (let i = 0; i < length; i++) {
    const c = segment.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined;
  }
  return Number(segment);
}

/** Whether `path` (from its segment `from` on) names an existing member under `value`, looking only at own properties. */
export function hasPath(value: unknown, path: JSONPath, from = 0): boolean {
  let node = value;
  for (let depth = from; depth < path.length; depth++) {
    const segment = path[depth]!;
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
