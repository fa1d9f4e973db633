/**
 * Where resumable replies live while they are generated and for a while after. The in-memory
 * `createResumableStreamStore()` serves one process; a store shared by many instances (e.g. Redis)
 * implements the same interface.
 */
export interface ResumableStreamStore {
  /**
   * Begins a stream for `key` (the chat id), cancelling and replacing any older stream for it.
   * The writer's methods return nothing, so a remote store queues its writes in order itself.
   */
  start(key: string, options?: ResumableStreamStartOptions): ResumableStreamWriter;
  /**
   * Replays the frames after `lastEventId` (all of them when it is missing or `''`), then follows
   * the live stream until it finishes. `undefined` when there is nothing to send: no stream for the
   * key, it was cancelled or expired, the client already has every frame of a finished stream, the
   * id is not one of this stream's, or frames it needs were dropped by the byte bound.
   */
  resume(key: string, lastEventId?: string): Promise<ResumedStream | undefined>;
  /**
   * Stops the stream for `key` at once (an explicit user stop): its writer's `signal` aborts, its
   * readers end once they have the frames already stored, and it is forgotten (a finished one too),
   * so a later `resume` finds nothing. Resolves `true` when a stream was still being generated.
   */
  cancel(key: string): Promise<boolean>;
}

export interface ResumableStreamStartOptions {
  /** Format headers (e.g. the protocol marker) that a resume response repeats. Default: none. */
  headers?: Record<string, string>;
}

/** The producer's side of one stored stream. Calls after the stream ended are ignored. */
export interface ResumableStreamWriter {
  /**
   * Aborts when the stream is cancelled: `store.cancel(key)`, a newer stream for the same key, or
   * nobody reading it for the store's `abandonAfterMs`. The producer should stop when it fires.
   */
  readonly signal: AbortSignal;
  /** Stores one complete SSE frame (ending in a blank line) whose `id:` is `id`; ids must increase. */
  append(id: number, frame: string): void;
  /** Sends text (e.g. a keepalive comment) to the readers waiting right now; it is not stored. */
  comment(text: string): void;
  /** Marks the stream complete; readers end once they have every frame. */
  finish(): void;
  /**
   * A reader of the stream from its first frame, as `resume(key)` gives one, but at once; it ends
   * when `signal` aborts. Optional: the reply's own body reads through it when the store has it,
   * and otherwise waits for `resume` behind one more stream that forwards every chunk.
   */
  read?(signal?: AbortSignal): ReadableStream<Uint8Array>;
}

export interface ResumedStream {
  body: ReadableStream<Uint8Array>;
  /** The headers given to `start`. */
  headers: Record<string, string>;
}
