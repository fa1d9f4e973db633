import { approvalScenario } from './approval.ts';
import { calculatorScenario } from './calculator.ts';
import { citationsScenario } from './citations.ts';
import { multiStepScenario } from './multi-step.ts';
import { parallelScenario } from './parallel.ts';
import type { ChatScenarioName } from './pick-scenario.ts';
import { reasoningScenario } from './reasoning.ts';
import { serverToolScenario } from './server-tool.ts';
import { textScenario } from './text.ts';
import type { Scenario } from './types.ts';
import { weatherScenario } from './weather.ts';

export const chatScenarios: Record<ChatScenarioName, Scenario> = {
  text: textScenario,
  reasoning: reasoningScenario,
  weather: weatherScenario,
  calculator: calculatorScenario,
  parallel: parallelScenario,
  approval: approvalScenario,
  'multi-step': multiStepScenario,
  citations: citationsScenario,
  'server-tool': serverToolScenario,
};
