import { describe, expect, it } from 'vitest';
import { createMetricsRecorder, emptyMetrics } from './metrics-recorder.ts';

describe('createMetricsRecorder', () => {
  it('measures TTFT, inter-token latency percentiles and throughput', () => {
    let clock = 1000;
    const recorder = createMetricsRecorder(() => clock);
    clock = 1300;
    recorder.delta();
    for (let index = 1; index <= 20; index++) {
      clock += index === 20 ? 100 : 10;
      recorder.delta();
    }
    recorder.bytes(512);
    recorder.reconnect();
    expect(recorder.snapshot()).toEqual({
      ttftMs: 300,
      itlP50Ms: 10,
      itlP95Ms: 100,
      tokensPerSecond: 72.4,
      tokens: 21,
      bytes: 512,
      reconnects: 1,
    });
  });

  it('keeps its percentiles exact across snapshots taken while the reply streams', () => {
    let clock = 0;
    const recorder = createMetricsRecorder(() => clock);
    const gaps = [7, 3, 9, 1, 5, 8, 2, 6, 4, 10, 3, 7];
    recorder.delta();
    gaps.forEach((gap, index) => {
      clock += gap;
      recorder.delta();
      if (index % 5 === 0) recorder.snapshot();
    });
    const sorted = [...gaps].sort((a, b) => a - b);
    expect(recorder.snapshot()).toMatchObject({ itlP50Ms: sorted[6], itlP95Ms: sorted[11] });
  });

  it('reports nothing it has not measured', () => {
    expect(createMetricsRecorder().snapshot()).toEqual(emptyMetrics);
  });
});
