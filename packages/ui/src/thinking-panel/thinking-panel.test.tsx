import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ThinkingPanel, ThinkingPanelContent, ThinkingPanelTrigger, type ThinkingPanelProps } from './thinking-panel.tsx';

function Panel(props: ThinkingPanelProps) {
  return (
    <ThinkingPanel {...props}>
      <ThinkingPanelTrigger />
      <ThinkingPanelContent>First I compare the two numbers.</ThinkingPanelContent>
    </ThinkingPanel>
  );
}

function content() {
  return screen.getByText('First I compare the two numbers.');
}

describe('ThinkingPanel', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is open and says "Thinking…" while the model thinks', () => {
    render(<Panel streaming />);
    const trigger = screen.getByRole('button', { name: 'Thinking…' });
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    expect(content()).toBeVisible();
  });

  it('points the trigger at the content with aria-controls', () => {
    render(<Panel streaming />);
    const trigger = screen.getByRole('button');
    expect(trigger).toHaveAttribute('aria-controls', content().id);
    expect(screen.getByRole('group', { name: 'Thinking…' })).toBe(content());
  });

  it('pulses the "Thinking…" label, and not under reduced motion', () => {
    render(<Panel streaming />);
    expect(screen.getByText('Thinking…')).toHaveClass('animate-pulse', 'motion-reduce:animate-none');
  });

  it('collapses to "Thought for 4 s" when thinking ends', () => {
    vi.useFakeTimers();
    const { rerender } = render(<Panel streaming />);
    act(() => vi.advanceTimersByTime(4200));
    rerender(<Panel streaming={false} />);
    const trigger = screen.getByRole('button', { name: 'Thought for 4 s' });
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    expect(content()).not.toBeVisible();
    expect(screen.getByText('Thought for 4 s')).not.toHaveClass('animate-pulse');
  });

  it('says "Thought for a few seconds" when thinking took under a second', () => {
    vi.useFakeTimers();
    const { rerender } = render(<Panel streaming />);
    act(() => vi.advanceTimersByTime(600));
    rerender(<Panel streaming={false} />);
    expect(screen.getByRole('button', { name: 'Thought for a few seconds' })).toBeInTheDocument();
  });

  it('uses durationMs when given instead of measuring', () => {
    render(<Panel durationMs={12_000} />);
    expect(screen.getByRole('button', { name: 'Thought for 12 s' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('says "Reasoning" when it mounts already done and no duration is known', () => {
    render(<Panel />);
    expect(screen.getByRole('button', { name: 'Reasoning' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('opens on click once done, and closes on a second click', async () => {
    const user = userEvent.setup();
    render(<Panel durationMs={4000} />);
    const trigger = screen.getByRole('button', { name: 'Thought for 4 s' });
    await user.click(trigger);
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    expect(content()).toBeVisible();
    await user.click(trigger);
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
  });

  it('toggles with Enter and Space on the focused trigger', async () => {
    const user = userEvent.setup();
    render(<Panel durationMs={4000} />);
    const trigger = screen.getByRole('button');
    await user.tab();
    expect(trigger).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard(' ');
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
  });

  it('stays closed when thinking ends if the user closed it while streaming', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<Panel streaming />);
    await user.click(screen.getByRole('button'));
    rerender(<Panel streaming={false} />);
    expect(screen.getByRole('button')).toHaveAttribute('aria-expanded', 'false');
  });

  it('stays open when thinking ends if the user reopened it while streaming', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<Panel streaming />);
    await user.click(screen.getByRole('button'));
    await user.click(screen.getByRole('button'));
    rerender(<Panel streaming={false} />);
    expect(screen.getByRole('button')).toHaveAttribute('aria-expanded', 'true');
    expect(content()).toBeVisible();
  });

  it('opens by itself when thinking starts after mount', () => {
    const { rerender } = render(<Panel />);
    rerender(<Panel streaming />);
    expect(screen.getByRole('button', { name: 'Thinking…' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('starts open when done if defaultOpen is set', () => {
    render(<Panel durationMs={2000} defaultOpen />);
    expect(screen.getByRole('button')).toHaveAttribute('aria-expanded', 'true');
  });

  it('follows the open prop when controlled and reports toggles with onOpenChange', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    const { rerender } = render(<Panel streaming open={false} onOpenChange={onOpenChange} />);
    const trigger = screen.getByRole('button');
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    await user.click(trigger);
    expect(onOpenChange).toHaveBeenCalledWith(true);
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    rerender(<Panel streaming open onOpenChange={onOpenChange} />);
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
  });

  it('shows redacted thinking as such, with nothing to expand', () => {
    render(<Panel redacted />);
    const trigger = screen.getByRole('button', { name: 'Thinking redacted by the provider' });
    expect(trigger).toBeDisabled();
    expect(trigger).not.toHaveAttribute('aria-expanded');
    expect(trigger).not.toHaveAttribute('aria-controls');
    expect(screen.queryByText('First I compare the two numbers.')).not.toBeInTheDocument();
  });

  it('writes its state to data-state and data-status', () => {
    const { container } = render(<Panel streaming />);
    const root = container.querySelector('[data-slot="thinking-panel"]');
    expect(root).toHaveAttribute('data-state', 'open');
    expect(root).toHaveAttribute('data-status', 'thinking');
  });

  it('scrolls long reasoning inside the panel', () => {
    render(<Panel streaming />);
    expect(content()).toHaveClass('max-h-72', 'overflow-y-auto', 'overscroll-contain');
    expect(content()).toHaveAttribute('tabindex', '0');
  });

  it('keeps a caller-prevented click from toggling', async () => {
    const user = userEvent.setup();
    render(
      <ThinkingPanel durationMs={1000}>
        <ThinkingPanelTrigger onClick={(event) => event.preventDefault()} />
        <ThinkingPanelContent>text</ThinkingPanelContent>
      </ThinkingPanel>,
    );
    await user.click(screen.getByRole('button'));
    expect(screen.getByRole('button')).toHaveAttribute('aria-expanded', 'false');
  });

  it('merges className last and forwards refs on every part', () => {
    const rootRef = createRef<HTMLDivElement>();
    const triggerRef = createRef<HTMLButtonElement>();
    const contentRef = createRef<HTMLDivElement>();
    render(
      <ThinkingPanel ref={rootRef} className="custom gap-4" data-testid="root" streaming>
        <ThinkingPanelTrigger ref={triggerRef} className="text-lg" />
        <ThinkingPanelContent ref={contentRef} className="max-h-40">
          text
        </ThinkingPanelContent>
      </ThinkingPanel>,
    );
    expect(screen.getByTestId('root')).toHaveClass('custom', 'gap-4');
    expect(screen.getByTestId('root')).not.toHaveClass('gap-1.5');
    expect(rootRef.current).toBe(screen.getByTestId('root'));
    expect(triggerRef.current).toBe(screen.getByRole('button'));
    expect(screen.getByRole('button')).toHaveClass('text-lg');
    expect(contentRef.current).toHaveClass('max-h-40');
    expect(contentRef.current).not.toHaveClass('max-h-72');
  });

  it('throws a helpful error when a part is used outside ThinkingPanel', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<ThinkingPanelTrigger />)).toThrow('`ThinkingPanelTrigger` must be used within `ThinkingPanel`');
    expect(() => render(<ThinkingPanelContent />)).toThrow('`ThinkingPanelContent` must be used within `ThinkingPanel`');
    vi.mocked(console.error).mockRestore();
  });

  it('has no axe violations open, closed or redacted', async () => {
    const { container } = render(
      <>
        <Panel streaming />
        <Panel durationMs={3000} />
        <Panel redacted />
      </>,
    );
    // jsdom does no rendering, so axe cannot compute color contrast there.
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations).toEqual([]);
  });
});
