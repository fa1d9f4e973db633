import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { ChatStatus } from '../chat-status.ts';
import { fieldsFromJSONSchema } from './fields-from-json-schema.ts';
import { contact, contactFields, itinerary, itineraryFields, recipe, recipeSchema, snapshotsOf, type FormSnapshot } from './form-fixtures.ts';
import { StreamingForm, type StreamingFormProps } from './streaming-form.tsx';

const itinerarySnapshots = snapshotsOf(itinerary);
const recipeSnapshots = snapshotsOf(recipe);
const recipeFields = fieldsFromJSONSchema(recipeSchema);

/** The `step`th snapshot (0: the first) in which the model is writing at `path` (a dot path). */
function snapshotAt(snapshots: FormSnapshot[], path: string, step = 0): FormSnapshot {
  const found = snapshots.filter((snapshot) => snapshot.activePath?.join('.') === path)[step];
  if (!found) throw new Error(`No snapshot writes ${path}`);
  return found;
}

function snapshotProps(snapshot: FormSnapshot) {
  return { value: snapshot.object, activePath: snapshot.activePath, isComplete: snapshot.isComplete };
}

const midStream = snapshotAt(itinerarySnapshots, 'days.1.activities.0.name');
const finished = itinerarySnapshots[itinerarySnapshots.length - 1]!;

const meta = {
  title: 'UI/StreamingForm',
  component: StreamingForm,
  args: { title: 'Trip itinerary', fields: itineraryFields, value: undefined, status: 'streaming', onSubmit: fn(), onChange: fn() },
  decorators: [
    (Story) => (
      <div className="mx-auto max-w-xl">
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof StreamingForm>;

export default meta;
type Story = StoryObj<typeof meta>;

const stopButtonClass =
  'inline-flex h-9 items-center rounded-lg border border-sk-border px-4 text-sm font-medium outline-none hover:bg-sk-muted focus-visible:ring-2 focus-visible:ring-sk-ring';

/**
 * Steps through prepared snapshots on a timer, as `useStreamingObject` would deliver them: `submitted`
 * for a moment, `streaming` snapshot by snapshot, then `ready` — or `ready` at once when stopped.
 */
function useSnapshotPlayer(snapshots: FormSnapshot[], stepMs: number, waitMs: number) {
  const [index, setIndex] = useState(-1);
  const [stopped, setStopped] = useState(false);
  const last = snapshots.length - 1;
  const status: ChatStatus = stopped || index === last ? 'ready' : index < 0 ? 'submitted' : 'streaming';

  useEffect(() => {
    if (status === 'ready') return;
    const timer = setTimeout(() => setIndex((i) => i + 1), index < 0 ? waitMs : stepMs);
    return () => clearTimeout(timer);
  }, [index, status, stepMs, waitMs]);

  const snapshot = snapshots[index];
  return {
    status,
    props: snapshot ? snapshotProps(snapshot) : { value: undefined },
    stop: () => setStopped(true),
    restart: () => {
      setIndex(-1);
      setStopped(false);
    },
  };
}

function LiveItinerary(props: StreamingFormProps) {
  const player = useSnapshotPlayer(itinerarySnapshots, 60, 600);
  const streaming = player.status === 'submitted' || player.status === 'streaming';
  return (
    <StreamingForm {...props} {...player.props} status={player.status}>
      <button type="button" className={stopButtonClass} onClick={streaming ? player.stop : player.restart}>
        {streaming ? 'Stop' : 'Replay'}
      </button>
    </StreamingForm>
  );
}

/** The itinerary streaming live; Stop keeps what arrived and makes it editable. */
export const Live: Story = {
  render: (args) => <LiveItinerary {...args} />,
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    // The required fields come first; once they are in, a stop leaves a form that can be submitted.
    await waitFor(() => expect(canvas.getByRole('group', { name: 'Destination' })).toHaveAttribute('data-state', 'complete'), { timeout: 5000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Stop' }));
    const tripName = canvas.getByRole('textbox', { name: 'Trip name' });
    await expect(tripName).toHaveValue(itinerary.title);
    await expect(canvasElement.querySelector('[data-slot="streaming-form-caret"]')).toBeNull();
    await userEvent.clear(tripName);
    await userEvent.type(tripName, 'Lisbon, shortened');
    await userEvent.click(canvas.getByRole('button', { name: 'Submit' }));
    await expect(args.onSubmit).toHaveBeenCalledWith(expect.objectContaining({ title: 'Lisbon, shortened', destination: itinerary.destination }));
  },
};

/** Submitted, nothing arrived yet: every field is a skeleton. */
export const Submitted: Story = {
  args: { status: 'submitted' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('group', { name: 'Trip name' })).toHaveAttribute('data-state', 'pending');
    await expect(canvas.getByRole('group', { name: 'Days' })).toHaveAttribute('data-state', 'pending');
    await expect(canvas.getByRole('button', { name: 'Submit' })).toBeDisabled();
  },
};

/** Part-way through: checks on the finished fields, a caret in day 2's first activity, skeletons below. */
export const MidStream: Story = {
  args: { ...snapshotProps(midStream) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const day2 = canvas.getByRole('group', { name: 'Day 2' });
    await expect(day2).toHaveAttribute('data-state', 'writing');
    await expect(canvas.getByRole('status')).toHaveTextContent('Writing: Day 2 › Activity 1 › Activity');
    await expect(canvas.getByRole('group', { name: 'Day 1' })).toHaveAttribute('data-state', 'complete');
    await expect(canvas.getByRole('group', { name: 'Notes' })).toHaveAttribute('data-state', 'pending');
  },
};

function FinishThenEdit(props: StreamingFormProps) {
  const [status, setStatus] = useState<ChatStatus>('streaming');
  useEffect(() => {
    const timer = setTimeout(() => setStatus('ready'), 1200);
    return () => clearTimeout(timer);
  }, []);
  return <StreamingForm {...props} {...snapshotProps(finished)} status={status} />;
}

/** Every field arrived (read-only, all checked); a moment later the stream ends and they become inputs. */
export const CompleteThenEditable: Story = {
  render: (args) => <FinishThenEdit {...args} />,
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('group', { name: 'Trip name' })).toHaveAttribute('data-state', 'complete');
    const names = ['Trip name', 'Start date', 'Travelers', 'Pace', 'Notes'];
    const boxHeight = (element: Element | null) => element?.getBoundingClientRect().height;
    const readOnlyHeights = names.map((name) => boxHeight(canvas.getByRole('group', { name }).querySelector('[data-slot="streaming-form-value"]')));
    const travelers = await canvas.findByRole('spinbutton', { name: 'Travelers' }, { timeout: 4000 });
    // No layout jump: each input takes exactly the box its read-only text had.
    await expect(names.map((name) => boxHeight(canvas.getByLabelText(name, { exact: false })))).toEqual(readOnlyHeights);
    await userEvent.clear(travelers);
    await userEvent.type(travelers, '4');
    await userEvent.click(canvas.getByRole('button', { name: 'Submit' }));
    await expect(args.onSubmit).toHaveBeenCalledWith({ ...itinerary, travelers: 4 });
  },
};

/** Finished and editable: rows can be added and removed before submitting. */
export const Editable: Story = {
  args: { status: 'ready', value: itinerary },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Remove Day 3' }));
    const day2 = canvas.getByRole('group', { name: 'Day 2' });
    await userEvent.click(within(day2).getByRole('button', { name: 'Add activity' }));
    const added = within(day2).getByRole('group', { name: 'Activity 3' });
    await userEvent.type(within(added).getByRole('textbox', { name: 'Time' }), '15:00');
    await userEvent.type(within(added).getByRole('textbox', { name: 'Activity' }), 'MAAT');
    await userEvent.click(canvas.getByRole('button', { name: 'Submit' }));
    const [day1, belem] = itinerary.days;
    await expect(args.onSubmit).toHaveBeenCalledWith({
      ...itinerary,
      days: [day1, { ...belem, activities: [...belem!.activities, { time: '15:00', name: 'MAAT' }] }],
    });
  },
};

