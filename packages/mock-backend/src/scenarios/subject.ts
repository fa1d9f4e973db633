import { topicOf } from '../reply-text.ts';

// The words that choose a scenario are the request, not its subject ("Research the history of tea").
const COMMAND_WORDS =
  /\b(?:research|search(?: the web)?|look up|slow tool|cite|citations?|sources?|think(?:ing)?|reason(?:ing)?|step by step|multi-?\s?step|use|with)\b/gi;

/** The prompt without the words that chose its scenario: "Think step by step: why is the sky blue?" → ": why is the sky blue?". */
export function withoutCommandWords(prompt: string): string {
  return prompt.replace(COMMAND_WORDS, ' ');
}

/** The subject of a scenario prompt: its topic once the command words are gone ("Search the web for SSE" → "SSE"). */
export function subjectOf(prompt: string): string {
  return topicOf(withoutCommandWords(prompt));
}
