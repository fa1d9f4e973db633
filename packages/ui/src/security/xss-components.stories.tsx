import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ReasoningPart, ToolCallPart } from '@streamkit/core';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { findUnsafeMarkup, xssCorpus } from '../markdown/xss-corpus.ts';
import { Sources } from '../sources/sources.tsx';
import { StreamingForm } from '../streaming-form/streaming-form.tsx';
import { ReasoningBlock } from '../thinking-panel/reasoning-block.tsx';
import { ToolCallCard } from '../tool-call-card/tool-call-card.tsx';
import { useDialogTraps, type TrapWindow } from './dialog-traps.ts';

/**
 * The XSS corpus streamed through every component that shows model output besides Markdown
 * (which has its own story): the thinking panel, tool-call cards (input, output, error, name),
 * the streaming form and the sources list. After each step the DOM is checked for event handlers,
 * unsafe URLs and active elements; no dialog may open and no script may run.
 */
const meta = {
  title: 'UI/Security/XSS in every component',
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const steps = 4;

function reasoning(text: string, streaming: boolean): ReasoningPart {
  return { type: 'reasoning', id: 'r', text, state: streaming ? 'streaming' : 'done' };
}

function toolCall(payload: string, step: number): ToolCallPart {
  const states: ToolCallPart['state'][] = ['input-streaming', 'input-streaming', 'input-available', 'executing', 'output-available', 'output-error'];
  return {
    type: 'tool-call',
    toolCallId: `call-${payload.length}`,
    toolName: payload.slice(0, 40),
    state: states[Math.min(step, states.length - 1)]!,
    inputText: JSON.stringify({ query: payload }),
    input: { query: payload, nested: { html: payload } },
    output: step >= 4 ? { answer: payload, link: payload } : undefined,
    errorText: step >= 5 ? payload : undefined,
  };
}

function XssEverywhere() {
  useDialogTraps();
  const [step, setStep] = useState(0);
  const [problems, setProblems] = useState<string[]>([]);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const timer = setInterval(() => setStep((current) => Math.min(steps, current + 1)), 30);
    return () => clearInterval(timer);
  }, []);

  useLayoutEffect(() => {
    if (!ref.current) return;
    const found = findUnsafeMarkup(ref.current);
    if (found.length > 0) setProblems((all) => [...all, ...found]);
  }, [step]);

  const streaming = step < steps;
  const part = (payload: string) => payload.slice(0, Math.ceil((payload.length * (step + 1)) / (steps + 1)));
  return (
    <div data-testid="xss-everywhere" data-done={!streaming} data-problems={problems.length}>
      <div ref={ref} className="flex flex-col gap-3">
        {xssCorpus.map((payload, index) => (
          <section key={index} className="flex flex-col gap-2 rounded-lg border border-sk-border p-3">
            <ReasoningBlock part={reasoning(part(payload), streaming)} />
            <ToolCallCard part={toolCall(part(payload), step)} onApprove={() => {}} onDeny={() => {}} />
            <Sources sources={[{ type: 'source', sourceType: 'url', id: `s${index}`, url: payload, title: payload }]} />
            <StreamingForm
              aria-label={`Form ${index}`}
              fields={[{ name: 'name' }, { name: 'notes', kind: 'textarea' }, { name: 'link', kind: 'url' }]}
              value={{ name: part(payload), notes: payload, link: payload }}
              status={streaming ? 'streaming' : 'ready'}
            />
          </section>
        ))}
      </div>
      <pre data-slot="xss-problems">{problems.join('\n')}</pre>
    </div>
  );
}

export const Corpus: Story = {
  render: () => <XssEverywhere />,
  play: async ({ canvasElement }) => {
    const harness = within(canvasElement).getByTestId('xss-everywhere');
    await waitFor(() => expect(harness).toHaveAttribute('data-done', 'true'), { timeout: 50_000, interval: 100 });
    await expect(canvasElement.querySelector('[data-slot="xss-problems"]')).toHaveTextContent('');
    await expect(findUnsafeMarkup(canvasElement)).toEqual([]);
    await expect((window as TrapWindow).__pwned).toBeUndefined();
    await expect(harness).toHaveTextContent('<script>window.__pwned=1</script>');
  },
};
