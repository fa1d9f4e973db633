import { placesIn } from './places.ts';
import type { Scenario } from './types.ts';
import { weatherSentence } from './weather.ts';

const FALLBACK_CITIES = ['Oslo', 'Paris', 'Bergen'];

/** The first two cities the prompt names, filled up from Oslo and Paris. */
function twoCities(prompt: string): [string, string] {
  const cities = [...placesIn(prompt), ...FALLBACK_CITIES].filter((city, index, all) => all.indexOf(city) === index);
  return [cities[0]!, cities[1]!];
}

/** `parallel`: two `weather` calls in one step, then one answer that uses both results. */
export const parallelScenario: Scenario = ({ prompt, calls }) => {
  const weatherCalls = calls.filter((call) => call.toolName === 'weather');
  if (weatherCalls.length < 2) {
    return {
      beats: twoCities(prompt).map((city) => ({ type: 'tool-call' as const, toolName: 'weather', input: { city } })),
      finishReason: 'tool-calls',
    };
  }
  const text = ['Here is the comparison.', ...weatherCalls.slice(-2).map(weatherSentence)].join(' ');
  return { beats: [{ type: 'text', text }], finishReason: 'stop' };
};
