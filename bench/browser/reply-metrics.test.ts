import { expect, it } from 'vitest';
import type { StreamMeasurement } from './page/probe.ts';
import { commitsPerFrame, deltaLatencies, replyMetrics } from './reply-metrics.ts';

function measurement(overrides: Partial<StreamMeasurement>): StreamMeasurement {
  return { sentAt: 0, arrivals: [], commits: [], frames: [], paints: [], settledRenders: 0, ...overrides };
}

it('counts the commits that land between two frame starts while deltas arrive', () => {
  const commits = [17, 20, 40, 45, 48, 70, 71].map((time) => ({ time, duration: 1 }));
  const arrivals = [
    { time: 18, deltas: 1 },
    { time: 50, deltas: 2 },
  ];

  // The frame after the last read (with the commits that finished the reply) does not count.
  expect(commitsPerFrame(measurement({ frames: [16, 32, 48, 64], commits, arrivals }))).toEqual([2, 2, 1]);
  expect(commitsPerFrame(measurement({ frames: [16], commits, arrivals }))).toEqual([7]);
  expect(commitsPerFrame(measurement({ frames: [], commits, arrivals }))).toEqual([]);
});

it('measures each delta from the read that brought it to the first paint that showed it', () => {
  const arrivals = [
    { time: 10, deltas: 2 },
    { time: 20, deltas: 3 },
  ];
  const paints = [
    { time: 16, deltas: 1 },
    { time: 33, deltas: 3 },
  ];

  expect(deltaLatencies(measurement({ arrivals, paints }))).toEqual([6, 23, 13]);
  // A delta never painted (the run was cut short) has no latency.
  expect(deltaLatencies(measurement({ arrivals, paints: paints.slice(0, 1) }))).toEqual([6]);
});

it('sums the main-thread tasks and finds the longest', () => {
  const run = {
    measurement: measurement({ sentAt: 5, paints: [{ time: 105, deltas: 1 }], settledRenders: 2 }),
    tasks: [
      { start: 0, duration: 10 },
      { start: 20, duration: 60 },
    ],
  };

  expect(replyMetrics(run)).toMatchObject({ mainThreadMs: 70, longestTaskMs: 60, tasksOver50Ms: 1, lastPaintMs: 100, settledRenders: 2 });
});
