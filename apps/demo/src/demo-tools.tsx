import type { ReactChatTool } from '@streamkit/react';
import type { ToolCallPart } from '@streamkit/core';

interface WeatherInput {
  city: string;
}

interface WeatherOutput {
  city: string;
  celsius: number;
  sky: string;
}

const skies = ['clear', 'cloudy', 'rainy', 'windy', 'foggy'];

/** A deterministic stand-in for a weather API: the same city always gets the same weather. */
function fakeWeather(city: string): WeatherOutput {
  let hash = 0;
  for (const char of city.toLowerCase()) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return { city, celsius: (hash % 30) - 5, sky: skies[hash % skies.length]! };
}

function WeatherCard({ part }: { part: ToolCallPart }) {
  const input = part.input as Partial<WeatherInput> | undefined;
  const output = part.output as WeatherOutput | undefined;
  return (
    <div data-slot="weather-card" className="flex items-center gap-4 rounded-xl border border-sk-border bg-sk-surface p-4 text-sm">
      <span aria-hidden className="text-3xl">
        {output ? (output.sky === 'clear' ? '☀️' : output.sky === 'rainy' ? '🌧️' : '☁️') : '⏳'}
      </span>
      <div>
        <div className="font-medium">{input?.city ?? '…'}</div>
        <div className="text-sk-muted-foreground">{output ? `${output.celsius} °C, ${output.sky}` : 'Checking the weather…'}</div>
      </div>
    </div>
  );
}

/**
 * Arithmetic only (+ - * / and parentheses), by a small recursive-descent evaluator: the
 * expression comes from the model, so nothing here may evaluate code.
 */
export function calculate(expression: string): number {
  const tokens = expression.match(/\d+(?:\.\d+)?|[-+*/()]|\S/g) ?? [];
  let index = 0;
  const peek = () => tokens[index];
  const take = () => tokens[index++];
  const fail = (): never => {
    throw new Error(`Only arithmetic is supported: cannot read "${expression}".`);
  };
  const primary = (): number => {
    const token = take();
    if (token === '(') {
      const value = sum();
      if (take() !== ')') fail();
      return value;
    }
    if (token === '-') return -primary();
    if (token !== undefined && /^\d/.test(token)) return Number(token);
    return fail();
  };
  const product = (): number => {
    let value = primary();
    while (peek() === '*' || peek() === '/') value = take() === '*' ? value * primary() : value / primary();
    return value;
  };
  const sum = (): number => {
    let value = product();
    while (peek() === '+' || peek() === '-') value = take() === '+' ? value + product() : value - product();
    return value;
  };
  const result = sum();
  if (index !== tokens.length || !Number.isFinite(result)) fail();
  return result;
}

/** The tools the demo runs in the browser. Defined at module scope so their identities stay stable. */
export const demoTools: Record<string, ReactChatTool<never, unknown>> = {
  weather: {
    description: 'Current weather for a city',
    execute: async (input: WeatherInput) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      return fakeWeather(input.city);
    },
    render: WeatherCard,
  },
  calculator: {
    description: 'Evaluates an arithmetic expression',
    execute: (input: { expression: string }) => ({ expression: input.expression, result: calculate(input.expression) }),
  },
  search: {
    description: 'Searches a small built-in index',
    execute: (input: { query: string }) => ({ query: input.query, results: [`${input.query}: overview`, `${input.query}: history`] }),
  },
  deleteFile: {
    description: 'Deletes a file (asks first)',
    needsApproval: true,
    execute: (input: { path: string }) => ({ deleted: input.path }),
  },
};
