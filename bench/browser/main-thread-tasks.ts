/** One top-level task of the page's main thread, from a Chromium trace, in milliseconds. */
export interface MainThreadTask {
  start: number;
  duration: number;
}

// Chromium names a scheduler task ThreadControllerImpl::RunTask; older builds called it RunTask.
const taskNames = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

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
 * from a trace taken with the `toplevel` and `blink.user_timing` categories: the renderer's main
 * thread is the one that recorded the marks. A task cut by either mark counts its part inside.
 */
export function mainThreadTasks(traceJSON: string): MainThreadTask[] {
  const events = (JSON.parse(traceJSON) as { traceEvents: TraceEvent[] }).traceEvents;
  const start = events.find((event) => event.name === 'bench-start');
  const end = events.find((event) => event.name === 'bench-end');
  if (!start || !end) throw new Error('The trace lacks the bench-start/bench-end marks; was blink.user_timing traced?');
  const tasks: MainThreadTask[] = [];
  for (const event of events) {
    if (!taskNames.has(event.name) || event.ph !== 'X' || event.pid !== start.pid || event.tid !== start.tid || event.dur === undefined) continue;
    const from = Math.max(event.ts, start.ts);
    const to = Math.min(event.ts + event.dur, end.ts);
    if (to > from) tasks.push({ start: (from - start.ts) / 1000, duration: (to - from) / 1000 });
  }
  return tasks;
}
