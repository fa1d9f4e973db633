import { createContext, useContext } from 'react';
import type { JSONPath } from '@streamkit/core';
import type { FieldStateInput } from './get-field-state.ts';

export interface StreamingFormContextValue {
  /** What the fields show: the streamed object, or the user's draft once editable. */
  value: unknown;
  stateInput: FieldStateInput;
  edit(path: JSONPath, next: unknown): void;
  /** Removes the array item at `path`. */
  remove(path: JSONPath): void;
}

export const StreamingFormContext = createContext<StreamingFormContextValue | null>(null);

export function useStreamingForm(part: string): StreamingFormContextValue {
  const context = useContext(StreamingFormContext);
  if (!context) throw new Error(`\`${part}\` must be used within \`StreamingForm\``);
  return context;
}
