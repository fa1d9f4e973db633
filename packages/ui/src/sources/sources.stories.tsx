import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import type { SourcePart } from '@streamkit/core';
import { Citation } from './citation.tsx';
import { Sources } from './sources.tsx';

const sources: SourcePart[] = [
  { type: 'source', sourceType: 'url', id: 's1', url: 'https://html.spec.whatwg.org/multipage/server-sent-events.html', title: 'HTML Standard: Server-sent events' },
  { type: 'source', sourceType: 'url', id: 's2', url: 'https://developer.mozilla.org/en-US/docs/Web/API/EventSource' },
  { type: 'source', sourceType: 'document', id: 's3', title: 'Streaming runbook', filename: 'streaming-runbook.pdf', mediaType: 'application/pdf' },
  { type: 'source', sourceType: 'url', id: 's4', url: 'javascript:alert(document.cookie)', title: 'Totally safe link' },
];

const meta = {
  title: 'UI/Sources',
  component: Sources,
  args: { sources },
  decorators: [
    (Story) => (
      <div className="mx-auto max-w-3xl">
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Sources>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const list = within(canvasElement).getByRole('list', { name: 'Sources' });
    await expect(within(list).getAllByRole('listitem')).toHaveLength(4);
    // Two http(s) URLs become links; the document and the javascript: URL do not.
    const links = within(list).getAllByRole('link');
    await expect(links.map((link) => link.getAttribute('href'))).toEqual([
      'https://html.spec.whatwg.org/multipage/server-sent-events.html',
      'https://developer.mozilla.org/en-US/docs/Web/API/EventSource',
    ]);
    await expect(within(list).getByText('javascript:alert(document.cookie)')).toBeVisible();
  },
};

export const WithInlineCitations: Story = {
  render: (args) => (
    <div className="flex flex-col gap-3 text-sm text-sk-foreground">
      <p>
        An event stream is UTF-8 text in which a blank line ends each event
        <Citation index={1} source={sources[0]} />, and the browser reconnects on its own after a drop
        <Citation index={2} source={sources[1]} />. Our proxies must not buffer it
        <Citation index={3} source={sources[2]} />
        <Citation index={4} source={sources[3]} />.
      </p>
      <Sources {...args} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('link', { name: /^\[1\] HTML Standard/ })).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(canvas.queryByRole('link', { name: /^\[4\]/ })).not.toBeInTheDocument();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
};
