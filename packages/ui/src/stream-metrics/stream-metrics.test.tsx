import { render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { emptyMetrics, finishedMetrics } from '../fixtures/stream-metrics.ts';
import { StreamMetrics } from './stream-metrics.tsx';

const empty = emptyMetrics;
const finished = finishedMetrics(1);

/** The value (`<dd>`) that follows the term (`<dt>`) with this text. */
function valueOf(term: string): string | null | undefined {
  const definition = screen.getAllByRole('term').find((element) => element.textContent === term)?.nextElementSibling;
  expect(definition).toHaveRole('definition');
  return definition?.textContent;
}

const terms = () => screen.getAllByRole('term').map((element) => element.textContent);

describe('StreamMetrics', () => {
  it('lists TTFT, ITL p50 / p95 and tokens per second as terms and values', () => {
    render(<StreamMetrics metrics={finished} locale="en-US" />);
    expect(valueOf('TTFT')).toBe('312 ms');
    expect(valueOf('ITL')).toBe('18 / 41 ms');
    expect(valueOf('Speed')).toBe('52 tok/s');
  });

  it('spells out the abbreviations in a tooltip', () => {
    render(<StreamMetrics metrics={finished} />);
    expect(screen.getByTitle('Time to first token')).toHaveTextContent('TTFT');
    expect(screen.getByTitle('Inter-token latency, median / 95th percentile')).toHaveTextContent('ITL');
  });

  it('shows tokens, reconnects and bytes received once they are above zero', () => {
    render(<StreamMetrics metrics={finished} locale="en-US" />);
    expect(valueOf('Tokens')).toBe('523');
    expect(valueOf('Reconnects')).toBe('1');
    expect(valueOf('Received')).toBe('48.2 kB');
  });

  it('leaves out tokens, reconnects and bytes while they are zero', () => {
    render(<StreamMetrics metrics={{ ...finished, tokens: 0, reconnects: 0, bytes: 0 }} />);
    expect(terms()).toEqual(['TTFT', 'ITL', 'Speed']);
  });

  it('shows a dash for every value not measured yet', () => {
    render(<StreamMetrics metrics={empty} />);
    expect(screen.getAllByRole('definition').map((element) => element.textContent)).toEqual(['—', '—', '—']);
  });

  it('shows dashes only for the values still missing while streaming', () => {
    render(<StreamMetrics metrics={{ ...empty, ttftMs: 287, itlP50Ms: 21, tokens: 12, bytes: 900 }} locale="en-US" />);
    expect(valueOf('TTFT')).toBe('287 ms');
    expect(valueOf('ITL')).toBe('21 / — ms');
    expect(valueOf('Speed')).toBe('—');
    expect(valueOf('Received')).toBe('900 B');
  });

  it('uses tabular figures so the numbers do not jitter', () => {
    const { container } = render(<StreamMetrics metrics={finished} />);
    expect(container.querySelector('dl')).toHaveClass('tabular-nums');
  });

  it('puts everything on one line when compact, keeping the speed label for screen readers', () => {
    const { container } = render(<StreamMetrics metrics={finished} compact locale="en-US" />);
    const list = container.querySelector('dl');
    expect(list).toHaveAttribute('data-compact', 'true');
    expect(list).toHaveClass('whitespace-nowrap', 'flex-nowrap');
    expect(screen.getByText('Speed')).toHaveClass('sr-only');
    expect(list).toHaveTextContent('TTFT312 msITL18 / 41 msSpeed52 tok/s');
  });

  it('marks each item with its metric', () => {
    const { container } = render(<StreamMetrics metrics={finished} />);
    const metrics = [...container.querySelectorAll('[data-slot="stream-metrics-item"]')].map((item) => item.getAttribute('data-metric'));
    expect(metrics).toEqual(['ttft', 'itl', 'speed', 'tokens', 'reconnects', 'bytes']);
  });

  it('merges className last, spreads props and forwards its ref', () => {
    const ref = createRef<HTMLDListElement>();
    const { container } = render(
      <StreamMetrics ref={ref} metrics={finished} className="custom text-base" aria-label="Reply metrics" />,
    );
    const list = container.querySelector('dl');
    expect(list).toHaveClass('custom', 'text-base');
    expect(list).not.toHaveClass('text-sm');
    expect(list).toHaveAttribute('data-slot', 'stream-metrics');
    expect(list).toHaveAttribute('aria-label', 'Reply metrics');
    expect(ref.current).toBe(list);
  });

  it('has no axe violations, full or compact', async () => {
    const { container } = render(
      <>
        <StreamMetrics metrics={finished} />
        <StreamMetrics metrics={empty} compact />
      </>,
    );
    // jsdom does no rendering, so axe cannot compute color contrast there.
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations).toEqual([]);
  });
});
