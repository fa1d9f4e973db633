import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { assistantMessage, longText, messageWithParts, userMessage } from '../fixtures/messages.ts';
import { Message } from './message.tsx';

const meta = {
  title: 'UI/Message',
  component: Message,
  decorators: [
    (Story) => (
      <div className="mx-auto max-w-3xl">
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Message>;

export default meta;
type Story = StoryObj<typeof meta>;

export const User: Story = {
  args: { message: userMessage('u1', 'Can you explain server-sent events in two sentences?') },
};

export const Assistant: Story = {
  args: {
    message: assistantMessage(
      'a1',
      'Server-sent events keep one HTTP response open and push text events down it.\nThe browser reads them as they arrive, which makes them a natural fit for streaming model output.',
    ),
  },
};

export const AssistantStreaming: Story = {
  args: { message: assistantMessage('a1', 'Server-sent events keep one HTTP response open and', 'streaming') },
};

export const LongMultiParagraph: Story = {
  args: { message: assistantMessage('a1', longText) },
};

export const Dark: Story = {
  args: { message: assistantMessage('a1', 'The same message on the dark theme.') },
  globals: { theme: 'dark' },
  decorators: [
    (Story) => (
      <div className="flex flex-col gap-6">
        <Message message={userMessage('u1', 'How does it look in the dark?')} />
        <Story />
      </div>
    ),
  ],
};

export const WithReasoningToolCallAndSources: Story = {
  args: {
    message: messageWithParts('a2', 'assistant', [
      { type: 'step-start' },
      {
        type: 'reasoning',
        text: 'The user wants to know why streams stall behind some proxies.\nI should look up how buffering proxies treat event streams, then answer with the fix.',
        state: 'done',
      },
      {
        type: 'tool-call',
        toolCallId: 'call_search_1',
        toolName: 'web_search',
        state: 'output-available',
        inputText: '{"query":"nginx buffering server-sent events"}',
        input: { query: 'nginx buffering server-sent events' },
        output: { results: 2 },
      },
      { type: 'source', sourceType: 'url', id: 's1', url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html', title: 'nginx: proxy_buffering' },
      { type: 'source', sourceType: 'url', id: 's2', url: 'https://html.spec.whatwg.org/multipage/server-sent-events.html', title: 'HTML Standard: Server-sent events' },
      {
        type: 'text',
        text: 'Some proxies buffer the whole response before passing it on, so the events arrive all at once at the end.\nSend `X-Accel-Buffering: no` (nginx) and `Cache-Control: no-transform` to turn that off.',
        state: 'done',
      },
    ]),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const thinking = canvas.getByRole('button', { name: 'Reasoning' });
    await expect(thinking).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(thinking);
    await expect(canvas.getByText(/buffering proxies treat event streams/)).toBeVisible();
    await expect(canvas.getByRole('group', { name: 'Tool call: web_search' })).toHaveAttribute('data-state', 'output-available');
    await expect(within(canvas.getByRole('list', { name: 'Sources' })).getAllByRole('link')).toHaveLength(2);
  },
};

export const StreamingReasoning: Story = {
  args: {
    message: messageWithParts('a3', 'assistant', [
      { type: 'reasoning', text: 'Compare the decimals: 0.11 against 0.90…', state: 'streaming' },
    ]),
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Thinking…' })).toHaveAttribute('aria-expanded', 'true');
  },
};

export const ToolAwaitingApproval: Story = {
  args: {
    onToolApprove: fn(),
    onToolDeny: fn(),
    message: messageWithParts('a4', 'assistant', [
      { type: 'text', text: 'I can delete the old deployments. Shall I?', state: 'done' },
      {
        type: 'tool-call',
        toolCallId: 'call_delete_1',
        toolName: 'delete_deployments',
        state: 'awaiting-approval',
        inputText: '{"olderThanDays":30}',
        input: { olderThanDays: 30 },
        approvalId: 'approval_1',
      },
    ]),
  },
  play: async ({ args, canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Deny' }));
    await expect(args.onToolDeny).toHaveBeenCalledWith('call_delete_1');
  },
};
