import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// `tsx` runs without --expose-gc; the flag can still be set at run time, and a new context then
// sees `gc`. Collecting before each timed run keeps one contender's garbage off the next one's clock.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (() => void) | undefined;

/** Runs a full garbage collection (a no-op if the runtime does not allow it). */
export function collectGarbage(): void {
  gc?.();
}
