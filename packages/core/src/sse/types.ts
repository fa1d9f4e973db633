/** One dispatched server-sent event, as the WHATWG "interpreting an event stream" rules define it. */
export interface SSEEvent {
  /** The `event:` field; `'message'` when none was given. */
  event: string;
  /** The `data:` lines joined with `\n`. */
  data: string;
  /** The last event ID in force when the event was dispatched; `''` if none. */
  id: string;
  /** The reconnection time from a `retry:` field in the same block, if it carried a valid one. */
  retry?: number;
}
