import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { Markdown, type MarkdownProps } from './markdown.tsx';
import { constructsSample, longAnswer } from './markdown-samples.ts';
import { useDialogTraps, type TrapWindow } from '../security/dialog-traps.ts';
import { findUnsafeMarkup, xssCorpus } from './xss-corpus.ts';

// Token-sized pieces of uneven length, like a model's deltas.
const chunkPattern = [3, 7, 2, 5, 11, 4, 1, 6];

// Replays `text` as a stream: appends the next piece every `intervalMs` until all of it is shown.
// A stand-in until these stories are driven by the in-browser mock backend.
function useStreamedText(text: string, intervalMs: number): { shown: string; done: boolean } {
  const [length, setLength] = useState(0);
  useEffect(() => {
    let shown = 0;
    let step = 0;
    setLength(0);
    const timer = setInterval(() => {
      shown = Math.min(text.length, shown + (chunkPattern[step % chunkPattern.length] ?? 1));
      step += 1;
      setLength(shown);
      if (shown >= text.length) clearInterval(timer);
    }, intervalMs);
    return () => clearInterval(timer);
  }, [text, intervalMs]);
  return { shown: text.slice(0, length), done: length >= text.length };
}

interface StreamingMarkdownProps extends Omit<MarkdownProps, 'children' | 'streaming'> {
  text: string;
  intervalMs?: number;
}

function StreamingMarkdown({ text, intervalMs = 30, ...props }: StreamingMarkdownProps) {
  const { shown, done } = useStreamedText(text, intervalMs);
  return (
    <Markdown streaming={!done} {...props}>
      {shown}
    </Markdown>
  );
}

const meta = {
  title: 'UI/Markdown',
  component: Markdown,
  args: { children: constructsSample },
  decorators: [
    (Story) => (
      <div className="mx-auto max-w-3xl text-sm leading-relaxed">
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Markdown>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every construct, finished: headings, emphasis, a table, lists, a task list, highlighted code, a quote, links. */
export const AllConstructs: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 2 })).toHaveTextContent('Streaming Markdown');
    await expect(canvas.getByRole('table')).toBeVisible();
    await expect(canvas.getAllByRole('checkbox')).toHaveLength(2);
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="markdown-code-block"]')).toHaveAttribute('data-highlighted'), {
      timeout: 20_000,
    });
  },
};

/** The same answer streaming in, a few characters at a time. */
export const StreamingConstructs: Story = {
  render: (args) => <StreamingMarkdown text={args.children} intervalMs={40} />,
};

/** A long answer (about 12 KB) streaming live at roughly 150 characters per second. */
export const StreamingLongAnswer: Story = {
  args: { children: longAnswer(12) },
  render: (args) => <StreamingMarkdown text={args.children} intervalMs={30} />,
};

/** A code block's copy button: it writes the code to the clipboard and says Copied. */
export const CodeBlockCopy: Story = {
  args: { children: 'Install and run:\n\n```bash\nnpm install @streamkit/ui\nnpm run dev\n```' },
  play: async ({ canvasElement }) => {
    const writeText = fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const canvas = within(canvasElement);
    const button = canvas.getByRole('button', { name: 'Copy code' });
    await userEvent.click(button);
    await expect(writeText).toHaveBeenCalledWith('npm install @streamkit/ui\nnpm run dev');
    await waitFor(() => expect(button).toHaveAccessibleName('Copied'));
    await expect(canvas.getByRole('status')).toHaveTextContent('Copied to clipboard');
  },
};

/** Highlighting arrives after the plain text and changes only colors: the block keeps its height, lines keep their width. */
export const CodeHighlightingWithoutLayoutJump: Story = {
  // Code no other story shows, so its tokens are not cached yet and the plain frame is rendered.
  args: {
    children:
      '```python\ndef layout_check(values: list[int]) -> int:\n    """Sum the values."""\n    return sum(v for v in values if v > 0)  # positive only\n```',
  },
  play: async ({ canvasElement }) => {
    const block = canvasElement.querySelector<HTMLElement>('[data-slot="markdown-code-block"]');
    const code = block?.querySelector('code');
    const size = () => ({ height: block?.getBoundingClientRect().height, codeWidth: code?.getBoundingClientRect().width });
    await expect(block).not.toHaveAttribute('data-highlighted');
    const before = size();
    await waitFor(() => expect(block).toHaveAttribute('data-highlighted'), { timeout: 20_000 });
    const after = size();
    await expect(after.height).toBe(before.height);
    // Splitting the text into colored runs may move glyphs by a fraction of a pixel, never more.
    await expect(Math.abs((after.codeWidth ?? 0) - (before.codeWidth ?? 0))).toBeLessThan(1);
    await expect(block?.querySelectorAll('code span').length).toBeGreaterThan(3);
  },
};

/** Everything on the dark theme: the same tokens, Shiki's dark colors in code. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.closest('.dark') ?? canvasElement.querySelector('.dark')).not.toBeNull();
  },
};

// Every payload streams through its own Markdown, all on one clock. After each delta the whole
// subtree is checked for handlers, unsafe URLs and active elements; the play function asserts that
// nothing tripped at any point and that no dialog or script ran.
function XssCorpusStory() {
  useDialogTraps();
  const longest = Math.max(...xssCorpus.map((payload) => payload.length));
  const [shown, setShown] = useState(0);
  const [problems, setProblems] = useState<string[]>([]);
  const [checks, setChecks] = useState(0);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let length = 0;
    let step = 0;
    const timer = setInterval(() => {
      // Pieces twice the usual size keep the story within a story test's time limit on slow
      // machines; the jsdom test checks every single cut point.
      length = Math.min(longest, length + 2 * (chunkPattern[step % chunkPattern.length] ?? 1));
      step += 1;
      setShown(length);
      if (length >= longest) clearInterval(timer);
    }, 16);
    return () => clearInterval(timer);
  }, [longest]);

  useLayoutEffect(() => {
    if (!ref.current) return;
    const found = findUnsafeMarkup(ref.current);
    if (found.length > 0) setProblems((all) => [...all, ...found]);
    setChecks((count) => count + 1);
  }, [shown]);

  const done = shown >= longest;
  return (
    <div data-testid="xss" data-done={done} data-problems={problems.length} data-checks={checks}>
      <div ref={ref} className="flex flex-col gap-3">
        {xssCorpus.map((payload, index) => (
          <Markdown key={index} streaming={!done} className="rounded-lg border border-sk-border p-3">
            {payload.slice(0, shown)}
          </Markdown>
        ))}
      </div>
      <pre data-slot="xss-problems">{problems.join('\n')}</pre>
    </div>
  );
}

export const XssCorpus: Story = {
  name: 'XSS corpus',
  render: () => <XssCorpusStory />,
  play: async ({ canvasElement }) => {
    const harness = within(canvasElement).getByTestId('xss');
    await waitFor(() => expect(harness).toHaveAttribute('data-done', 'true'), { timeout: 12_000, interval: 100 });
    await expect(Number(harness.dataset['checks'])).toBeGreaterThan(10);
    await expect(canvasElement.querySelector('[data-slot="xss-problems"]')).toHaveTextContent('');
    await expect(harness).toHaveAttribute('data-problems', '0');
    await expect(findUnsafeMarkup(canvasElement)).toEqual([]);
    await expect((window as TrapWindow).__pwned).toBeUndefined();
    // The payloads are shown, as text.
    await expect(harness).toHaveTextContent('<script>window.__pwned=1</script>');
  },
};
