import { subjectOf } from './subject.ts';
import { expressionIn } from './calculator.ts';
import { failureSentence, inputString, lastCall, outputText, waitingSentence } from './tool-calls.ts';
import type { Scenario } from './types.ts';

function resultCount(output: unknown): number | undefined {
  const results = Array.isArray(output) ? output : (output as { results?: unknown } | null)?.results;
  return Array.isArray(results) ? results.length : undefined;
}

/**
 * `multi-step`: tool → text → tool → text over three requests. First it calls the client tool `search`
 * with `{ query }`; given the results, it says a short sentence and calls `calculator`; given that
 * result, it writes the final answer. A failed or declined call ends the plan with an explanation.
 */
export const multiStepScenario: Scenario = ({ prompt, calls }) => {
  const topic = subjectOf(prompt);
  const search = lastCall(calls, 'search');
  if (!search) return { beats: [{ type: 'tool-call', toolName: 'search', input: { query: topic } }], finishReason: 'tool-calls' };
  if (!search.outcome) return { beats: [{ type: 'text', text: waitingSentence('search') }], finishReason: 'stop' };
  if (search.outcome.state !== 'output-available') {
    return { beats: [{ type: 'text', text: `${failureSentence('search', search.outcome)} I cannot research ${topic} without it.` }], finishReason: 'stop' };
  }

  const calculator = lastCall(calls, 'calculator');
  const expression = inputString(calculator, 'expression', expressionIn(prompt) ?? '365 * 24');
  if (!calculator) {
    const found = resultCount(search.outcome.output);
    const text = `I found ${found === undefined ? 'some' : found} results about ${topic}. Let me check one number before I answer.`;
    return { beats: [{ type: 'text', text }, { type: 'tool-call', toolName: 'calculator', input: { expression } }], finishReason: 'tool-calls' };
  }
  if (!calculator.outcome) return { beats: [{ type: 'text', text: waitingSentence('calculator') }], finishReason: 'stop' };
  const figure =
    calculator.outcome.state === 'output-available'
      ? `the calculation gives ${expression} = ${outputText(calculator.outcome.output)}`
      : `the calculation did not work out (${failureSentence('calculator', calculator.outcome)})`;
  const text = `Here is what I found about ${topic}. The search results agree on the main points, and ${figure}. That completes the research.`;
  return { beats: [{ type: 'text', text }], finishReason: 'stop' };
};