const stoppedAt = snapshotAt(itinerarySnapshots, 'days.1.title', 2);

/** Stopped mid-stream: what arrived is kept (day 2's half title too) and everything is editable. */
export const StoppedMidStream: Story = {
  args: { status: 'ready', value: stoppedAt.object },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const day2 = canvas.getByRole('group', { name: 'Day 2' });
    const title = within(day2).getByRole('textbox', { name: 'Title' });
    await expect(title).toHaveValue('Belém by');
    await expect(canvas.getByRole('textbox', { name: 'Notes' })).toHaveValue('');
    await userEvent.type(title, ' the sea');
    await userEvent.click(canvas.getByRole('button', { name: 'Submit' }));
    await expect(args.onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ title: itinerary.title, days: [itinerary.days[0], { title: 'Belém by the sea' }] }),
    );
  },
};

/** The stream failed: the message shows, and what arrived stays editable. */
export const ErrorWithMessage: Story = {
  args: {
    status: 'error',
    value: midStream.object,
    error: { message: 'The connection dropped after 4 s and could not resume. What arrived is kept.' },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent('The connection dropped');
    await expect(canvas.getByRole('textbox', { name: 'Trip name' })).toHaveValue(itinerary.title);
  },
};

/** A flat form drafted by the assistant: text, email, select, textarea and a checkbox. */
export const ContactForm: Story = {
  args: { title: 'Contact sales', fields: contactFields, status: 'ready', value: contact, submitLabel: 'Send' },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const email = canvas.getByRole('textbox', { name: 'Email' });
    await userEvent.clear(email);
    await userEvent.type(email, 'ada@engines.example');
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Send me product updates' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Send' }));
    await expect(args.onSubmit).toHaveBeenCalledWith({ ...contact, email: 'ada@engines.example', subscribe: true });
  },
};

/** A recipe whose fields come from a JSON Schema (`fieldsFromJSONSchema`), mid-way through its ingredients. */
export const RecipeFromSchema: Story = {
  args: { title: 'Recipe', fields: recipeFields, ...snapshotProps(snapshotAt(recipeSnapshots, 'ingredients.3.item')) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('group', { name: 'Ingredient 3' })).toHaveAttribute('data-state', 'complete');
    await expect(canvas.getByRole('group', { name: 'Ingredient 4' })).toHaveAttribute('data-state', 'writing');
    await expect(canvas.getByRole('group', { name: 'Steps' })).toHaveAttribute('data-state', 'pending');
  },
};

export const Dark: Story = {
  args: { ...snapshotProps(midStream) },
  globals: { theme: 'dark' },
  decorators: [
    (Story) => (
      <div className="flex flex-col gap-8">
        <Story />
        <StreamingForm title="Contact sales" fields={contactFields} value={contact} status="error" error={{ message: 'Rate limited.' }} onSubmit={fn()} />
      </div>
    ),
  ],
};
