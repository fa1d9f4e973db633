/** One top-level task of the page's main thread, from a Chromium trace, in milliseconds. */
export interface MainThreadTask {
  start: number;
  duration: number;
}

// DevTools' "Task": a scheduler task together with the microtasks run after it. (The `toplevel`
// category's ThreadControllerImpl::RunTask ends before that microtask checkpoint, so it misses
// most of the time promise-heavy stream code takes.)
const TASK = 'RunTask';
export const traceCategories = ['disabled-by-default-devtools.timeline', 'blink.user_timing'];

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
}

/**
 * The main-thread tasks between the page's `bench-start` and `bench-end` performance marks, read
 * from a trace taken with `traceCategories`: the renderer's main thread is the one that recorded the
 * marks. A task cut by either mark counts its part inside; a task nested in another (a nested run
 * loop) counts as part of the outer one.
 */
export function mainThreadTasks(traceJSON: string): MainThreadTask[] {
  const events = (JSON.parse(traceJSON) as { traceEvents: TraceEvent[] }).traceEvents;
  const start = events.find((event) => event.name === 'bench-start');
  const end = events.find((event) => event.name === 'bench-end');
  if (!start || !end) throw new Error('The trace lacks the bench-start/bench-end marks; was blink.user_timing traced?');
  const tasks: MainThreadTask[] = [];
  let coveredUntil = Number.NEGATIVE_INFINITY;
  const ownTasks = events
    .filter((event) => event.name === TASK && event.ph === 'X' && event.pid === start.pid && event.tid === start.tid && event.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  for (const event of ownTasks) {
    const eventEnd = event.ts + event.dur!;
    if (eventEnd <= coveredUntil) continue;
    coveredUntil = eventEnd;
    const from = Math.max(event.ts, start.ts);
    const to = Math.min(eventEnd, end.ts);
    if (to > from) tasks.push({ start: (from - start.ts) / 1000, duration: (to - from) / 1000 });
  }
  return tasks;
}
