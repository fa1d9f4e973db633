import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { assistantMessage, conversation, longConversation, userMessage } from '../fixtures/messages.ts';
import { MessageList } from './message-list.tsx';

const question = userMessage('u9', 'How do proxies break streaming?');

const meta = {
  title: 'UI/MessageList',
  component: MessageList,
  args: { className: 'h-[480px] rounded-xl border border-sk-border' },
} satisfies Meta<typeof MessageList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  args: {
    messages: [],
    status: 'ready',
    emptyState: <p className="py-24 text-center text-sm text-sk-muted-foreground">Ask anything to start.</p>,
  },
};

export const Conversation: Story = {
  args: { messages: conversation, status: 'ready' },
};

export const SubmittedAwaitingFirstToken: Story = {
  args: { messages: [...conversation, question], status: 'submitted' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status', { name: 'Assistant is typing' })).toBeVisible();
  },
};

export const Streaming: Story = {
  args: {
    messages: [
      ...conversation,
      question,
      assistantMessage('a9', 'Some proxies collect the whole response before passing it on, so', 'streaming'),
    ],
    status: 'streaming',
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole('status')).not.toBeInTheDocument();
  },
};

export const ErrorStatus: Story = {
  args: {
    messages: [...conversation, question, assistantMessage('a9', 'Some proxies collect the whole')],
    status: 'error',
    children: (
      <p role="alert" className="text-sm text-sk-danger">
        The connection dropped. What arrived is kept; send again to retry.
      </p>
    ),
  },
};

export const Long: Story = {
  args: { messages: longConversation, status: 'ready' },
  play: async ({ canvasElement }) => {
    const log = within(canvasElement).getByRole('log');
    // Opens scrolled to the latest message.
    await expect(log.scrollHeight).toBeGreaterThan(log.clientHeight);
    await expect(log.scrollHeight - log.scrollTop - log.clientHeight).toBeLessThanOrEqual(1);
  },
};
