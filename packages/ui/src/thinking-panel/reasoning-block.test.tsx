import { render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import type { ReasoningPart } from '@streamkit/core';
import { ReasoningBlock } from './reasoning-block.tsx';

function reasoning(overrides: Partial<ReasoningPart> = {}): ReasoningPart {
  return { type: 'reasoning', text: 'Compare **9.11** and 9.9.', state: 'streaming', ...overrides };
}

describe('ReasoningBlock', () => {
  it('is open while the part streams and collapsed once it is done', () => {
    const { rerender } = render(<ReasoningBlock part={reasoning()} />);
    expect(screen.getByRole('button', { name: 'Thinking…' })).toHaveAttribute('aria-expanded', 'true');
    rerender(<ReasoningBlock part={reasoning({ state: 'done' })} />);
    expect(screen.getByRole('button', { name: /^Thought for/ })).toHaveAttribute('aria-expanded', 'false');
  });

  it('renders the reasoning as Markdown', () => {
    render(<ReasoningBlock part={reasoning()} />);
    expect(screen.getByText('9.11').tagName).toBe('STRONG');
  });

  it('renders raw HTML in the reasoning as text', () => {
    render(<ReasoningBlock part={reasoning({ text: 'Maybe <img src=x onerror="alert(1)"> works', state: 'done' })} defaultOpen />);
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(screen.getByRole('group')).toHaveTextContent('<img src=x onerror="alert(1)">');
  });

  it('shows a redacted part as redacted', () => {
    render(<ReasoningBlock part={reasoning({ text: '', state: 'done', redacted: true })} />);
    expect(screen.getByRole('button', { name: 'Thinking redacted by the provider' })).toBeDisabled();
  });

  it('passes panel props through and forwards its ref', () => {
    const ref = createRef<HTMLDivElement>();
    render(<ReasoningBlock ref={ref} part={reasoning({ state: 'done' })} durationMs={3000} className="custom" />);
    expect(screen.getByRole('button', { name: 'Thought for 3 s' })).toBeInTheDocument();
    expect(ref.current).toHaveAttribute('data-slot', 'thinking-panel');
    expect(ref.current).toHaveClass('custom');
  });
});
