import { expect, it } from 'vitest';
import { mainThreadTasks } from './main-thread-tasks.ts';

const mark = (name: string, ts: number) => ({ name, ph: 'I', ts, pid: 1, tid: 1 });
const task = (ts: number, dur: number, tid = 1) => ({ name: 'RunTask', ph: 'X', ts, dur, pid: 1, tid });

it('keeps the main thread tasks between the marks, clipped to them, nested ones inside their parent', () => {
  const trace = JSON.stringify({
    traceEvents: [
      task(0, 2_000), // ends after the start mark: its last 1 ms counts
      mark('bench-start', 1_000),
      task(3_000, 10_000),
      task(4_000, 1_000), // nested in the one before
      task(5_000, 50_000, 2), // another thread
      task(20_000, 30_000), // cut by the end mark
      mark('bench-end', 40_000),
    ],
  });

  expect(mainThreadTasks(trace)).toEqual([
    { start: 0, duration: 1 },
    { start: 2, duration: 10 },
    { start: 19, duration: 20 },
  ]);
});

it('says so when the marks are missing', () => {
  expect(() => mainThreadTasks(JSON.stringify({ traceEvents: [task(0, 1)] }))).toThrow(/bench-start/);
});
