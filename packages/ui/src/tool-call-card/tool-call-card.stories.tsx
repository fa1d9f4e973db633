import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import type { ToolCallPart } from '@streamkit/core';
import { messageWithParts } from '../fixtures/messages.ts';
import { Message } from '../message/message.tsx';
import { ToolCallCard, type ToolRenderer, type ToolRendererProps } from './tool-call-card.tsx';

function weatherCall(overrides: Partial<ToolCallPart>): ToolCallPart {
  return {
    type: 'tool-call',
    toolCallId: 'call_weather_1',
    toolName: 'get_weather',
    state: 'input-available',
    inputText: '{"city":"Paris","unit":"celsius"}',
    input: { city: 'Paris', unit: 'celsius' },
    ...overrides,
  };
}

const meta = {
  title: 'UI/ToolCallCard',
  component: ToolCallCard,
  args: { part: weatherCall({}), onApprove: fn(), onDeny: fn() },
  decorators: [
    (Story) => (
      <div className="mx-auto max-w-xl">
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ToolCallCard>;

export default meta;
type Story = StoryObj<typeof meta>;

function card(canvasElement: HTMLElement) {
  return within(canvasElement).getByRole('group', { name: 'Tool call: get_weather' });
}

export const InputStreaming: Story = {
  args: { part: weatherCall({ state: 'input-streaming', inputText: '{"city":"Par', input: { city: 'Par' } }) },
  play: async ({ canvasElement }) => {
    await expect(within(card(canvasElement)).getByText('Preparing…')).toBeVisible();
    await expect(card(canvasElement)).toHaveTextContent('"city": "Par"');
  },
};

export const InputStreamingRawText: Story = {
  args: { part: weatherCall({ state: 'input-streaming', inputText: '{"city": "Par', input: undefined }) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('{"city": "Par')).toBeVisible();
    await expect(card(canvasElement)).not.toHaveTextContent(/SyntaxError|Unexpected/);
  },
};

export const InputStreamingEmpty: Story = {
  args: { part: weatherCall({ state: 'input-streaming', inputText: '', input: undefined }) },
};

export const InputAvailable: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(card(canvasElement)).getByText('Queued')).toBeVisible();
  },
};

export const AwaitingApproval: Story = {
  args: { part: weatherCall({ state: 'awaiting-approval', approvalId: 'approval_1' }) },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Approve' }));
    await expect(args.onApprove).toHaveBeenCalledWith('call_weather_1');
    await userEvent.click(canvas.getByRole('button', { name: 'Deny' }));
    await expect(args.onDeny).toHaveBeenCalledWith('call_weather_1');
  },
};

export const Executing: Story = {
  args: { part: weatherCall({ state: 'executing' }), startedAt: Date.now() - 3000 },
  play: async ({ canvasElement }) => {
    await expect(within(card(canvasElement)).getByText(/^Running · \d+ s$/)).toBeVisible();
  },
};

export const OutputAvailable: Story = {
  args: {
    part: weatherCall({ state: 'output-available', output: { temperature: 21, unit: 'celsius', sky: 'clear', wind: { speedKmh: 12, direction: 'NW' } } }),
  },
  play: async ({ canvasElement }) => {
    await expect(within(card(canvasElement)).getByText('Done')).toBeVisible();
    await expect(card(canvasElement)).toHaveTextContent('"sky": "clear"');
  },
};

export const OutputLong: Story = {
  args: {
    part: weatherCall({
      state: 'output-available',
      output: Array.from({ length: 14 }, (_, i) => ({ day: i + 1, high: 18 + (i % 6), low: 9 + (i % 4), sky: i % 3 === 0 ? 'rain' : 'clear' })),
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const toggle = canvas.getByRole('button', { name: 'Show full result' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    await expect(canvas.getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
    await expect(card(canvasElement)).toHaveTextContent('"day": 14');
  },
};

export const OutputError: Story = {
  args: { part: weatherCall({ state: 'output-error', errorText: 'The weather service did not answer within 10 s.' }) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('The weather service did not answer within 10 s.')).toBeVisible();
    await expect(card(canvasElement)).toHaveAttribute('data-state', 'output-error');
  },
};

export const Denied: Story = {
  args: { part: weatherCall({ state: 'denied' }) },
  play: async ({ canvasElement }) => {
    await expect(within(card(canvasElement)).getByText('Denied')).toBeVisible();
  },
};

export const Dark: Story = {
  args: { part: weatherCall({ state: 'awaiting-approval' }) },
  globals: { theme: 'dark' },
  decorators: [
    (Story) => (
      <div className="flex flex-col gap-4">
        <Story />
        <ToolCallCard part={weatherCall({ state: 'output-error', errorText: 'Rate limited by the weather service.' })} />
      </div>
    ),
  ],
};

interface Weather {
  temperature: number;
  sky: 'clear' | 'clouds' | 'rain';
}

function isWeather(value: unknown): value is Weather {
  return typeof value === 'object' && value !== null && 'temperature' in value && 'sky' in value;
}

const skyLabels: Record<Weather['sky'], string> = { clear: '☀️ Clear', clouds: '☁️ Cloudy', rain: '🌧️ Rain' };

// A custom renderer: its own card once the result is in, the generic card for every other state.
function WeatherCard(props: ToolRendererProps) {
  const { part } = props;
  const city = typeof part.input === 'object' && part.input !== null && 'city' in part.input ? String(part.input.city) : '';
  if (part.state !== 'output-available' || !isWeather(part.output)) return <ToolCallCard {...props} />;
  return (
    <div
      role="group"
      aria-label={`Weather in ${city}`}
      className="flex w-64 items-center justify-between rounded-2xl bg-linear-to-br from-sky-500 to-indigo-600 p-4 text-white"
    >
      <div className="flex flex-col">
        <span className="text-sm opacity-90">{city}</span>
        <span className="text-4xl font-light tabular-nums">{part.output.temperature}°</span>
      </div>
      <span className="text-sm">{skyLabels[part.output.sky]}</span>
    </div>
  );
}

const toolRenderers: Record<string, ToolRenderer> = { get_weather: WeatherCard };

export const CustomWeatherRenderer: Story = {
  render: () => (
    <Message
      toolRenderers={toolRenderers}
      message={messageWithParts('a1', 'assistant', [
        weatherCall({ state: 'output-available', output: { temperature: 21, sky: 'clear' } }),
        { type: 'tool-call', toolCallId: 'call_2', toolName: 'search', state: 'input-available', inputText: '', input: { q: 'Paris events' } },
        { type: 'text', text: 'It is 21° and clear in Paris.', state: 'done' },
      ])}
    />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('group', { name: 'Weather in Paris' })).toHaveTextContent('21°');
    await expect(canvas.getByRole('group', { name: 'Tool call: search' })).toBeVisible();
  },
};
