import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ToolCallPart } from '@streamkit/core';
import { ToolCallCard } from './tool-call-card.tsx';

function toolCall(overrides: Partial<ToolCallPart> = {}): ToolCallPart {
  return {
    type: 'tool-call',
    toolCallId: 'call_1',
    toolName: 'get_weather',
    state: 'input-available',
    inputText: '{"city":"Paris","unit":"celsius"}',
    input: { city: 'Paris', unit: 'celsius' },
    ...overrides,
  };
}

function card() {
  return screen.getByRole('group', { name: 'Tool call: get_weather' });
}

describe('ToolCallCard', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the tool name at once, before any input arrives', () => {
    render(<ToolCallCard part={toolCall({ state: 'input-streaming', inputText: '', input: undefined })} />);
    expect(within(card()).getByText('get_weather')).toBeInTheDocument();
    expect(within(card()).getByText('Preparing…')).toBeInTheDocument();
    expect(card().querySelector('[data-slot="tool-call-card-input-skeleton"]')).toHaveAttribute('aria-hidden', 'true');
  });

  it('shows partial input formatted while it streams', () => {
    render(<ToolCallCard part={toolCall({ state: 'input-streaming', inputText: '{"city":"Par', input: { city: 'Par' } })} />);
    const input = card().querySelector('[data-slot="tool-call-card-input"]');
    expect(input?.textContent).toBe('{\n  "city": "Par"\n}');
  });

  it('shows broken raw input text as it is, never a parse error, while input is undefined', () => {
    render(<ToolCallCard part={toolCall({ state: 'input-streaming', inputText: '{"city": "Par', input: undefined })} />);
    expect(screen.getByText('{"city": "Par')).toHaveAttribute('data-raw');
    expect(card()).not.toHaveTextContent(/SyntaxError|Unexpected|JSON/);
  });

  it('shows strings in the input as text, never as HTML', () => {
    render(<ToolCallCard part={toolCall({ input: { city: '<img src=x onerror=alert(1)>' } })} />);
    expect(card()).toHaveTextContent('"city": "<img src=x onerror=alert(1)>"');
    expect(card().querySelector('img')).toBeNull();
  });

  it('says "Queued" once the input is complete', () => {
    render(<ToolCallCard part={toolCall()} />);
    expect(within(card()).getByText('Queued')).toBeInTheDocument();
    expect(card()).toHaveAttribute('data-state', 'input-available');
  });

  it('calls onApprove and onDeny with the tool call id', async () => {
    const user = userEvent.setup();
    const onApprove = vi.fn();
    const onDeny = vi.fn();
    render(<ToolCallCard part={toolCall({ state: 'awaiting-approval' })} onApprove={onApprove} onDeny={onDeny} />);
    expect(within(card()).getByText('Awaiting approval')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    expect(onApprove).toHaveBeenCalledWith('call_1');
    await user.click(screen.getByRole('button', { name: 'Deny' }));
    expect(onDeny).toHaveBeenCalledWith('call_1');
  });

  it('shows no approval buttons without handlers, or in other states', () => {
    const { rerender } = render(<ToolCallCard part={toolCall({ state: 'awaiting-approval' })} />);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    rerender(<ToolCallCard part={toolCall({ state: 'executing' })} onApprove={vi.fn()} onDeny={vi.fn()} />);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('ticks the elapsed time while executing, measured from when it started executing', () => {
    vi.useFakeTimers();
    const { rerender } = render(<ToolCallCard part={toolCall()} />);
    act(() => vi.advanceTimersByTime(5000));
    rerender(<ToolCallCard part={toolCall({ state: 'executing' })} />);
    expect(within(card()).getByText('Running · 0 s')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(3000));
    expect(within(card()).getByText('Running · 3 s')).toBeInTheDocument();
  });

  it('counts elapsed time from startedAt when given', () => {
    vi.useFakeTimers();
    render(<ToolCallCard part={toolCall({ state: 'executing' })} startedAt={Date.now() - 7000} />);
    expect(within(card()).getByText('Running · 7 s')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(1000));
    expect(within(card()).getByText('Running · 8 s')).toBeInTheDocument();
  });

  it('stops ticking when execution ends', () => {
    vi.useFakeTimers();
    const { rerender } = render(<ToolCallCard part={toolCall({ state: 'executing' })} />);
    rerender(<ToolCallCard part={toolCall({ state: 'output-available', output: 'ok' })} />);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('shows preliminary output while executing', () => {
    render(<ToolCallCard part={toolCall({ state: 'executing', output: { progress: 0.5 } })} />);
    expect(within(card()).getByText('Partial result')).toBeInTheDocument();
  });

  it('shows the result formatted when output is available', () => {
    render(<ToolCallCard part={toolCall({ state: 'output-available', output: { temperature: 21, sky: 'clear' } })} />);
    expect(within(card()).getByText('Done')).toBeInTheDocument();
    const output = card().querySelector('[data-slot="tool-call-card-output"]');
    expect(output?.textContent).toBe('{\n  "temperature": 21,\n  "sky": "clear"\n}');
  });

  it('collapses a long result to a preview that expands on click', async () => {
    const user = userEvent.setup();
    const rows = Array.from({ length: 40 }, (_, i) => ({ day: i + 1, high: 20 + (i % 5) }));
    render(<ToolCallCard part={toolCall({ state: 'output-available', output: rows })} />);
    const toggle = screen.getByRole('button', { name: 'Show full result' });
    const output = card().querySelector('[data-slot="tool-call-card-output"]');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveAttribute('aria-controls', output?.id);
    expect(output?.textContent?.split('\n')).toHaveLength(12);
    expect(output?.textContent).toMatch(/…$/);
    await user.click(toggle);
    expect(screen.getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
    expect(output?.textContent).toBe(JSON.stringify(rows, null, 2));
  });

  it('shows the error text in an error style, without an alert', () => {
    render(<ToolCallCard part={toolCall({ state: 'output-error', errorText: 'Weather service timed out' })} />);
    const error = screen.getByText('Weather service timed out');
    expect(error.closest('[data-slot="tool-call-card-error"]')).toHaveClass('text-sk-danger');
    expect(within(card()).getByText('Failed')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(card()).toHaveAttribute('data-state', 'output-error');
  });

  it('says the tool failed when the error has no text', () => {
    render(<ToolCallCard part={toolCall({ state: 'output-error' })} />);
    expect(screen.getByText('The tool failed without saying why.')).toBeInTheDocument();
  });

  it('says "Denied" when the user denied the call', () => {
    render(<ToolCallCard part={toolCall({ state: 'denied' })} />);
    expect(within(card()).getByText('Denied')).toBeInTheDocument();
    expect(card()).toHaveAttribute('data-state', 'denied');
  });

  it('names a call whose tool name has not arrived yet "Tool"', () => {
    render(<ToolCallCard part={toolCall({ toolName: '' })} />);
    expect(screen.getByRole('group', { name: 'Tool call: Tool' })).toBeInTheDocument();
  });

  it('merges className last and forwards its ref', () => {
    const ref = createRef<HTMLDivElement>();
    render(<ToolCallCard ref={ref} part={toolCall()} className="custom rounded-none" />);
    expect(card()).toHaveClass('custom', 'rounded-none');
    expect(card()).not.toHaveClass('rounded-xl');
    expect(ref.current).toBe(card());
  });

  it('has no axe violations in any state', async () => {
    const { container } = render(
      <>
        <ToolCallCard part={toolCall({ state: 'input-streaming', inputText: '', input: undefined })} />
        <ToolCallCard part={toolCall({ state: 'awaiting-approval' })} onApprove={vi.fn()} onDeny={vi.fn()} />
        <ToolCallCard part={toolCall({ state: 'output-available', output: Array.from({ length: 30 }, (_, i) => i) })} />
        <ToolCallCard part={toolCall({ state: 'output-error', errorText: 'boom' })} />
      </>,
    );
    // jsdom does no rendering, so axe cannot compute color contrast there.
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations).toEqual([]);
  });
});
