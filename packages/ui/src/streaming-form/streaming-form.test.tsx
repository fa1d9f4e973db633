import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { FieldSpec } from './field-spec.ts';
import { contact, contactFields, itinerary, itineraryFields, recipe, recipeSchema, snapshotsOf } from './form-fixtures.ts';
import { fieldsFromJSONSchema } from './fields-from-json-schema.ts';
import { StreamingForm, type StreamingFormProps } from './streaming-form.tsx';

function renderForm(props: Partial<StreamingFormProps> = {}) {
  const all: StreamingFormProps = { 'aria-label': 'Trip', fields: itineraryFields, value: undefined, status: 'streaming', ...props };
  const view = render(<StreamingForm {...all} />);
  return { ...view, update: (next: Partial<StreamingFormProps>) => view.rerender(<StreamingForm {...all} {...next} />) };
}

/** A read-only field, named by its label. */
function field(name: string, container: HTMLElement = document.body) {
  return within(container).getByRole('group', { name });
}

async function expectNoAxeViolations(container: HTMLElement) {
  // jsdom does no rendering, so axe cannot compute color contrast there.
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations).toEqual([]);
}

function row(name: string) {
  return screen.getByRole('group', { name });
}

const midStream = {
  title: 'Three days in Lisbon',
  destination: 'Lisbon, Portugal',
  days: [{ title: 'Alfama and the castle', activities: [{ time: '09:30', name: 'Tram 28' }] }, { title: 'Belém by' }],
};
const midStreamActive = ['days', 1, 'title'];

