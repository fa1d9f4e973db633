import { useEffect, useState } from 'react';

/**
 * Whole seconds since `startedAt` (or, without it, since `running` turned true), re-rendering once
 * a second while running. 0 when not running.
 */
export function useElapsedSeconds(running: boolean, startedAt: number | undefined): number {
  const [measuredStart, setMeasuredStart] = useState(() => (running ? Date.now() : undefined));
  const [wasRunning, setWasRunning] = useState(running);
  const [now, setNow] = useState(() => Date.now());

  if (running !== wasRunning) {
    setWasRunning(running);
    if (running) {
      const start = Date.now();
      setMeasuredStart(start);
      setNow(start);
    }
  }

  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);

  const start = startedAt ?? measuredStart;
  if (!running || start === undefined) return 0;
  return Math.max(0, Math.floor((now - start) / 1000));
}
