import { render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Markdown } from './markdown.tsx';
import { constructsSample } from './markdown-samples.ts';

vi.mock('./highlight-code.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./highlight-code.ts')>()),
  resolveLanguage: () => undefined,
}));

describe('Markdown', () => {
  it('renders CommonMark and GFM: headings, emphasis, lists, task lists, tables, code, quotes, autolinks', () => {
    const { container } = render(<Markdown>{constructsSample}</Markdown>);
    expect(screen.getByRole('heading', { level: 2, name: 'Streaming Markdown' })).toBeInTheDocument();
    expect(screen.getByText('bold text').tagName).toBe('STRONG');
    expect(screen.getByText('italic text').tagName).toBe('EM');
    expect(screen.getByText('struck').tagName).toBe('DEL');
    expect(screen.getByText('inline code').tagName).toBe('CODE');
    expect(screen.getByRole('table')).toBeInTheDocument();
    expect(screen.getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Name', 'Value']);
    expect(screen.getAllByRole('columnheader')[1]).toHaveStyle({ textAlign: 'right' });
    expect(container.querySelectorAll('ol > li')).toHaveLength(2);
    expect(screen.getAllByRole('checkbox').map((box) => (box as HTMLInputElement).checked)).toEqual([true, false]);
    expect(screen.getAllByRole('checkbox')[0]).toBeDisabled();
    expect(container.querySelector('blockquote')).toHaveTextContent('A quote with weight.');
    expect(container.querySelector('[data-slot="markdown-code-block"] code')?.textContent).toBe('const answer = 42;\nconsole.log(answer);');
    expect(screen.getByRole('link', { name: 'https://example.org' })).toHaveAttribute('href', 'https://example.org/');
  });

  it('has data-slot, merges className last and forwards its ref', () => {
    const ref = createRef<HTMLDivElement>();
    render(<Markdown ref={ref} className="text-sm custom" data-testid="md">{'Hello'}</Markdown>);
    const root = screen.getByTestId('md');
    expect(ref.current).toBe(root);
    expect(root).toHaveAttribute('data-slot', 'markdown');
    expect(root).toHaveAttribute('data-streaming', 'false');
    expect(root).toHaveClass('custom', 'text-sm');
  });

  it('opens links in a new tab with noopener noreferrer by default', () => {
    render(<Markdown>{'[docs](https://example.com/docs)'}</Markdown>);
    const link = screen.getByRole('link', { name: 'docs' });
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('uses the configured link target and rel, and leaves them out when empty', () => {
    const { rerender } = render(<Markdown linkTarget="_self" linkRel="nofollow">{'[a](https://a.example)'}</Markdown>);
    expect(screen.getByRole('link')).toHaveAttribute('target', '_self');
    expect(screen.getByRole('link')).toHaveAttribute('rel', 'nofollow');
    rerender(<Markdown linkTarget="" linkRel="">{'[a](https://a.example)'}</Markdown>);
    expect(screen.getByRole('link')).not.toHaveAttribute('target');
    expect(screen.getByRole('link')).not.toHaveAttribute('rel');
  });

  it('keeps mailto links and renders other schemes and relative links as plain text', () => {
    const { container } = render(<Markdown>{'[mail](mailto:a@example.com) [js](javascript:alert(1)) [rel](/admin) [ftp](ftp://x.example)'}</Markdown>);
    expect(screen.getByRole('link', { name: 'mail' })).toHaveAttribute('href', 'mailto:a@example.com');
    expect(container.querySelectorAll('a')).toHaveLength(1);
    expect(container).toHaveTextContent('mail js rel ftp');
  });

  it('resolves reference links whose definition is in another block', () => {
    render(<Markdown>{'See [the docs][d] and [later].\n\n[d]: https://example.com/d\n\n[later]: https://example.com/l'}</Markdown>);
    expect(screen.getByRole('link', { name: 'the docs' })).toHaveAttribute('href', 'https://example.com/d');
    expect(screen.getByRole('link', { name: 'later' })).toHaveAttribute('href', 'https://example.com/l');
  });

  it('renders GFM footnotes in place: the reference as a superscript, the note where it stands', () => {
    const { container } = render(<Markdown>{'A claim[^1].\n\n[^1]: The source.'}</Markdown>);
    expect(container.querySelector('[data-slot="markdown-footnote-ref"]')).toHaveTextContent('1');
    expect(container).toHaveTextContent('The source.');
    expect(container.querySelector('a')).toBeNull();
  });

  it('shows images as their alt text by default, without loading them', () => {
    const { container } = render(<Markdown>{'![a chart](https://images.example.com/c.png)'}</Markdown>);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[data-slot="markdown-image-placeholder"]')).toHaveTextContent('a chart');
  });

  it('loads images only from allowed origins', () => {
    const { container } = render(
      <Markdown allowImages={{ origins: ['https://images.example.com'] }}>
        {'![ok](https://images.example.com/c.png) ![other](https://evil.example/c.png)'}
      </Markdown>,
    );
    const images = container.querySelectorAll('img');
    expect(images).toHaveLength(1);
    expect(images[0]).toHaveAttribute('src', 'https://images.example.com/c.png');
    expect(images[0]).toHaveAttribute('alt', 'ok');
    expect(container.querySelector('[data-slot="markdown-image-placeholder"]')).toHaveTextContent('other');
  });

  it('lets components replace elements, with URLs already vetted', () => {
    const seen: (string | undefined)[] = [];
    function Link({ href, children }: { href?: string; children?: React.ReactNode }) {
      seen.push(href);
      return <a href={href} data-custom="">{children}</a>;
    }
    const { container } = render(<Markdown components={{ a: Link }}>{'[ok](https://a.example) [bad](javascript:alert(1))'}</Markdown>);
    expect(container.querySelectorAll('[data-custom]')).toHaveLength(2);
    expect(seen).toEqual(['https://a.example/', undefined]);
  });

  it('renders an empty text as an empty container', () => {
    const { container } = render(<Markdown>{''}</Markdown>);
    expect(container.firstElementChild?.childElementCount).toBe(0);
  });

  it('has no axe violations', async () => {
    const { container } = render(<Markdown>{constructsSample}</Markdown>);
    // jsdom does no rendering, so axe cannot compute color contrast there (the stories check it in Chromium).
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });

  it('names the copy button of each code block', () => {
    render(<Markdown>{'```sh\nnpm test\n```'}</Markdown>);
    const block = screen.getByText('sh').closest('[data-slot="markdown-code-block"]') as HTMLElement;
    expect(within(block).getByRole('button', { name: 'Copy code' })).toBeInTheDocument();
  });
});
