import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ChatStatus } from '../chat-status.ts';
import { Composer, type ComposerProps } from './composer.tsx';

function setup(props: Partial<ComposerProps> & { status?: ChatStatus } = {}) {
  const onSend = vi.fn();
  const onStop = vi.fn();
  const user = userEvent.setup();
  render(<Composer onSend={onSend} onStop={onStop} status="ready" {...props} />);
  const textbox = screen.getByRole('textbox', { name: 'Message' });
  return { onSend, onStop, user, textbox };
}

describe('Composer', () => {
  it('sends on Enter, clears the textarea and keeps focus', async () => {
    const { onSend, user, textbox } = setup();
    await user.type(textbox, 'Hello there{Enter}');
    expect(onSend).toHaveBeenCalledExactlyOnceWith('Hello there');
    expect(textbox).toHaveValue('');
    expect(textbox).toHaveFocus();
  });

  it('sends on clicking Send and puts focus back in the textarea', async () => {
    const { onSend, user, textbox } = setup();
    await user.type(textbox, 'Hello');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSend).toHaveBeenCalledExactlyOnceWith('Hello');
    expect(textbox).toHaveValue('');
    expect(textbox).toHaveFocus();
  });

  it('trims surrounding whitespace from the sent text', async () => {
    const { onSend, user, textbox } = setup();
    await user.type(textbox, '  Hello  {Enter}');
    expect(onSend).toHaveBeenCalledExactlyOnceWith('Hello');
  });

  it('inserts a newline on Shift+Enter', async () => {
    const { onSend, user, textbox } = setup();
    await user.type(textbox, 'line one{Shift>}{Enter}{/Shift}line two');
    expect(textbox).toHaveValue('line one\nline two');
    expect(onSend).not.toHaveBeenCalled();
  });

  it('does not send on Enter during IME composition (isComposing)', () => {
    const { onSend, textbox } = setup();
    fireEvent.change(textbox, { target: { value: 'にほん' } });
    fireEvent.keyDown(textbox, { key: 'Enter', isComposing: true });
    expect(onSend).not.toHaveBeenCalled();
    expect(textbox).toHaveValue('にほん');
  });

  it('does not send on Enter with keyCode 229 (Safari ends composition that way)', () => {
    const { onSend, textbox } = setup();
    fireEvent.change(textbox, { target: { value: 'にほん' } });
    fireEvent.keyDown(textbox, { key: 'Enter', keyCode: 229 });
    expect(onSend).not.toHaveBeenCalled();
  });

  it('does not send an empty or whitespace-only draft', async () => {
    const { onSend, user, textbox } = setup();
    await user.type(textbox, '{Enter}');
    await user.type(textbox, '   {Enter}');
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
  });

  it('enables Send once there is text', async () => {
    const { user, textbox } = setup();
    const send = screen.getByRole('button', { name: 'Send' });
    expect(send).toBeDisabled();
    expect(send).toHaveAttribute('data-action', 'send');
    await user.type(textbox, 'x');
    expect(send).toBeEnabled();
  });

  it.each(['submitted', 'streaming'] as const)('shows Stop while %s and calls onStop', async (status) => {
    const { onStop, onSend, user } = setup({ status });
    const stop = screen.getByRole('button', { name: 'Stop' });
    expect(stop).toHaveAttribute('data-action', 'stop');
    expect(screen.queryByRole('button', { name: 'Send' })).not.toBeInTheDocument();
    await user.click(stop);
    expect(onStop).toHaveBeenCalledTimes(1);
    expect(onSend).not.toHaveBeenCalled();
  });

  it('lets the user type while streaming but does not send on Enter', async () => {
    const { onSend, user, textbox } = setup({ status: 'streaming' });
    await user.type(textbox, 'Next question{Enter}');
    expect(onSend).not.toHaveBeenCalled();
    expect(textbox).toHaveValue('Next question');
  });

  it('sends the prepared draft once the reply has finished', async () => {
    const onSend = vi.fn();
    const user = userEvent.setup();
    const { rerender } = render(<Composer onSend={onSend} onStop={() => {}} status="streaming" />);
    await user.type(screen.getByRole('textbox'), 'Next question');
    rerender(<Composer onSend={onSend} onStop={() => {}} status="ready" />);
    await user.type(screen.getByRole('textbox'), '{Enter}');
    expect(onSend).toHaveBeenCalledExactlyOnceWith('Next question');
  });

  it('sends again after an error', async () => {
    const { onSend, user, textbox } = setup({ status: 'error' });
    await user.type(textbox, 'Retry{Enter}');
    expect(onSend).toHaveBeenCalledExactlyOnceWith('Retry');
  });

  it('disables the textarea and Send when disabled', () => {
    setup({ disabled: true, defaultValue: 'Draft' });
    expect(screen.getByRole('textbox')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
  });

  it('keeps Stop available when disabled, so a reply can always be stopped', async () => {
    const { onStop, user } = setup({ disabled: true, status: 'streaming' });
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    expect(onStop).toHaveBeenCalledTimes(1);
  });

  it('uses the placeholder', () => {
    const { textbox } = setup({ placeholder: 'Ask anything' });
    expect(textbox).toHaveAttribute('placeholder', 'Ask anything');
  });

  it('starts from defaultValue when uncontrolled', () => {
    const { textbox } = setup({ defaultValue: 'Draft' });
    expect(textbox).toHaveValue('Draft');
  });

  it('works controlled through value and onValueChange', async () => {
    const onSend = vi.fn();
    const changes: string[] = [];
    function Controlled() {
      const [value, setValue] = useState('');
      return (
        <Composer
          status="ready"
          onSend={onSend}
          onStop={() => {}}
          value={value}
          onValueChange={(next) => {
            changes.push(next);
            setValue(next.toUpperCase());
          }}
        />
      );
    }
    const user = userEvent.setup();
    render(<Controlled />);
    const textbox = screen.getByRole('textbox');
    await user.type(textbox, 'ab');
    expect(textbox).toHaveValue('AB');
    await user.type(textbox, '{Enter}');
    expect(onSend).toHaveBeenCalledExactlyOnceWith('AB');
    expect(changes.at(-1)).toBe('');
    expect(textbox).toHaveValue('');
  });

  it('writes its status to data-status and merges className last', () => {
    const ref = createRef<HTMLFormElement>();
    render(<Composer ref={ref} onSend={() => {}} onStop={() => {}} status="streaming" className="custom p-4" />);
    const form = ref.current!;
    expect(form.tagName).toBe('FORM');
    expect(form).toHaveAttribute('data-slot', 'composer');
    expect(form).toHaveAttribute('data-status', 'streaming');
    expect(form).toHaveClass('custom', 'p-4');
    expect(form).not.toHaveClass('p-2');
  });
});
