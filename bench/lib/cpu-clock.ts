import { readFileSync } from 'node:fs';

// On a shared machine, elapsed time mostly measures the other processes. CPU time of the main
// thread does not, and neither does it count V8's helper threads: process-wide CPU time right after
// a forced GC includes the background sweeping that GC left behind (2.5× the main thread's time for
// a 1 kB partial-JSON stream here). Linux exposes the main thread's own time, in nanoseconds, in
// /proc/self/task/<pid>/schedstat; elsewhere, fall back to process-wide CPU time.
// Read from the thread itself, that figure only advances at scheduler ticks and switches (steps of up
// to 4 ms here), which is why alternate.ts stretches every timed run to at least 200 ms.
const schedstat = `/proc/self/task/${process.pid}/schedstat`;

function readSchedstat(): number | undefined {
  try {
    const nanoseconds = Number(readFileSync(schedstat, 'utf8').split(' ')[0]);
    return Number.isFinite(nanoseconds) ? nanoseconds / 1e6 : undefined;
  } catch {
    return undefined;
  }
}

const hasSchedstat = readSchedstat() !== undefined;

/** Which clock `cpuNow` reads, for the results. */
export const cpuClock = hasSchedstat ? 'main-thread CPU time (Linux schedstat)' : 'process CPU time (process.cpuUsage, all threads)';

/** A CPU-time reading in milliseconds; only differences between two readings mean anything. */
export function cpuNow(): number {
  if (hasSchedstat) return readSchedstat()!;
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
