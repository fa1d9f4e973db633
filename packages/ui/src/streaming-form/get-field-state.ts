import type { ChatStatus, JSONPath } from '@streamkit/core';
import { hasAt, startsWith } from './form-value.ts';

/**
 * - `pending`: nothing has arrived for the field yet (a skeleton).
 * - `writing`: the stream is writing inside it now (a caret).
 * - `complete`: its value arrived in full (a quiet check).
 * - `editable`: the stream is over — finished, stopped or failed — so it is a real input.
 */
export type FieldState = 'pending' | 'writing' | 'complete' | 'editable';

export interface FieldStateInput {
  /** The streamed object so far. */
  value: unknown;
  status: ChatStatus;
  /** The path being written (`ObjectSnapshot.activePath`). Default: none. */
  activePath?: JSONPath | undefined;
  /** Whether the value at a path is complete (`ObjectStore.isComplete`). Default: every present value not being written is complete. */
  isComplete?: ((path: JSONPath) => boolean) | undefined;
}

/**
 * The state of the field at `path`: the one source of truth for its skeleton, caret, check and input.
 * A group or a row is `writing` while anything inside it is.
 */
export function getFieldState(path: JSONPath, { value, status, activePath, isComplete }: FieldStateInput): FieldState {
  if (status === 'ready' || status === 'error') return 'editable';
  if (activePath !== undefined && startsWith(activePath, path)) return 'writing';
  if (!hasAt(value, path)) return 'pending';
  // A present value the parser has not closed is still being written, even if activePath lags behind.
  if (isComplete !== undefined && !isComplete(path)) return 'writing';
  return 'complete';
}
