import { randomInt, seededRandom } from './seeded-random.ts';

/** Anything that can be cut into pieces: a string or bytes. */
interface Sliceable<T> {
  readonly length: number;
  slice(start: number, end: number): T;
}

/** Cuts `input` into pieces of `size` (the last one may be shorter). */
export function splitEvery<T extends Sliceable<T>>(input: T, size: number): T[] {
  const pieces: T[] = [];
  for (let at = 0; at < input.length; at += size) pieces.push(input.slice(at, at + size));
  return pieces;
}

/**
 * Cuts `input` into pieces of random length in [min, max], the same for a given seed. Bytes are
 * copied (`slice`), as network reads are separate buffers.
 */
export function splitRandom<T extends Sliceable<T>>(input: T, min: number, max: number, seed = 1): T[] {
  const random = seededRandom(seed);
  const pieces: T[] = [];
  for (let at = 0; at < input.length; ) {
    const size = randomInt(random, min, max);
    pieces.push(input.slice(at, at + size));
    at += size;
  }
  return pieces;
}
