import { StreamkitError } from '../errors.ts';

/**
 * Awaits a module split off into a chunk of its own (`import()`), turning a failed load into a typed
 * `module/load-failed` error. Callers do not cache a failure, so the next use tries again.
 */
export async function loadModule<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new StreamkitError(
      'module/load-failed',
      `Could not load ${name}: ${reason}. Check that the app's script chunks are served (after a new deployment, reloading the page fixes it).`,
      { cause },
    );
  }
}
