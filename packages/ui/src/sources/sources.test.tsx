import { render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import type { SourcePart } from '@streamkit/core';
import { Citation } from './citation.tsx';
import { Sources } from './sources.tsx';

function urlSource(id: string, url: string, title?: string): SourcePart {
  return title === undefined ? { type: 'source', sourceType: 'url', id, url } : { type: 'source', sourceType: 'url', id, url, title };
}

function list() {
  return screen.getByRole('list', { name: 'Sources' });
}

describe('Sources', () => {
  it('numbers the sources from 1 in order', () => {
    render(
      <Sources
        sources={[
          urlSource('s1', 'https://developer.mozilla.org/docs/Web/API/EventSource', 'EventSource'),
          urlSource('s2', 'https://html.spec.whatwg.org/multipage/server-sent-events.html', 'HTML spec'),
        ]}
      />,
    );
    const items = within(list()).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('[data-slot="source-number"]')?.textContent)).toEqual(['1', '2']);
    expect(items[0]).toHaveTextContent('EventSource');
    expect(items[1]).toHaveTextContent('HTML spec');
  });

  it('links http and https URLs in a new tab without an opener', () => {
    render(<Sources sources={[urlSource('s1', 'https://example.com/a', 'Example'), urlSource('s2', 'http://example.org')]} />);
    const link = screen.getByRole('link', { name: 'Example (opens in a new tab)' });
    expect(link).toHaveAttribute('href', 'https://example.com/a');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByRole('link', { name: /example\.org/ })).toHaveAttribute('href', 'http://example.org/');
  });

  it('shows the host beside a titled link, and the host as the title of an untitled one', () => {
    render(<Sources sources={[urlSource('s1', 'https://www.example.com/a', 'Example'), urlSource('s2', 'https://example.org/b')]} />);
    const items = within(list()).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Example (opens in a new tab)example.com');
    expect(within(items[1]!).getByRole('link')).toHaveTextContent('example.org');
  });

  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['relative', '/account/delete'],
    ['protocol-relative', '//evil.example.com/x'],
  ])('shows a %s URL as text, never as a link', (_kind, url) => {
    render(<Sources sources={[urlSource('s1', url, 'Looks harmless')]} />);
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(within(list()).getByText('Looks harmless')).toBeInTheDocument();
    expect(within(list()).getByText(url)).toBeInTheDocument();
  });

  it('shows a document by title or file name, without a link', () => {
    render(
      <Sources
        sources={[
          { type: 'source', sourceType: 'document', id: 'd1', title: 'Q3 report', filename: 'q3-report.pdf', mediaType: 'application/pdf' },
          { type: 'source', sourceType: 'document', id: 'd2', filename: 'notes.md', mediaType: 'text/markdown' },
        ]}
      />,
    );
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    const items = within(list()).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Q3 report');
    expect(items[0]).toHaveTextContent('q3-report.pdf');
    expect(items[1]).toHaveTextContent('notes.md');
    expect(items[1]).toHaveAttribute('data-source-type', 'document');
  });

  it('renders nothing without sources', () => {
    const { container } = render(<Sources sources={[]} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('takes a custom label, merges className last and forwards its ref', () => {
    const ref = createRef<HTMLDivElement>();
    render(<Sources ref={ref} label="References" className="custom gap-3" sources={[urlSource('s1', 'https://example.com')]} />);
    expect(screen.getByRole('list', { name: 'References' })).toBeInTheDocument();
    expect(ref.current).toHaveClass('custom', 'gap-3');
    expect(ref.current).not.toHaveClass('gap-1.5');
    expect(ref.current).toHaveAttribute('data-slot', 'sources');
  });

  it('has no axe violations', async () => {
    const { container } = render(
      <Sources
        sources={[
          urlSource('s1', 'https://example.com', 'Example'),
          urlSource('s2', 'javascript:alert(1)', 'Hostile'),
          { type: 'source', sourceType: 'document', id: 'd1', title: 'Report' },
        ]}
      />,
    );
    // jsdom does no rendering, so axe cannot compute color contrast there.
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations).toEqual([]);
  });
});

describe('Citation', () => {
  it('is a numbered link to an http(s) source, in a new tab without an opener', () => {
    render(<Citation index={2} source={urlSource('s2', 'https://example.com/spec', 'The spec')} />);
    const link = screen.getByRole('link', { name: '[2] The spec (opens in a new tab)' });
    expect(link).toHaveAttribute('href', 'https://example.com/spec');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(link.closest('sup')).toHaveAttribute('data-slot', 'citation');
  });

  it('is plain text for a javascript: source', () => {
    render(<Citation index={1} source={urlSource('s1', 'javascript:alert(1)', 'Hostile')} />);
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByText('[1]')).toHaveAttribute('title', 'Hostile');
  });

  it('is plain text for a document source or no source', () => {
    render(
      <>
        <Citation index={1} source={{ type: 'source', sourceType: 'document', id: 'd1', filename: 'a.pdf' }} />
        <Citation index={2} />
      </>,
    );
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByText('[1]')).toHaveAttribute('title', 'a.pdf');
    expect(screen.getByText('[2]')).toBeInTheDocument();
  });

  it('merges className last and forwards its ref', () => {
    const ref = createRef<HTMLElement>();
    render(<Citation ref={ref} index={1} className="text-base" />);
    expect(ref.current?.tagName).toBe('SUP');
    expect(ref.current).toHaveClass('text-base');
    expect(ref.current).not.toHaveClass('text-[0.7em]');
  });
});
