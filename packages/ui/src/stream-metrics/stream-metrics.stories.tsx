import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { emptyMetrics, finishedMetrics } from '../fixtures/stream-metrics.ts';
import { StreamMetrics } from './stream-metrics.tsx';

const empty = emptyMetrics;
const finished = finishedMetrics();

const meta = {
  title: 'UI/StreamMetrics',
  component: StreamMetrics,
  args: { metrics: finished, locale: 'en-US' },
  decorators: [
    (Story) => (
      <div className="mx-auto max-w-3xl">
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof StreamMetrics>;

export default meta;
type Story = StoryObj<typeof meta>;

const definitions = (canvasElement: HTMLElement) =>
  within(canvasElement)
    .getAllByRole('definition')
    .map((element) => element.textContent);

export const Streaming: Story = {
  args: { metrics: { ...empty, ttftMs: 287, itlP50Ms: 21, tokens: 14, bytes: 1_840 } },
  play: async ({ canvasElement }) => {
    await expect(definitions(canvasElement)).toEqual(['287 ms', '21 / — ms', '—', '14', '1.8 kB']);
  },
};

export const Finished: Story = {
  play: async ({ canvasElement }) => {
    await expect(definitions(canvasElement)).toEqual(['312 ms', '18 / 41 ms', '52 tok/s', '523', '48.2 kB']);
  },
};

export const WithReconnects: Story = {
  args: { metrics: { ...finished, reconnects: 2, bytes: 1_250_000 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Reconnects')).toBeVisible();
    await expect(canvas.getByText('1.3 MB')).toBeVisible();
  },
};

export const Compact: Story = {
  args: { compact: true },
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector('[data-slot="stream-metrics"]');
    await expect(list).toHaveAttribute('data-compact', 'true');
    // One line: every item shares the first item's top edge.
    const tops = [...canvasElement.querySelectorAll('[data-slot="stream-metrics-item"]')].map((item) => item.getBoundingClientRect().top);
    await expect(new Set(tops).size).toBe(1);
  },
};

export const Empty: Story = {
  args: { metrics: empty },
  play: async ({ canvasElement }) => {
    await expect(definitions(canvasElement)).toEqual(['—', '—', '—']);
  },
};

export const Dark: Story = {
  args: { metrics: { ...finished, reconnects: 1 } },
  globals: { theme: 'dark' },
  decorators: [
    (Story) => (
      <div className="flex flex-col gap-6">
        <Story />
        <StreamMetrics metrics={{ ...finished, reconnects: 1 }} compact locale="en-US" />
      </div>
    ),
  ],
};
