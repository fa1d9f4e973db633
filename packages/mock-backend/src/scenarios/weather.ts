import { placesIn } from './places.ts';
import { failureSentence, inputString, lastCall, waitingSentence } from './tool-calls.ts';
import type { PastToolCall, Scenario } from './types.ts';

const numberField = (output: Record<string, unknown>, keys: string[]) =>
  keys.map((key) => output[key]).find((value): value is number => typeof value === 'number');
const stringField = (output: Record<string, unknown>, keys: string[]) =>
  keys.map((key) => output[key]).find((value): value is string => typeof value === 'string' && value !== '');

/** "It is 4 °C and cloudy in Oslo." from the fields a weather tool is likely to return. */
function conditions(output: unknown, city: string): string {
  const fields = typeof output === 'object' && output !== null ? (output as Record<string, unknown>) : {};
  const celsius = numberField(fields, ['celsius', 'temperature', 'temp', 'tempC']);
  const sky = stringField(fields, ['sky', 'condition', 'conditions', 'description', 'summary']);
  if (celsius === undefined && sky === undefined) return `The weather tool says ${JSON.stringify(output)} for ${city}.`;
  const described = [celsius === undefined ? undefined : `${celsius} °C`, sky].filter(Boolean).join(' and ');
  return `It is ${described} in ${city}.`;
}

/** What to say about one weather call once the client answered it. */
export function weatherSentence(call: PastToolCall): string {
  const city = inputString(call, 'city', 'that city');
  if (!call.outcome) return waitingSentence('weather');
  if (call.outcome.state === 'output-available') return conditions(call.outcome.output, city);
  return `${failureSentence('weather', call.outcome)} I could not get the weather for ${city}.`;
}

/** The city a weather prompt asks about; Oslo when it names none. */
function cityOf(prompt: string): string {
  return placesIn(prompt)[0] ?? 'Oslo';
}

/** `weather`: calls the client tool `weather` with `{ city }`, then reports its result. */
export const weatherScenario: Scenario = ({ prompt, calls }) => {
  const call = lastCall(calls, 'weather');
  if (!call) return { beats: [{ type: 'tool-call', toolName: 'weather', input: { city: cityOf(prompt) } }], finishReason: 'tool-calls' };
  return { beats: [{ type: 'text', text: weatherSentence(call) }], finishReason: 'stop' };
};
