import { render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { TypingIndicator } from './typing-indicator.tsx';

describe('TypingIndicator', () => {
  it('is a status announced as "Assistant is typing" by default', () => {
    render(<TypingIndicator />);
    expect(screen.getByRole('status', { name: 'Assistant is typing' })).toHaveTextContent('Assistant is typing');
  });

  it('uses a custom label', () => {
    render(<TypingIndicator label="Thinking" />);
    expect(screen.getByRole('status', { name: 'Thinking' })).toBeInTheDocument();
  });

  it('hides its dots from assistive technology and stops them under reduced motion', () => {
    render(<TypingIndicator />);
    const dots = screen.getByRole('status').querySelectorAll('[data-slot="typing-indicator-dot"]');
    expect(dots).toHaveLength(3);
    for (const dot of dots) {
      expect(dot).toHaveAttribute('aria-hidden', 'true');
      expect(dot).toHaveClass('animate-sk-typing', 'motion-reduce:animate-none');
    }
  });

  it('merges className last and forwards its ref', () => {
    const ref = createRef<HTMLDivElement>();
    render(<TypingIndicator ref={ref} className="custom h-8" data-testid="indicator" />);
    const el = screen.getByRole('status');
    expect(el).toHaveClass('custom', 'h-8');
    expect(el).not.toHaveClass('h-6');
    expect(el).toHaveAttribute('data-slot', 'typing-indicator');
    expect(ref.current).toBe(el);
  });
});
