import { failureSentence, inputString, lastCall, outputText, waitingSentence } from './tool-calls.ts';
import type { Scenario } from './types.ts';

// "12 * 7", "3.5 + 2", "10 / 4", "12 x 7": a minus or slash needs spaces, so "2-3 days" and dates are not sums.
const EXPRESSION = /\d+(?:\.\d+)?(?:\s*[+*×÷]\s*|\s+[-/x]\s+)\d+(?:\.\d+)?(?:(?:\s*[+*×÷]\s*|\s+[-/x]\s+)\d+(?:\.\d+)?)*/;

/** The first arithmetic expression in the text, with ×, ÷ and x written as *, / and *. */
export function expressionIn(text: string): string | undefined {
  return EXPRESSION.exec(text)?.[0]
    .replace(/\s*([+*×÷])\s*|\s+([-/x])\s+/g, (_, tight: string | undefined, spaced: string | undefined) => ` ${tight ?? spaced} `)
    .replace(/[×x]/g, '*')
    .replace(/÷/g, '/');
}

/** `calculator`: calls the client tool `calculator` with `{ expression }`, then states the result. */
export const calculatorScenario: Scenario = ({ prompt, calls }) => {
  const call = lastCall(calls, 'calculator');
  const expression = inputString(call, 'expression', expressionIn(prompt) ?? '12 * 7');
  if (!call) return { beats: [{ type: 'tool-call', toolName: 'calculator', input: { expression } }], finishReason: 'tool-calls' };
  const { outcome } = call;
  const text = !outcome
    ? waitingSentence('calculator')
    : outcome.state === 'output-available'
      ? `${expression} = ${outputText(outcome.output)}.`
      : failureSentence('calculator', outcome);
  return { beats: [{ type: 'text', text }], finishReason: 'stop' };
};
