import type { JSONValue, StreamPart } from '@streamkit/core';

/** What the client did with a tool call, as its next request says. */
export type ToolOutcome =
  | { state: 'output-available'; output: unknown }
  | { state: 'output-error'; errorText: string }
  | { state: 'output-denied' };

/** A tool call the assistant made earlier in this turn, with the client's outcome once it sent one. */
export interface PastToolCall {
  toolCallId: string;
  toolName: string;
  input: unknown;
  outcome?: ToolOutcome;
}

export interface ScenarioContext {
  /** The text of the last user message. */
  prompt: string;
  /** The tool calls since the last user message, oldest first: what the scenario already asked for. */
  calls: PastToolCall[];
}

type SourceFields = Omit<Extract<StreamPart, { type: 'source' }>, 'type' | 'id'>;

/** One thing the model says or does in a reply; `scenarioParts` turns beats into stream parts. */
export type Beat =
  | { type: 'reasoning'; text: string }
  /** Text; source `n` (1-based) goes out right after the token that completes `[n]`, or at the end when the text has no such marker. */
  | { type: 'text'; text: string; sources?: SourceFields[] }
  /** A call the client runs: input streamed in fragments, then complete. */
  | { type: 'tool-call'; toolName: string; input: JSONValue }
  /** A call the provider runs itself: input streamed, then a silence (the tool at work), then its output. */
  | { type: 'server-tool'; toolName: string; input: JSONValue; output: JSONValue };

/** One reply of a scenario: what it says in this step and why it stops. */
export interface ScenarioStep {
  beats: Beat[];
  /** `'tool-calls'` when the reply waits for the client's tool results. */
  finishReason: 'stop' | 'tool-calls';
}

/** A scripted conversation: from the prompt and the tool outcomes so far, the next reply. */
export type Scenario = (context: ScenarioContext) => ScenarioStep;
