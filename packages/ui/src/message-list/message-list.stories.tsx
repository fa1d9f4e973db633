import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { assistantMessage, conversation, generateConversation, longConversation, userMessage } from '../fixtures/messages.ts';
import { MessageList } from './message-list.tsx';
import { StreamingListHarness } from './streaming-list-harness.tsx';

const question = userMessage('u9', 'How do proxies break streaming?');
const listClassName = 'h-[480px] rounded-xl border border-sk-border';
const tenThousand = generateConversation(10_000);
// Odd, so that it ends with a question and the streaming reply answers it.
const longHistory = generateConversation(999);
const plainHistory = [...longConversation, question];

const meta = {
  title: 'UI/MessageList',
  component: MessageList,
  args: { className: listClassName },
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

function distanceFromBottom(log: HTMLElement): number {
  return log.scrollHeight - log.scrollTop - log.clientHeight;
}

// A frame boundary: the steps before it have rendered, and the previous frame's layout,
// ResizeObserver callbacks and the renders they cause have run.
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

function stepOf(canvasElement: HTMLElement): number {
  return Number(canvasElement.querySelector('[data-slot="streaming-harness"]')?.getAttribute('data-step'));
}

async function waitForStep(canvasElement: HTMLElement, step: number): Promise<void> {
  await waitFor(() => expect(stepOf(canvasElement)).toBeGreaterThanOrEqual(step), { timeout: 5000 });
}

function firstVisibleMessage(log: HTMLElement): HTMLElement {
  const top = log.getBoundingClientRect().top;
  const messages = [...log.querySelectorAll<HTMLElement>('[data-slot="message"]')];
  const visible = messages.find((message) => message.getBoundingClientRect().bottom > top + 1);
  if (!visible) throw new Error('No message is visible in the list');
  return visible;
}

export const Virtualized10000: Story = {
  args: { messages: tenThousand, status: 'ready' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const log = canvas.getByRole('log');
    await expect(log).toHaveAttribute('data-virtualized');
    // Opens at the latest message, with only the rows on screen in the DOM.
    await waitFor(() => expect(distanceFromBottom(log)).toBeLessThanOrEqual(1));
    await expect(canvas.getByText('Question 9998: what happens next?')).toBeInTheDocument();
    await expect(log.querySelectorAll('[data-slot="message-list-row"]').length).toBeLessThan(100);

    log.scrollTop = 0;
    await waitFor(() => expect(canvas.getByText('Question 0: what happens next?')).toBeVisible());
    await expect(log.querySelectorAll('[data-slot="message-list-row"]').length).toBeLessThan(100);
    await expect(canvas.getByRole('button', { name: 'Jump to latest' })).toBeVisible();

    log.scrollTop = log.scrollHeight;
    await waitFor(() => expect(distanceFromBottom(log)).toBeLessThanOrEqual(1));
    await waitFor(() => expect(canvas.getByText('Question 9998: what happens next?')).toBeVisible());
    await expect(canvas.queryByRole('button', { name: 'Jump to latest' })).not.toBeInTheDocument();

    // From the first message back to the latest in one click, across rows never measured.
    log.scrollTop = 0;
    await userEvent.click(await canvas.findByRole('button', { name: 'Jump to latest' }));
    await waitFor(() => expect(distanceFromBottom(log)).toBeLessThanOrEqual(1), { timeout: 5000 });
    await waitFor(() => expect(canvas.getByText('Question 9998: what happens next?')).toBeVisible());
    await expect(canvas.queryByRole('button', { name: 'Jump to latest' })).not.toBeInTheDocument();
    await expect(log.querySelectorAll('[data-slot="message-list-row"]').length).toBeLessThan(100);
  },
};

async function playStuckToBottom({ canvasElement }: { canvasElement: HTMLElement }) {
  const log = within(canvasElement).getByRole('log');
  for (let step = 4; step <= 40; step += 4) {
    await waitForStep(canvasElement, step);
    await nextFrame();
    await expect(distanceFromBottom(log)).toBeLessThanOrEqual(1);
  }
  await waitFor(() => expect(canvasElement.querySelector('[data-done="true"]')).not.toBeNull());
  await nextFrame();
  await expect(log.scrollHeight).toBeGreaterThan(log.clientHeight);
  await expect(distanceFromBottom(log)).toBeLessThanOrEqual(1);
  await expect(within(canvasElement).queryByRole('button', { name: 'Jump to latest' })).not.toBeInTheDocument();
}

export const StreamingStuckToBottom: StoryObj = {
  render: () => <StreamingListHarness className={listClassName} history={plainHistory} steps={40} stepMs={50} />,
  play: playStuckToBottom,
};

export const StreamingStuckToBottomVirtualized: StoryObj = {
  render: () => <StreamingListHarness className={listClassName} history={longHistory} steps={40} stepMs={50} />,
  play: playStuckToBottom,
};

// `liveReplyRendered`: the streaming reply stays in the DOM below the viewport, so its growth is real
// layout growth under the rows being read. Scrolled farther, a virtualized list unmounts it.
function playScrolledUp(scrollUpPx: number, liveReplyRendered: boolean) {
  return async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const canvas = within(canvasElement);
    const log = canvas.getByRole('log');
    await waitForStep(canvasElement, 2);
    await nextFrame();
    await expect(distanceFromBottom(log)).toBeLessThanOrEqual(1);

    // The user scrolls up: a wheel turn, then the scroll it causes. A browser moves the list and
    // dispatches its scroll event in the same frame; a script's write waits for the next, so send it now.
    log.dispatchEvent(new WheelEvent('wheel', { deltaY: -scrollUpPx, bubbles: true }));
    log.scrollTop -= scrollUpPx;
    log.dispatchEvent(new Event('scroll'));
    const jump = await canvas.findByRole('button', { name: 'Jump to latest' });
    await expect(jump).toBeVisible();
    // Rows the scroll revealed are measured and corrected within a frame or two; then nothing may move.
    await nextFrame();
    await nextFrame();

    const row = firstVisibleMessage(log);
    const top = row.getBoundingClientRect().top;
    const height = log.scrollHeight;
    const from = stepOf(canvasElement);
    for (let step = from + 1; step <= from + 8; step++) {
      await waitForStep(canvasElement, step);
      await nextFrame();
      await expect(row.isConnected).toBe(true);
      await expect(Math.abs(row.getBoundingClientRect().top - top)).toBeLessThanOrEqual(1);
    }
    if (liveReplyRendered) {
      const messages = log.querySelectorAll('[data-slot="message"]');
      await expect(messages[messages.length - 1]).toHaveAttribute('data-status', 'streaming');
      await expect(log.scrollHeight).toBeGreaterThan(height);
    }
    await expect(jump).toBeVisible();

    await userEvent.click(jump);
    await waitFor(() => expect(distanceFromBottom(log)).toBeLessThanOrEqual(1), { timeout: 5000 });
    await waitFor(() => expect(canvas.queryByRole('button', { name: 'Jump to latest' })).not.toBeInTheDocument());
    // Stuck again: the reply is followed as it grows.
    await waitForStep(canvasElement, stepOf(canvasElement) + 2);
    await nextFrame();
    await expect(distanceFromBottom(log)).toBeLessThanOrEqual(1);
  };
}

export const ScrolledUpWhileStreaming: StoryObj = {
  render: () => <StreamingListHarness className={listClassName} history={plainHistory} steps={80} stepMs={60} />,
  play: playScrolledUp(600, true),
};

export const ScrolledUpWhileStreamingVirtualized: StoryObj = {
  render: () => <StreamingListHarness className={listClassName} history={longHistory} steps={80} stepMs={60} />,
  // Within the overscan: the streaming reply stays mounted just below the viewport.
  play: playScrolledUp(300, true),
};

/** Far enough up that the rows revealed were never measured: their corrections must not move the view either. */
export const ScrolledFarUpWhileStreamingVirtualized: StoryObj = {
  render: () => <StreamingListHarness className={listClassName} history={longHistory} steps={80} stepMs={60} />,
  play: playScrolledUp(6000, false),
};
