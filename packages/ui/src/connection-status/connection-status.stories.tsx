import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ChatConnection, HTTPError, StreamkitError } from '@streamkit/core';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ConnectionStatus } from './connection-status.tsx';

const open: ChatConnection = { state: 'open', attempt: 0, maxAttempts: 5, online: true };
const closed: ChatConnection = { ...open, state: 'closed' };

// Plain objects of the errors' shape: ui imports core for types only.
const networkError: StreamkitError = { name: 'StreamkitError', code: 'network/failed', message: 'TypeError: Failed to fetch' };
const busyError: HTTPError = {
  name: 'HTTPError',
  code: 'http/status',
  status: 429,
  body: '{"error":"rate_limited"}',
  message: 'The server answered 429 Too Many Requests.',
};
const incompleteError: StreamkitError = {
  name: 'StreamkitError',
  code: 'stream/incomplete',
  message: 'The connection closed before the reply finished; what arrived is kept.',
};

const meta = {
  title: 'UI/ConnectionStatus',
  component: ConnectionStatus,
  args: { connection: open, status: 'streaming', onRetry: fn() },
} satisfies Meta<typeof ConnectionStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

const region = (canvasElement: HTMLElement) => within(canvasElement).getByRole('status');

export const Ok: Story = {
  play: async ({ canvasElement }) => {
    await expect(region(canvasElement)).toHaveAttribute('data-state', 'ok');
    await expect(region(canvasElement)).toHaveTextContent('');
  },
};

export const Connecting: Story = {
  args: { connection: { ...open, state: 'connecting' }, status: 'submitted' },
  play: async ({ canvasElement }) => {
    await expect(region(canvasElement)).toHaveAttribute('data-state', 'connecting');
  },
};

export const Reconnecting: Story = {
  // The next attempt is 30 s after the story loads, so the countdown starts from the same number each time.
  loaders: [async () => ({ nextAttemptAt: Date.now() + 30_000 })],
  render: (args, { loaded }) => (
    <ConnectionStatus
      {...args}
      connection={{ ...open, state: 'reconnecting', attempt: 2, nextAttemptAt: loaded['nextAttemptAt'] as number }}
    />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(region(canvasElement)).toHaveAttribute('data-state', 'reconnecting');
    await expect(canvas.getByText('Reconnecting… (attempt 2 of 5)')).toBeVisible();
    await expect(canvas.getByText(/^Retrying in \d+ s$/)).toBeVisible();
  },
};

export const Offline: Story = {
  args: { connection: { ...open, state: 'reconnecting', attempt: 1, online: false } },
  play: async ({ canvasElement }) => {
    await expect(region(canvasElement)).toHaveTextContent("You're offline — will resume when the connection is back");
  },
};

export const FailedNetwork: Story = {
  args: { connection: closed, status: 'error', error: networkError },
  play: async ({ canvasElement }) => {
    await expect(region(canvasElement)).toHaveAttribute('data-state', 'failed');
    await expect(within(canvasElement).getByText("Can't reach the server")).toBeVisible();
  },
};

export const Failed429: Story = {
  args: { connection: closed, status: 'error', error: busyError },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('The server is busy')).toBeVisible();
  },
};

export const FailedIncompleteWithRetry: Story = {
  args: { connection: closed, status: 'error', error: incompleteError },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('The stream was cut off')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
  },
};

export const Dark: Story = {
  args: { connection: closed, status: 'error', error: busyError },
  globals: { theme: 'dark' },
  decorators: [
    (Story) => (
      <div className="flex flex-col items-start gap-4">
        <ConnectionStatus connection={open} status="streaming" />
        <ConnectionStatus connection={{ ...open, state: 'reconnecting', attempt: 3 }} status="streaming" />
        <ConnectionStatus connection={{ ...open, online: false }} status="streaming" />
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getAllByRole('status')).toHaveLength(4);
    await expect(within(canvasElement).getByRole('button', { name: 'Retry' })).toBeVisible();
  },
};
