import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Markdown } from './markdown.tsx';
import { constructsSample } from './markdown-samples.ts';

// Highlighting is async and orthogonal to what these tests check; code stays plain text here.
vi.mock('./highlight-code.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./highlight-code.ts')>()),
  resolveLanguage: () => undefined,
}));

const markers = ['**', '__', '*', '_', '`', '~~', '](', '[', ']', '|'];

// What a reader sees: text content without the code block's label and copy button.
function visibleText(root: HTMLElement): string {
  const clone = root.cloneNode(true) as HTMLElement;
  for (const chrome of clone.querySelectorAll('[data-slot="markdown-code-language"], [data-slot="markdown-copy-button"], [role="status"]')) chrome.remove();
  return clone.textContent ?? '';
}

// innerHTML with each element's attributes in name order. Streaming patches attributes in the order
// they arrive (a table column's alignment comes after its header cell was first rendered), which
// changes their order in innerHTML but not the DOM's meaning.
function canonicalHtml(node: Node): string {
  if (!(node instanceof Element)) return node.nodeType === Node.TEXT_NODE ? JSON.stringify(node.textContent) : '';
  const attributes = [...node.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).sort();
  return `<${node.tagName.toLowerCase()} ${attributes.join(' ')}>${[...node.childNodes].map(canonicalHtml).join('')}</>`;
}

// Rendering at every cut point is hundreds of renders; this machine class runs them slowly.
const slow = { timeout: 180_000 };

describe('Markdown while streaming', () => {
  it('never shows a raw marker at any cut point of a document where the finished form has none', slow, () => {
    const finished = render(<Markdown>{constructsSample}</Markdown>);
    const finalText = visibleText(finished.container);
    const absent = markers.filter((marker) => !finalText.includes(marker));
    expect(absent).toEqual(markers);
    finished.unmount();

    const { container, rerender } = render(<Markdown streaming>{''}</Markdown>);
    const leaks: string[] = [];
    for (let cut = 1; cut <= constructsSample.length; cut += 1) {
      rerender(<Markdown streaming>{constructsSample.slice(0, cut)}</Markdown>);
      const text = visibleText(container);
      for (const marker of absent) {
        if (text.includes(marker)) leaks.push(`${JSON.stringify(constructsSample.slice(Math.max(0, cut - 12), cut))} shows ${marker}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('renders the same HTML after streaming ends as a one-shot render of the whole text', slow, () => {
    const { container, rerender } = render(<Markdown streaming>{''}</Markdown>);
    for (let cut = 1; cut <= constructsSample.length; cut += 1) {
      rerender(<Markdown streaming>{constructsSample.slice(0, cut)}</Markdown>);
    }
    rerender(<Markdown streaming={false}>{constructsSample}</Markdown>);
    const oneShot = render(<Markdown>{constructsSample}</Markdown>);
    expect(canonicalHtml(container)).toBe(canonicalHtml(oneShot.container));
    expect(container.innerHTML.length).toBe(oneShot.container.innerHTML.length);
  });
});

describe('Markdown repairs the end of a streaming text', () => {
  function live(text: string): HTMLElement {
    return render(<Markdown streaming>{text}</Markdown>).container;
  }

  it('renders an unclosed **bold as bold', () => {
    const root = live('Some **bold te');
    expect(root.querySelector('strong')).toHaveTextContent('bold te');
    expect(root).not.toHaveTextContent('**');
  });

  it('renders an unclosed _em as emphasis', () => {
    expect(live('Some _emphasi').querySelector('em')).toHaveTextContent('emphasi');
  });

  it('renders an unclosed `code as inline code', () => {
    const root = live('Run `npm te');
    expect(root.querySelector('code')).toHaveTextContent('npm te');
    expect(root).not.toHaveTextContent('`');
  });

  it('renders [text]( with a partial URL as a pending link that has no href', () => {
    const root = live('See [the docs](https://exam');
    const link = root.querySelector('[data-slot="markdown-link"]');
    expect(link).toHaveTextContent('the docs');
    expect(link).toHaveAttribute('data-state', 'pending');
    expect(root.querySelector('a')).toBeNull();
    expect(root).not.toHaveTextContent('](');
  });

  it('renders a trailing [text] as a pending link before its URL starts', () => {
    const root = live('See [the docs]');
    expect(root.querySelector('[data-state="pending"]')).toHaveTextContent('the docs');
    expect(root).not.toHaveTextContent('[');
  });

  it('renders a table header as a table before its delimiter row is complete', () => {
    for (const text of ['| Name | Va', '| Name | Value |', '| Name | Value |\n| --', '| Name | Value |\n| --- |']) {
      const root = live(text);
      expect(root.querySelectorAll('th'), text).toHaveLength(2);
      expect(root, text).not.toHaveTextContent('|');
    }
  });

  it('renders a half table row as a row', () => {
    const root = live('| Name | Value |\n| --- | --- |\n| alpha | 1');
    expect([...root.querySelectorAll('td')].map((cell) => cell.textContent)).toEqual(['alpha', '1']);
  });

  it('renders an unclosed code fence as a code block that grows', () => {
    const { container, rerender } = render(<Markdown streaming>{'```py\nprint(1)'}</Markdown>);
    const block = container.querySelector('[data-slot="markdown-code-block"]');
    expect(block?.querySelector('code')).toHaveTextContent('print(1)');
    rerender(<Markdown streaming>{'```py\nprint(1)\nprint(2)\n``'}</Markdown>);
    expect(container.querySelector('[data-slot="markdown-code-block"]')).toBe(block);
    expect(block?.querySelector('code')?.textContent).toBe('print(1)\nprint(2)');
  });

  it('holds back a marker run that has only begun', () => {
    expect(live('Some words **').textContent).toBe('Some words');
    expect(live('- [ ]').querySelector('li')?.textContent).toBe('');
  });

  it('stops repairing once streaming ends: the finished text renders exactly as written', () => {
    const root = render(<Markdown>{'Some **bold te'}</Markdown>).container;
    expect(root.querySelector('strong')).toBeNull();
    expect(root).toHaveTextContent('Some **bold te');
  });

  it('repairs only the last block', () => {
    const root = live('A lone ** in a settled paragraph.\n\nThen **bold');
    expect(root.querySelector('p')).toHaveTextContent('A lone ** in a settled paragraph.');
    expect(root.querySelector('strong')).toHaveTextContent('bold');
  });
});
