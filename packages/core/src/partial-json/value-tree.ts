import { hasPath, toArrayIndex, type JSONPath } from './json-path.ts';

type Container = unknown[] | Record<string, unknown>;

/** One open array or object: the containers that can still change. */
interface Frame {
  /** The container being built. Never handed out while open, so it can grow in place. */
  live: Container;
  /** The copy of `live` that `snapshot()` handed out last; `undefined` before the first. */
  shown: Container | undefined;
  isArray: boolean;
  /** Keys written to an object (a repeated key may count twice): picks the site that copies it, see `copyObject`. */
  members: number;
  /** Where the member being written goes: its index, or its key. */
  slot: number | string;
  /** Nothing was written to `slot` yet. */
  fresh: boolean;
  /** The last complete key of an object, waiting for its value to begin. */
  key: string;
  /** Offset of the opening bracket, for error messages. */
  position: number;
}

/**
 * The value being built, with structural sharing.
 *
 * Closed values never change again, so only the open containers (the stack) can. Each open container is
 * built in place and never handed out; `snapshot()` hands out a shallow copy of each one that changed since
 * the last snapshot, holding the copy of its open child. So each snapshot has a new identity for every
 * container that changed below it and keeps the identity of everything else (React memoization relies on
 * that), and values handed out are never mutated. A container that closes becomes its final value: the
 * container itself when it changed after the last snapshot, else the copy already handed out.
 *
 * Cost: a change is O(1). A snapshot after a change copies each open container on the path from the root
 * to the change once: O(depth) copies, each O(width) of its container. That is inherent to handing out
 * immutable plain arrays and objects: a snapshot per chunk of a 10,000-member array copies that array each
 * time. Reading `snapshot()` again without a change costs O(1) and returns the same value.
 */
export class ValueTree {
  private readonly stack: Frame[] = [];
  private top: Frame | undefined = undefined;
  private root: unknown = undefined;
  /** Frames 0..dirtyDepth changed since the last snapshot (or were never shown). */
  private dirtyDepth = -1;

  get depth(): number {
    return this.stack.length;
  }

  get topIsArray(): boolean {
    return this.openTop().isArray;
  }

  get topPosition(): number {
    return this.openTop().position;
  }

  /** A value begins in the top container (or at the root): later `set` calls write there. */
  beginValue(): void {
    const frame = this.top;
    if (frame === undefined) return;
    frame.slot = frame.isArray ? (frame.live as unknown[]).length : frame.key;
    frame.fresh = true;
  }

  setKey(key: string): void {
    this.openTop().key = key;
  }

  /** Writes the value that began last: adds it, or replaces the growing string shown there. */
  set(value: unknown): void {
    const frame = this.top;
    if (frame === undefined) {
      this.root = value;
      return;
    }
    setMember(frame.live, frame.slot, value);
    if (frame.fresh) {
      frame.fresh = false;
      frame.members++;
    }
    this.dirtyDepth = this.stack.length - 1;
  }

  open(isArray: boolean, position: number): void {
    const live: Container = isArray ? [] : {};
    this.set(live);
    const frame: Frame = { live, shown: undefined, isArray, members: 0, slot: 0, fresh: false, key: '', position };
    this.stack.push(frame);
    this.top = frame;
    this.dirtyDepth = this.stack.length - 1;
  }

  close(): void {
    const frame = this.stack.pop();
    if (frame === undefined) return;
    const depth = this.stack.length;
    // A container that was never shown is dirty too (open() marks it).
    const changed = this.dirtyDepth >= depth;
    const final = changed ? frame.live : frame.shown;
    const parent = this.stack[depth - 1];
    this.top = parent;
    if (parent === undefined) {
      this.root = final;
      this.dirtyDepth = -1;
    } else if (changed) {
      // The parent holds an older copy (or this container, when never shown): put the final one in.
      setMember(parent.live, parent.slot, final);
      this.dirtyDepth = depth - 1;
    }
  }

  snapshot(): unknown {
    const dirty = this.dirtyDepth;
    if (dirty < 0) return this.root;
    const stack = this.stack;
    let child: Container | undefined;
    for (let depth = dirty; depth >= 0; depth--) {
      const frame = stack[depth]!;
      if (child !== undefined) setMember(frame.live, frame.slot, child);
      child = frame.isArray ? (frame.live as unknown[]).slice() : copyObject(frame.live, frame.members);
      frame.shown = child;
    }
    this.dirtyDepth = -1;
    this.root = child;
    return child;
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
      return hasPath(frame.live, path, depth);
    }
    return false;
  }

  private openTop(): Frame {
    const frame = this.top;
    if (frame === undefined) throw new Error('ValueTree: no open container');
    return frame;
  }
}

function setMember(container: Container, slot: number | string, value: unknown): void {
  if (typeof slot === 'number') {
    (container as unknown[])[slot] = value;
  } else if (slot === '__proto__') {
    // Like JSON.parse: a "__proto__" key becomes an own property instead of replacing the prototype.
    Object.defineProperty(container, slot, { value, writable: true, enumerable: true, configurable: true });
  } else {
    (container as Record<string, unknown>)[slot] = value;
  }
}

/**
 * Copies an object with one object-spread site per member count. V8 keeps a fast copy per spread site for
 * up to four hidden classes and falls back to a generic copy, several times slower, beyond that; a single
 * site would see every prefix of every object shape in the document. Objects with the same number of
 * members mostly share a few hidden classes (an LLM repeats the same keys in the same order), so each site
 * stays fast. Spread (not Object.assign) copies an own "__proto__" key as data, like JSON.parse created it.
 */
function copyObject(o: object, members: number): Record<string, unknown> {
  switch (members) {
    case 0: return { ...o };
    case 1: return { ...o };
    case 2: return { ...o };
    case 3: return { ...o };
    case 4: return { ...o };
    case 5: return { ...o };
    case 6: return { ...o };
    case 7: return { ...o };
    case 8: return { ...o };
    case 9: return { ...o };
    case 10: return { ...o };
    case 11: return { ...o };
    case 12: return { ...o };
    default: return { ...o };
  }
}
