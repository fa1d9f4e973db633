import type { ReplyRun } from './browser-session.ts';
import type { StreamMeasurement } from './page/probe.ts';

/** The figures of one streamed reply, in milliseconds where they are times. */
export interface ReplyMetrics {
  /** Main-thread task time from send to the last delta painted. */
  mainThreadMs: number;
  longestTaskMs: number;
  tasksOver50Ms: number;
  /** React commits from send to the last delta painted. */
  commits: number;
  /** The most commits that landed between two animation frames while the deltas arrived. */
  maxCommitsPerFrame: number;
  /** Frames with more than one commit while the deltas arrived. */
  framesWithSeveralCommits: number;
  /** Renders of messages settled before the reply. */
  settledRenders: number;
  /** From send to the last delta painted. */
  lastPaintMs: number;
}

/**
 * The commits between each two consecutive frame starts (a commit inside a frame's callbacks counts
 * for that frame), for the frames while the deltas arrive: from the frame before the first network
 * read to the last read. The commits that change the status (sent, finished) fall outside that window.
 */
export function commitsPerFrame(measurement: StreamMeasurement): number[] {
  const { frames, commits, arrivals } = measurement;
  const firstArrival = arrivals[0]?.time ?? Number.POSITIVE_INFINITY;
  const lastArrival = arrivals.at(-1)?.time ?? Number.NEGATIVE_INFINITY;
  const counts: number[] = [];
  let next = 0;
  for (let frame = 0; frame < frames.length; frame++) {
    const start = frames[frame]!;
    const end = frames[frame + 1] ?? Number.POSITIVE_INFINITY;
    let inFrame = 0;
    while (next < commits.length && commits[next]!.time < end) {
      if (commits[next]!.time >= start) inFrame++;
      next++;
    }
    if (end > firstArrival && start <= lastArrival) counts.push(inFrame);
  }
  return counts;
}

export function replyMetrics({ measurement, tasks }: ReplyRun): ReplyMetrics {
  const perFrame = commitsPerFrame(measurement);
  return {
    mainThreadMs: tasks.reduce((sum, task) => sum + task.duration, 0),
    longestTaskMs: tasks.reduce((longest, task) => Math.max(longest, task.duration), 0),
    tasksOver50Ms: tasks.filter((task) => task.duration > 50).length,
    commits: measurement.commits.length,
    maxCommitsPerFrame: Math.max(0, ...perFrame),
    framesWithSeveralCommits: perFrame.filter((count) => count > 1).length,
    settledRenders: measurement.settledRenders,
    lastPaintMs: (measurement.paints.at(-1)?.time ?? Number.NaN) - measurement.sentAt,
  };
}

/**
 * For each delta, the time from the network read that brought it into the page to the first paint
 * that showed it. Deltas are matched by count: the k-th delta arrived with the first read that had
 * brought k, and was painted by the first paint that showed k.
 */
export function deltaLatencies({ arrivals, paints }: StreamMeasurement): number[] {
  const latencies: number[] = [];
  let paint = 0;
  let delta = 1;
  for (const arrival of arrivals) {
    for (; delta <= arrival.deltas; delta++) {
      while (paint < paints.length && paints[paint]!.deltas < delta) paint++;
      if (paint === paints.length) return latencies;
      latencies.push(paints[paint]!.time - arrival.time);
    }
  }
  return latencies;
}
