import { render } from '@testing-library/react';
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Markdown } from './markdown.tsx';
import { longAnswer } from './markdown-samples.ts';
import { splitBlocks } from './split-blocks.ts';

// Every call is one block parsed and rendered by react-markdown; the source tells which block.
const renders = vi.hoisted(() => ({ sources: [] as string[] }));
vi.mock('react-markdown', async (importOriginal) => {
  const original = await importOriginal<typeof import('react-markdown')>();
  return {
    ...original,
    default: (props: Parameters<typeof original.default>[0]) => {
      renders.sources.push(props.children ?? '');
      return createElement(original.default, props);
    },
  };
});

vi.mock('./highlight-code.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./highlight-code.ts')>()),
  resolveLanguage: () => undefined,
}));

describe('Markdown memoization', () => {
  it('renders each completed block once and a constant number of blocks per delta over a 50 KB answer', { timeout: 600_000 }, () => {
    const text = longAnswer(50);
    const finalBlocks = splitBlocks(text).blocks;
    expect(text.length).toBeGreaterThan(50_000);
    expect(finalBlocks.length).toBeGreaterThan(250);

    const { container, rerender } = render(<Markdown streaming>{''}</Markdown>);
    const perDelta: number[] = [];
    const delta = 40;
    for (let end = delta; end < text.length + delta; end += delta) {
      const before = renders.sources.length;
      rerender(<Markdown streaming>{text.slice(0, end)}</Markdown>);
      perDelta.push(renders.sources.length - before);
    }
    rerender(<Markdown streaming={false}>{text}</Markdown>);

    // A delta renders the last block, and at most the blocks that settled with it.
    expect(Math.max(...perDelta)).toBeLessThanOrEqual(3);
    // Each settled block rendered exactly once in its final form: never again on later deltas.
    const timesRendered = new Map<string, number>();
    for (const source of renders.sources) timesRendered.set(source, (timesRendered.get(source) ?? 0) + 1);
    const settled = finalBlocks.slice(0, -1);
    const renderedMoreThanOnce = settled.filter((block) => timesRendered.get(block.source) !== 1);
    expect(renderedMoreThanOnce.map((block) => block.source.slice(0, 40))).toEqual([]);
    expect(container.querySelectorAll('h3')).toHaveLength(finalBlocks.filter((block) => block.type === 'heading').length);
  });

  it('keeps the DOM nodes of settled blocks as later blocks stream in', () => {
    const { container, rerender } = render(<Markdown streaming>{'First paragraph.\n\nSecond'}</Markdown>);
    const first = container.querySelector('p');
    rerender(<Markdown streaming>{'First paragraph.\n\nSecond paragraph.\n\n- a list'}</Markdown>);
    rerender(<Markdown>{'First paragraph.\n\nSecond paragraph.\n\n- a list\n- done'}</Markdown>);
    expect(container.querySelector('p')).toBe(first);
  });

  it('does not re-render settled blocks when given an equal inline components object', () => {
    const Strong = (props: { children?: React.ReactNode }) => <b>{props.children}</b>;
    const { rerender } = render(<Markdown components={{ strong: Strong }}>{'One **a**.\n\nTwo **b**.'}</Markdown>);
    const before = renders.sources.length;
    rerender(<Markdown components={{ strong: Strong }} allowImages={{ origins: ['https://a.example'] }}>{'One **a**.\n\nTwo **b**.'}</Markdown>);
    rerender(<Markdown components={{ strong: Strong }} allowImages={{ origins: ['https://a.example'] }}>{'One **a**.\n\nTwo **b**.'}</Markdown>);
    // The first rerender changes allowImages (false → a list): one render per block. The second is equal.
    expect(renders.sources.length - before).toBe(2);
  });
});
