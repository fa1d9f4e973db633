import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CodeBlock } from './code-block.tsx';
import { highlightCode } from './highlight-code.ts';
import { Markdown } from './markdown.tsx';

vi.mock('./highlight-code.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('./highlight-code.ts')>();
  return { ...original, highlightCode: vi.fn(original.highlightCode) };
});

// Loading Shiki and a grammar takes seconds on a slow machine.
const highlightWait = { timeout: 30_000 };

describe('CodeBlock', () => {
  let writeText: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    vi.mocked(highlightCode).mockClear();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the language and the code as plain text first', () => {
    const { container } = render(<CodeBlock code={'const a = 1;\nconst b = 2;'} language="ts" highlight={false} />);
    expect(screen.getByText('ts')).toHaveAttribute('data-slot', 'markdown-code-language');
    expect(container.querySelector('code')?.textContent).toBe('const a = 1;\nconst b = 2;');
    expect(container.querySelector('code span')).toBeNull();
  });

  it('labels a block without a language as text', () => {
    render(<CodeBlock code="plain" />);
    expect(screen.getByText('text')).toBeInTheDocument();
  });

  it('copies the code and says Copied, then goes back to Copy', async () => {
    vi.useFakeTimers();
    render(<CodeBlock code={'echo hi'} language="sh" highlight={false} />);
    const button = screen.getByRole('button', { name: 'Copy code' });
    await act(async () => {
      fireEvent.click(button);
    });
    expect(writeText).toHaveBeenCalledWith('echo hi');
    expect(button).toHaveAccessibleName('Copied');
    expect(button).toHaveAttribute('data-state', 'copied');
    expect(screen.getByRole('status')).toHaveTextContent('Copied to clipboard');
    act(() => vi.advanceTimersByTime(2000));
    expect(button).toHaveAccessibleName('Copy code');
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('says Copy failed when the clipboard refuses', async () => {
    writeText.mockImplementation(() => Promise.reject(new Error('denied')));
    render(<CodeBlock code="x" highlight={false} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy code' }));
    });
    expect(screen.getByRole('button', { name: 'Copy failed' })).toHaveAttribute('data-state', 'failed');
  });

  it('swaps in highlighted tokens without changing the text', async () => {
    const code = 'const answer: number = 42;\n// done';
    const { container } = render(<CodeBlock code={code} language="typescript" />);
    const block = container.querySelector('[data-slot="markdown-code-block"]');
    await waitFor(() => expect(block).toHaveAttribute('data-highlighted'), highlightWait);
    const codeElement = container.querySelector('code');
    expect(codeElement?.textContent).toBe(code);
    const colored = [...(codeElement?.querySelectorAll('span') ?? [])].filter((span) => span.style.getPropertyValue('--sk-code-light') !== '');
    expect(colored.length).toBeGreaterThan(2);
    // Each theme's plain foreground is left to the kit's text color, so a token may lack one of the two.
    expect(colored.some((span) => span.style.getPropertyValue('--sk-code-dark') !== '')).toBe(true);
  });

  it('shows highlighted code at once when the same code was highlighted before', async () => {
    const code = 'print("cached")';
    const first = render(<CodeBlock code={code} language="py" />);
    await waitFor(() => expect(first.container.querySelector('[data-highlighted]')).not.toBeNull(), highlightWait);
    first.unmount();
    const second = render(<CodeBlock code={code} language="py" />);
    expect(second.container.querySelector('[data-slot="markdown-code-block"]')).toHaveAttribute('data-highlighted');
  });

  it('leaves a language it does not bundle as plain text', async () => {
    const { container } = render(<CodeBlock code="+[-->-[>>+>-----<<]<--<---]" language="brainfuck" />);
    await act(async () => {});
    expect(highlightCode).not.toHaveBeenCalled();
    expect(container.querySelector('[data-highlighted]')).toBeNull();
  });
});

describe('Markdown code blocks', () => {
  beforeEach(() => {
    vi.mocked(highlightCode).mockClear();
  });

  it('does not highlight a fence that is still open while streaming', async () => {
    const { rerender, container } = render(<Markdown streaming>{'```js\nconst a = 1;\n'}</Markdown>);
    rerender(<Markdown streaming>{'```js\nconst a = 1;\nconst b = 2;\n'}</Markdown>);
    await act(async () => {});
    expect(highlightCode).not.toHaveBeenCalled();
    expect(container.querySelector('[data-highlighted]')).toBeNull();
  });

  it('highlights a fence once it closes, before the stream ends', async () => {
    const { container } = render(<Markdown streaming>{'```js\nconst closed = true;\n```'}</Markdown>);
    await waitFor(() => expect(container.querySelector('[data-highlighted]')).not.toBeNull(), highlightWait);
    expect(highlightCode).toHaveBeenCalledTimes(1);
  });
});

describe('resolveLanguage', () => {
  it('resolves aliases and refuses names it does not bundle, including Object.prototype keys', async () => {
    const { resolveLanguage } = await vi.importActual<typeof import('./highlight-code.ts')>('./highlight-code.ts');
    expect(resolveLanguage('TS')).toBe('typescript');
    expect(resolveLanguage('sh')).toBe('bash');
    expect(resolveLanguage('python')).toBe('python');
    expect(resolveLanguage('cobol')).toBeUndefined();
    expect(resolveLanguage('constructor')).toBeUndefined();
    expect(resolveLanguage('__proto__')).toBeUndefined();
    expect(resolveLanguage(undefined)).toBeUndefined();
  });
});
