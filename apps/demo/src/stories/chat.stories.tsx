import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createMockFetch } from '../mock-fetch.ts';
import { ChatDemo } from './chat-demo.tsx';

/** The whole chat streaming from the scripted model, which runs inside the browser (no server). */
const meta = {
  title: 'Demo/Chat',
  component: ChatDemo,
  args: { api: '/api/chat', fetch: createMockFetch({ ttftMs: 300, tokensPerSecond: 40 }) },
} satisfies Meta<typeof ChatDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Streaming: Story = {
  args: { autoSend: 'Explain server-sent events' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getAllByRole('status').length).toBeGreaterThan(0));
    await waitFor(() => expect(canvasElement.querySelector('[data-role="assistant"]')?.textContent?.length ?? 0).toBeGreaterThan(20), { timeout: 5000 });
  },
};

export const SendAndStop: Story = {
  args: { fetch: createMockFetch({ ttftMs: 100, tokensPerSecond: 30 }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('textbox'), 'Why does streaming feel faster?{Enter}');
    await waitFor(() => expect(canvasElement.querySelector('[data-role="assistant"]')?.textContent?.length ?? 0).toBeGreaterThan(10), { timeout: 5000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Stop' }));
    const kept = canvasElement.querySelector('[data-role="assistant"]')?.textContent;
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Send' })).toBeInTheDocument());
    expect(canvasElement.querySelector('[data-role="assistant"]')?.textContent).toBe(kept);
  },
};

export const SlowFirstToken: Story = {
  args: { autoSend: 'Write a haiku about latency', fetch: createMockFetch({ ttftMs: 2500, tokensPerSecond: 20 }) },
};

export const FastModel: Story = {
  args: { autoSend: 'Summarize streaming in one paragraph', fetch: createMockFetch({ ttftMs: 50, tokensPerSecond: 400 }) },
};

export const ServerError: Story = {
  args: { autoSend: 'This request fails', api: '/api/chat?fault=status=500', reconnect: { maxAttempts: 0 } },
};
