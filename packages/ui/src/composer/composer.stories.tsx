import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { Composer } from './composer.tsx';

const meta = {
  title: 'UI/Composer',
  component: Composer,
  args: { onSend: fn(), onStop: fn(), status: 'ready' },
  decorators: [
    (Story) => (
      <div className="mx-auto max-w-3xl">
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Composer>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Ready: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const textbox = canvas.getByRole('textbox', { name: 'Message' });
    await userEvent.type(textbox, 'Hello there{Enter}');
    await expect(args.onSend).toHaveBeenCalledWith('Hello there');
    await expect(textbox).toHaveValue('');
    await expect(textbox).toHaveFocus();
  },
};

export const Typing: Story = {
  args: { defaultValue: 'A draft that goes\nover two lines' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Send' })).toBeEnabled();
  },
};

export const StreamingWithStop: Story = {
  args: { status: 'streaming' },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const textbox = canvas.getByRole('textbox', { name: 'Message' });
    await userEvent.type(textbox, 'Next question{Enter}');
    await expect(args.onSend).not.toHaveBeenCalled();
    await userEvent.click(canvas.getByRole('button', { name: 'Stop' }));
    await expect(args.onStop).toHaveBeenCalledTimes(1);
  },
};

export const Disabled: Story = {
  args: { disabled: true, placeholder: 'Sign in to chat' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('textbox')).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeDisabled();
  },
};
