import { render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Markdown } from './markdown.tsx';
import { findUnsafeMarkup, xssCorpus } from './xss-corpus.ts';

vi.mock('./highlight-code.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./highlight-code.ts')>()),
  resolveLanguage: () => undefined,
}));

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

afterEach(() => {
  expect(window.__pwned).toBeUndefined();
});

describe('Markdown with hostile input', () => {
  it('has at least 40 payloads in the corpus', () => {
    expect(xssCorpus.length).toBeGreaterThanOrEqual(40);
  });

  it.each(xssCorpus.map((payload) => [payload]))('renders %j without unsafe markup', (payload) => {
    const { container } = render(<Markdown>{payload}</Markdown>);
    expect(findUnsafeMarkup(container)).toEqual([]);
  });

  it('renders no unsafe markup at any cut point while the corpus streams', { timeout: 600_000 }, () => {
    const text = xssCorpus.join('\n\n');
    const { container, rerender } = render(<Markdown streaming>{''}</Markdown>);
    const problems = new Set<string>();
    for (let cut = 1; cut <= text.length; cut += 1) {
      rerender(<Markdown streaming>{text.slice(0, cut)}</Markdown>);
      for (const problem of findUnsafeMarkup(container)) problems.add(problem);
    }
    rerender(<Markdown streaming={false}>{text}</Markdown>);
    for (const problem of findUnsafeMarkup(container)) problems.add(problem);
    expect([...problems]).toEqual([]);
  });

  it('shows raw HTML as the text it is instead of dropping it', () => {
    const { container } = render(<Markdown>{'<script>window.__pwned=1</script>\n\nInline <img src=x onerror=alert(1)> here'}</Markdown>);
    expect(container).toHaveTextContent('<script>window.__pwned=1</script>');
    expect(container).toHaveTextContent('Inline <img src=x onerror=alert(1)> here');
    expect(container.querySelector('script, img')).toBeNull();
  });

  it('renders a javascript: link as its text, not as an anchor', () => {
    const { container } = render(<Markdown>{'[click me](javascript:alert(1)) and <javascript:alert(2)>'}</Markdown>);
    expect(container.querySelector('a')).toBeNull();
    expect(container).toHaveTextContent('click me and javascript:alert(2)');
  });

  it('renders an entity-encoded javascript: reference link as its text', () => {
    const { container } = render(<Markdown>{'[click][r]\n\n[r]: &#106;avascript:alert(1)'}</Markdown>);
    expect(container.querySelector('a')).toBeNull();
    expect(container).toHaveTextContent('click');
  });
});
