import type { LongMessageWindow } from './long-message-app.tsx';
import type { StreamMeasurement } from './probe.ts';

/** What the benchmark page exposes to the driver in Node, as `window.streamkitBench`. */
export interface BenchPageAPI {
  ready: true;
  /** Chat pages: sends the prompt and resolves when the whole reply is painted. */
  measureReply?(): Promise<StreamMeasurement>;
  /** The long-message page: times deltas in windows starting at each length. */
  measureLongMessage?(startLengths: number[], deltasPerWindow: number, size: number): Promise<LongMessageWindow[]>;
}

declare global {
  interface Window {
    streamkitBench?: BenchPageAPI;
  }
}
