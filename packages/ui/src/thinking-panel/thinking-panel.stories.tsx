import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ReasoningText } from './reasoning-text.tsx';
import { ThinkingPanel, ThinkingPanelContent, ThinkingPanelTrigger, type ThinkingPanelProps } from './thinking-panel.tsx';

const reasoning =
  'The user asks whether 9.11 is larger than 9.9.\nBoth numbers have the same integer part, so compare the decimals: 0.11 against 0.90.\n0.90 is larger, so 9.9 is the larger number.';

const longReasoning = Array.from(
  { length: 14 },
  (_, i) => `Step ${i + 1}: check the next constraint against what is known so far, note what it rules out, and carry the rest forward.`,
).join('\n\n');

function panel(text: string) {
  return (
    <>
      <ThinkingPanelTrigger />
      <ThinkingPanelContent>
        <ReasoningText text={text} />
      </ThinkingPanelContent>
    </>
  );
}

const meta = {
  title: 'UI/ThinkingPanel',
  component: ThinkingPanel,
  args: { children: panel(reasoning) },
  decorators: [
    (Story) => (
      <div className="mx-auto max-w-3xl">
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ThinkingPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Thinking: Story = {
  args: { streaming: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Thinking…' })).toHaveAttribute('aria-expanded', 'true');
    await expect(canvas.getByText(/Both numbers have the same integer part/)).toBeVisible();
  },
};

export const DoneCollapsed: Story = {
  args: { durationMs: 4000 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const trigger = canvas.getByRole('button', { name: 'Thought for 4 s' });
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
    await expect(canvas.getByText(/Both numbers/)).not.toBeVisible();
    await userEvent.click(trigger);
    await expect(trigger).toHaveAttribute('aria-expanded', 'true');
    await expect(canvas.getByText(/Both numbers/)).toBeVisible();
    await userEvent.keyboard('{Enter}');
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
  },
};

export const DoneOpen: Story = {
  args: { durationMs: 4000, defaultOpen: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(/Both numbers/)).toBeVisible();
  },
};

export const UnderASecond: Story = {
  args: { durationMs: 600 },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Thought for a few seconds' })).toBeVisible();
  },
};

export const Redacted: Story = {
  args: { redacted: true, children: panel('') },
  play: async ({ canvasElement }) => {
    const trigger = within(canvasElement).getByRole('button', { name: 'Thinking redacted by the provider' });
    await expect(trigger).toBeDisabled();
    await expect(trigger).not.toHaveAttribute('aria-expanded');
  },
};

export const LongScrolling: Story = {
  args: { streaming: true, children: panel(longReasoning) },
  play: async ({ canvasElement }) => {
    const content = within(canvasElement).getByRole('group', { name: 'Thinking…' });
    // Long reasoning scrolls inside the panel, following the newest text, and the page stays put.
    await expect(content.scrollHeight).toBeGreaterThan(content.clientHeight);
    await expect(content.scrollHeight - content.scrollTop - content.clientHeight).toBeLessThanOrEqual(1);
    await expect(window.scrollY).toBe(0);
  },
};

// Thinking ends while the story runs: the panel collapses to how long it took.
function LivePanel(props: ThinkingPanelProps) {
  const [streaming, setStreaming] = useState(true);
  return (
    <div className="flex flex-col items-start gap-4">
      <ThinkingPanel {...props} streaming={streaming} />
      <button type="button" className="rounded-md border border-sk-border px-3 py-1 text-sm" onClick={() => setStreaming(false)}>
        Finish thinking
      </button>
    </div>
  );
}

export const ThinkingEnds: Story = {
  render: (args) => <LivePanel {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Thinking…' })).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(canvas.getByRole('button', { name: 'Finish thinking' }));
    await waitFor(() => expect(canvas.getByRole('button', { name: /^Thought for/ })).toHaveAttribute('aria-expanded', 'false'));
  },
};

export const Dark: Story = {
  args: { durationMs: 4000, defaultOpen: true },
  globals: { theme: 'dark' },
  decorators: [
    (Story) => (
      <div className="flex flex-col gap-6">
        <ThinkingPanel streaming>{panel(reasoning)}</ThinkingPanel>
        <Story />
        <ThinkingPanel redacted>{panel('')}</ThinkingPanel>
      </div>
    ),
  ],
};
