import { hasPath, toArrayIndex, type JSONPath } from './json-path.ts';

type Container = unknown[] | Record<string, unknown>;

/** One open array or object: the containers that can still change. */
interface Frame {
  container: Container;
  isArray: boolean;
  /** The container has been handed out by `snapshot()`, so it must be copied before the next change. */
  published: boolean;
  /** Where the member being written goes: its index, or its key. */
  slot: number | string;
  /** The last complete key of an object, waiting for its value to begin. */
  key: string;
  /** Offset of the opening bracket, for error messages. */
  position: number;
}

/**
 * The value being built, with structural sharing.
 *
 * Closed values never change again, so only the open containers (the stack) can. A snapshot hands them
 * out and marks them published; the first change after that copies the container (copy-on-write), and the
 * next snapshot re-links the copies into their parents. So each snapshot has a new identity for every
 * container that changed below it and keeps the identity of everything else (React memoization relies
 * on that), and old snapshots are never mutated.
 *
 * Cost: a change is O(1) plus, once per snapshot, one shallow copy of each open container that changed.
 * That is O(depth) copies per snapshot, each O(width) of its container; cheap for documents whose open
 * containers are small (LLM output), but a snapshot per chunk of a 10,000-member array copies that array
 * each time. Reading `snapshot()` again without a change costs O(1) and returns the same value.
 */
export class ValueTree {
  private readonly stack: Frame[] = [];
  private root: unknown = undefined;
  /** Frames 0..dirtyDepth changed since the last snapshot; frames above it are published and linked. */
  private dirtyDepth = -1;

  get depth(): number {
    return this.stack.length;
  }

  get topIsArray(): boolean {
    return this.top().isArray;
  }

  get topPosition(): number {
    return this.top().position;
  }

  /** A value begins in the top container (or at the root): later `add` and `set` calls write there. */
  beginValue(): void {
    const frame = this.stack[this.stack.length - 1];
    if (frame) frame.slot = frame.isArray ? (frame.container as unknown[]).length : frame.key;
  }

  setKey(key: string): void {
    this.top().key = key;
  }

  /** Writes the value that began last: adds it, or replaces the growing string shown there. */
  set(value: unknown): void {
    const depth = this.stack.length - 1;
    if (depth < 0) {
      this.root = value;
      return;
    }
    const frame = this.writable(depth);
    setMember(frame, value);
    this.dirtyDepth = depth;
  }

  open(isArray: boolean, position: number): void {
    const container: Container = isArray ? [] : {};
    this.set(container);
    this.stack.push({ container, isArray, published: false, slot: 0, key: '', position });
    this.dirtyDepth = this.stack.length - 1;
  }

  close(): void {
    const frame = this.stack.pop();
    if (!frame) return;
    const depth = this.stack.length;
    if (depth === 0) {
      this.root = frame.container;
      this.dirtyDepth = -1;
    } else if (this.dirtyDepth >= depth) {
      // The parent may still hold an older copy of this container: link the final one in.
      setMember(this.writable(depth - 1), frame.container);
      this.dirtyDepth = depth - 1;
    }
  }

  snapshot(): unknown {
    const dirty = this.dirtyDepth;
    if (dirty < 0) return this.root;
    for (let depth = dirty; depth >= 0; depth--) {
      if (depth < dirty) setMember(this.writable(depth), this.stack[depth + 1]!.container);
      this.stack[depth]!.published = true;
    }
    this.dirtyDepth = -1;
    this.root = this.stack[0]!.container;
    return this.root;
  }

  /** The path of the deepest open value; `scalarOpen` says whether a scalar is being written in the top container. */
  activePath(scalarOpen: boolean): JSONPath {
    const count = scalarOpen ? this.stack.length : this.stack.length - 1;
    const path: (string | number)[] = [];
    for (let depth = 0; depth < count; depth++) path.push(this.stack[depth]!.slot);
    return path;
  }

  /**
   * Whether the value at `path` exists and is closed. The open values are exactly the ancestors on the
   * stack (plus a scalar being written in the top container), so every other existing member is complete.
   * `finished`: the whole document is complete.
   */
  isComplete(path: JSONPath, scalarOpen: boolean, finished: boolean): boolean {
    if (finished) return hasPath(this.root, path);
    const top = this.stack.length - 1;
    for (let depth = 0; depth < path.length && depth <= top; depth++) {
      const frame = this.stack[depth]!;
      const segment = path[depth]!;
      const key = frame.isArray ? toArrayIndex(segment) : String(segment);
      if (key === undefined) return false;
      if ((depth < top || scalarOpen) && key === frame.slot) {
        if (depth === top) return false;
        continue;
      }
      return hasPath(frame.container, path.slice(depth));
    }
    return false;
  }

  private top(): Frame {
    const frame = this.stack[this.stack.length - 1];
    if (!frame) throw new Error('ValueTree: no open container');
    return frame;
  }

  private writable(depth: number): Frame {
    const frame = this.stack[depth]!;
    if (frame.published) {
      // Spread (not Object.assign) copies an own "__proto__" key as data, like JSON.parse created it.
      frame.container = frame.isArray ? (frame.container as unknown[]).slice() : { ...frame.container };
      frame.published = false;
    }
    return frame;
  }
}

function setMember(frame: Frame, value: unknown): void {
  if (frame.isArray) {
    (frame.container as unknown[])[frame.slot as number] = value;
  } else {
    defineOwn(frame.container as Record<string, unknown>, frame.slot as string, value);
  }
}

/** Like JSON.parse: a "__proto__" key becomes an own property instead of replacing the prototype. */
function defineOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    object[key] = value;
  }
}