describe('StreamingForm', () => {
  it('shows a skeleton for every field before anything arrives, and no way to submit yet', () => {
    renderForm({ status: 'submitted', onSubmit: vi.fn() });
    for (const name of ['Trip name', 'Destination', 'Start date', 'Travelers', 'Pace', 'Notes']) {
      const group = field(name);
      expect(group).toHaveAttribute('data-state', 'pending');
      expect(group.querySelector('[data-slot="streaming-form-skeleton"]')).toHaveAttribute('aria-hidden', 'true');
      expect(within(group).getByText('Waiting')).toHaveClass('sr-only');
    }
    expect(screen.getByRole('group', { name: 'Days' })).toHaveAttribute('data-state', 'pending');
    expect(screen.getByRole('button', { name: 'Submit' })).toBeDisabled();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('animates skeletons and the caret only when motion is allowed', () => {
    renderForm({ value: midStream, activePath: midStreamActive });
    const skeleton = field('Notes').querySelector('[data-slot="streaming-form-skeleton"]');
    expect(skeleton).toHaveClass('animate-pulse', 'motion-reduce:animate-none');
    expect(document.querySelector('[data-slot="streaming-form-caret"]')).toHaveClass('animate-pulse', 'motion-reduce:animate-none');
  });

  it('shows a caret in the field being written, and marks it busy', () => {
    renderForm({ value: midStream, activePath: midStreamActive });
    const title = field('Title', row('Day 2'));
    expect(title).toHaveAttribute('data-state', 'writing');
    expect(title).toHaveAttribute('aria-busy', 'true');
    expect(title).toHaveTextContent('Belém by');
    expect(title.querySelector('[data-slot="streaming-form-caret"]')).toHaveAttribute('aria-hidden', 'true');
    expect(document.querySelectorAll('[data-slot="streaming-form-caret"]')).toHaveLength(1);
  });

  it('shows a quiet check on complete fields and nothing on pending ones', () => {
    renderForm({ value: midStream, activePath: midStreamActive });
    const name = field('Trip name');
    expect(name).toHaveAttribute('data-state', 'complete');
    expect(name).toHaveTextContent('Three days in Lisbon');
    expect(name.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
    expect(within(name).getByText('Done')).toHaveClass('sr-only');
    expect(field('Notes').querySelector('svg')).toBeNull();
  });

  it('asks isComplete about each field when given', () => {
    renderForm({ value: { title: 'Three days' }, activePath: undefined, isComplete: () => false });
    expect(field('Trip name')).toHaveAttribute('data-state', 'writing');
  });

  it('grows a list row by row as the array grows', () => {
    const { update } = renderForm({ value: { days: [{ title: 'Alfama' }] }, activePath: ['days', 0, 'title'] });
    expect(screen.getByRole('group', { name: 'Days' })).toHaveAttribute('data-count', '1');
    expect(screen.queryByRole('group', { name: 'Day 2' })).not.toBeInTheDocument();
    update({ value: { days: [{ title: 'Alfama' }, { title: 'Bel' }] }, activePath: ['days', 1, 'title'] });
    expect(row('Day 1')).toHaveAttribute('data-state', 'complete');
    expect(row('Day 2')).toHaveAttribute('data-state', 'writing');
    update({ value: { days: [{ title: 'Alfama' }, { title: 'Belém' }, {}] }, activePath: ['days', 2] });
    expect(row('Day 3')).toHaveAttribute('data-state', 'writing');
    expect(field('Title', row('Day 3'))).toHaveAttribute('data-state', 'pending');
  });

  it('shows where rows will land until the first one arrives', () => {
    const { update } = renderForm({ value: { days: [] }, activePath: ['days'] });
    const days = screen.getByRole('group', { name: 'Days' });
    expect(days.querySelector('[data-slot="streaming-form-skeleton"]')).toBeInTheDocument();
    update({ value: { days: [{}] }, activePath: ['days', 0] });
    expect(days.querySelector(':scope > [data-slot="streaming-form-skeleton"]')).toBeNull();
  });

  it('renders a nested object as a group with a legend', () => {
    const fields: FieldSpec[] = [{ name: 'address', label: 'Shipping address', fields: [{ name: 'city' }, { name: 'zip' }] }];
    renderForm({ fields, value: { address: { city: 'Porto' } }, activePath: ['address', 'zip'] });
    const group = screen.getByRole('group', { name: 'Shipping address' });
    expect(group.tagName).toBe('FIELDSET');
    expect(field('City', group)).toHaveTextContent('Porto');
    expect(field('Zip', group)).toHaveAttribute('data-state', 'writing');
  });

  it('announces the field being written once per field, not per character', () => {
    const { update } = renderForm({ value: midStream, activePath: midStreamActive });
    const announcer = screen.getByRole('status');
    expect(announcer).toHaveAttribute('aria-live', 'polite');
    expect(announcer).toHaveTextContent('Writing: Day 2 › Title');
    update({ value: { ...midStream, days: [midStream.days[0], { title: 'Belém by the river' }] }, activePath: midStreamActive });
    expect(announcer).toHaveTextContent('Writing: Day 2 › Title');
    // Between fields the parser's path is the row itself; the last announcement stands.
    update({ activePath: ['days', 1] });
    expect(announcer).toHaveTextContent('Writing: Day 2 › Title');
    update({ activePath: ['days', 1, 'activities', 0, 'time'] });
    expect(announcer).toHaveTextContent('Writing: Day 2 › Activity 1 › Time');
  });

  it('becomes editable when the stream finishes, and submits the edited object', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const onChange = vi.fn();
    const { update } = renderForm({ value: itinerary, activePath: ['notes'], onSubmit, onChange });
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    update({ status: 'ready', activePath: undefined });
    expect(screen.getByRole('status')).toHaveTextContent('The form is ready to edit.');

    const tripName = screen.getByLabelText(/Trip name/);
    expect(tripName).toHaveValue('Three days in Lisbon');
    expect(screen.getByRole('textbox', { name: 'Trip name' })).toBe(tripName);
    await user.clear(tripName);
    await user.type(tripName, 'Long weekend in Lisbon');
    await user.clear(screen.getByLabelText('Travelers'));
    await user.type(screen.getByLabelText('Travelers'), '3');
    await user.selectOptions(screen.getByLabelText('Pace'), 'relaxed');
    await user.click(screen.getByRole('button', { name: 'Submit' }));

    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith({ ...itinerary, title: 'Long weekend in Lisbon', travelers: 3, pace: 'relaxed' });
    expect(onChange).toHaveBeenLastCalledWith({ ...itinerary, title: 'Long weekend in Lisbon', travelers: 3, pace: 'relaxed' });
  });

  it('ties every label to its input once editable', () => {
    renderForm({ status: 'ready', value: itinerary });
    expect(screen.getByLabelText('Start date')).toHaveAttribute('type', 'date');
    expect(screen.getByLabelText('Notes').tagName).toBe('TEXTAREA');
    const day2 = row('Day 2');
    expect(within(day2).getByLabelText('Title')).toHaveValue('Belém by the river');
    expect(within(within(day2).getByRole('group', { name: 'Activity 2' })).getByLabelText('Activity')).toHaveValue('Pastéis de Belém');
  });

  it('keeps what arrived when stopped mid-stream, with the rest editable and empty', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const { update } = renderForm({ value: midStream, activePath: midStreamActive, onSubmit });
    update({ status: 'ready', activePath: undefined });
    expect(document.querySelector('[data-slot="streaming-form-caret"]')).toBeNull();
    expect(within(row('Day 2')).getByLabelText('Title')).toHaveValue('Belém by');
    expect(screen.getByLabelText('Notes')).toHaveValue('');
    await user.type(screen.getByLabelText('Notes'), 'Finish day 2 myself');
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(onSubmit).toHaveBeenCalledWith({ ...midStream, notes: 'Finish day 2 myself' });
  });

  it('adds and removes rows once editable', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderForm({ status: 'ready', value: midStream, onSubmit });
    await user.click(screen.getByRole('button', { name: 'Remove Day 1' }));
    expect(within(row('Day 1')).getByLabelText('Title')).toHaveValue('Belém by');
    await user.click(screen.getByRole('button', { name: 'Add day' }));
    await user.type(within(row('Day 2')).getByLabelText('Title'), 'Sintra');
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(onSubmit).toHaveBeenCalledWith({ ...midStream, days: [{ title: 'Belém by' }, { title: 'Sintra' }] });
  });

  it('keeps the user’s edits when the parent re-renders with the same stream', async () => {
    const user = userEvent.setup();
    const { update } = renderForm({ status: 'ready', value: itinerary });
    await user.type(screen.getByRole('textbox', { name: 'Destination' }), '!');
    update({ value: { ...itinerary } });
    expect(screen.getByRole('textbox', { name: 'Destination' })).toHaveValue('Lisbon, Portugal!');
  });

  it('starts over from the streamed value when a new stream begins', () => {
    const { update } = renderForm({ status: 'ready', value: itinerary });
    update({ status: 'submitted', value: undefined });
    expect(field('Trip name')).toHaveAttribute('data-state', 'pending');
    update({ status: 'ready', value: { title: 'Porto' } });
    expect(screen.getByLabelText(/Trip name/)).toHaveValue('Porto');
  });

  it('shows the error and keeps the fields editable when the stream fails', () => {
    renderForm({ status: 'error', value: midStream, error: { message: 'The connection dropped after 3 s.' }, onSubmit: vi.fn() });
    expect(screen.getByRole('alert')).toHaveTextContent('The connection dropped after 3 s.');
    expect(screen.getByLabelText(/Trip name/)).toHaveValue('Three days in Lisbon');
    expect(screen.getByRole('button', { name: 'Submit' })).toBeEnabled();
  });

  it('shows markup in values as text, never as HTML', () => {
    const attack = '<img src=x onerror=alert(1)>';
    const { update, container } = renderForm({ value: { title: attack, days: [{ title: attack }] }, activePath: ['days', 0, 'title'] });
    expect(field('Trip name')).toHaveTextContent(attack);
    expect(container.querySelector('img')).toBeNull();
    update({ status: 'ready' });
    expect(screen.getByLabelText(/Trip name/)).toHaveValue(attack);
    expect(container.querySelector('img')).toBeNull();
  });

  it('edits a flat contact form: checkbox, select and email inputs, with the description tied to its input', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<StreamingForm title="Contact sales" fields={contactFields} value={contact} status="ready" onSubmit={onSubmit} submitLabel="Send" />);
    expect(screen.getByRole('form', { name: 'Contact sales' })).toBeInTheDocument();
    expect(screen.getByLabelText(/Email/)).toHaveAttribute('type', 'email');
    expect(screen.getByLabelText(/Email/)).toBeRequired();
    expect(screen.getByLabelText('Message')).toHaveAccessibleDescription('Drafted by the assistant from your chat.');
    await user.click(screen.getByRole('checkbox', { name: 'Send me product updates' }));
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSubmit).toHaveBeenCalledWith({ ...contact, subscribe: true });
  });

  it('shows a streamed boolean as Yes or No to assistive technology while read-only', () => {
    render(<StreamingForm aria-label="Contact" fields={contactFields} value={contact} status="streaming" />);
    expect(field('Send me product updates')).toHaveTextContent('No');
  });

  it('renders a recipe built from a JSON Schema, with plain steps as a list', () => {
    const fields = fieldsFromJSONSchema(recipeSchema);
    const snapshot = snapshotsOf(recipe).find((s) => JSON.stringify(s.activePath) === '["steps",1]');
    render(<StreamingForm aria-label="Recipe" fields={fields} value={snapshot?.object} activePath={snapshot?.activePath} isComplete={snapshot?.isComplete} status="streaming" />);
    expect(field('Step 1')).toHaveAttribute('data-state', 'complete');
    expect(field('Step 2')).toHaveAttribute('data-state', 'writing');
    expect(row('Ingredient 5')).toHaveAttribute('data-state', 'complete');
    expect(field('Vegetarian')).toHaveTextContent('Yes');
  });

  it('merges className last and forwards its ref', () => {
    const ref = createRef<HTMLFormElement>();
    render(<StreamingForm ref={ref} aria-label="Trip" fields={itineraryFields} value={undefined} status="submitted" className="custom gap-8" />);
    const form = screen.getByRole('form', { name: 'Trip' });
    expect(ref.current).toBe(form);
    expect(form).toHaveClass('custom', 'gap-8');
    expect(form).not.toHaveClass('gap-4');
    expect(form).toHaveAttribute('data-status', 'submitted');
  });

  // One form per test, with room to spare: axe over a whole itinerary is slow in jsdom.
  const axeTimeoutMs = 15_000;
  it('has no axe violations before anything arrives', async () => {
    const { container } = render(<StreamingForm aria-label="Trip" fields={itineraryFields} value={undefined} status="submitted" onSubmit={vi.fn()} />);
    await expectNoAxeViolations(container);
  }, axeTimeoutMs);

  it('has no axe violations while streaming', async () => {
    const { container } = render(<StreamingForm aria-label="Trip" fields={itineraryFields} value={midStream} activePath={midStreamActive} status="streaming" />);
    await expectNoAxeViolations(container);
  }, axeTimeoutMs);

  it('has no axe violations when editable', async () => {
    const { container } = render(<StreamingForm aria-label="Trip" fields={itineraryFields} value={itinerary} status="ready" onSubmit={vi.fn()} />);
    await expectNoAxeViolations(container);
  }, axeTimeoutMs);

  it('has no axe violations when failed', async () => {
    const { container } = render(
      <StreamingForm title="Contact" fields={contactFields} value={contact} status="error" error={{ message: 'Dropped.' }} onSubmit={vi.fn()} />,
    );
    await expectNoAxeViolations(container);
  }, axeTimeoutMs);
});
