import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { TypingIndicator } from './typing-indicator.tsx';

const meta = {
  title: 'UI/TypingIndicator',
  component: TypingIndicator,
} satisfies Meta<typeof TypingIndicator>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status', { name: 'Assistant is typing' })).toBeVisible();
  },
};

export const CustomLabel: Story = {
  args: { label: 'Claude is thinking' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status', { name: 'Claude is thinking' })).toBeInTheDocument();
  },
};
