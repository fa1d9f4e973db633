import { expressionIn } from './calculator.ts';

/** The chat scenarios of the scripted model; `text` is the plain answer every other prompt gets. */
export const chatScenarioNames = [
  'text',
  'reasoning',
  'weather',
  'calculator',
  'parallel',
  'approval',
  'multi-step',
  'citations',
  'server-tool',
] as const;

export type ChatScenarioName = (typeof chatScenarioNames)[number];

/**
 * Keywords of the last user message, case-insensitive, tried in this order (the first match wins, so
 * "compare the weather" is `parallel` and "search the web" is not `multi-step`'s "research").
 */
const KEYWORDS: [ChatScenarioName, RegExp][] = [
  ['server-tool', /\bsearch the web\b|\bslow tool\b/i],
  ['multi-step', /\bresearch|\bmulti-?\s?step\b/i],
  ['approval', /\bdelet|\bapproval\b/i],
  ['parallel', /\bcompar|\bparallel\b/i],
  ['weather', /\bweather\b/i],
  ['calculator', /\bcalculat/i],
  ['citations', /\bcit(?:e|es|ed|ing|ation|ations)\b|\bsources?\b/i],
  ['reasoning', /\bthink|\breason|\bstep by step\b/i],
];

/** The scenario a prompt asks for by its keywords (see `KEYWORDS`), an arithmetic expression meaning `calculator`. */
export function pickScenario(prompt: string): ChatScenarioName {
  for (const [name, pattern] of KEYWORDS) {
    if (pattern.test(prompt)) return name;
    // An expression ranks with "calculate": after the weather, before citations and reasoning.
    if (name === 'calculator' && expressionIn(prompt) !== undefined) return name;
  }
  return 'text';
}

export function isChatScenarioName(name: string): name is ChatScenarioName {
  return (chatScenarioNames as readonly string[]).includes(name);
}
