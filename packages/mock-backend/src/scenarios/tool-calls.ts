import type { PastToolCall, ToolOutcome } from './types.ts';

/** The most recent call of `toolName` in this turn, if the scenario already made one. */
export function lastCall(calls: PastToolCall[], toolName: string): PastToolCall | undefined {
  return calls.findLast((call) => call.toolName === toolName);
}

/** The call's input field `key` when it is a string, else `fallback`. */
export function inputString(call: PastToolCall | undefined, key: string, fallback: string): string {
  const input = call?.input;
  const value = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : fallback;
}

/** What a tool returned, as text for a sentence: a string or number as is, anything else as JSON. */
export function outputText(output: unknown): string {
  if (typeof output === 'string' || typeof output === 'number') return String(output);
  if (typeof output === 'object' && output !== null) {
    const { result, value } = output as Record<string, unknown>;
    if (typeof result === 'string' || typeof result === 'number') return String(result);
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return JSON.stringify(output) ?? 'nothing';
}

/** The sentence for an outcome that is not a result: the tool failed (its error quoted) or the user declined it. */
export function failureSentence(toolName: string, outcome: Exclude<ToolOutcome, { state: 'output-available' }>): string {
  return outcome.state === 'output-error'
    ? `Sorry, the ${toolName} tool failed: “${outcome.errorText}”.`
    : `Understood: you declined the ${toolName} tool, so I did not use it.`;
}

/** Said when a follow-up request carries the call but not yet its outcome. */
export function waitingSentence(toolName: string): string {
  return `I am still waiting for the result of the ${toolName} tool.`;
}
