import type { StreamkitError } from '../errors.ts';
import type { UIMessage } from '../message/types.ts';

/**
 * - `ready`: idle; a message can be sent.
 * - `submitted`: the request is out; no part of the reply has arrived yet.
 * - `streaming`: the reply is arriving.
 * - `error`: the last request failed; `error` says why, and what arrived is kept.
 */
export type ChatStatus = 'ready' | 'submitted' | 'streaming' | 'error';

/**
 * - `idle`: no request has been made yet.
 * - `connecting`: the request is out, no response yet.
 * - `open`: the response is streaming.
 * - `reconnecting`: the stream dropped before the reply finished; waiting to retry, or retrying (`attempt` says which).
 * - `closed`: the last stream ended (finished, stopped, or given up).
 */
export type ConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface ChatConnection {
  state: ConnectionState;
  /** Reconnection attempts made for the reply in progress (0 before the first drop). */
  attempt: number;
  /** Attempts allowed before giving up. */
  maxAttempts: number;
  /** When the next attempt starts (epoch ms), while `state` is `reconnecting` and waiting. */
  nextAttemptAt?: number;
  /** `navigator.onLine` where there is one; `true` elsewhere. */
  online: boolean;
}

/** Measured on the client, for the reply in progress or the last one. */
export interface StreamMetrics {
  /** Milliseconds from the request to the first text or reasoning delta. */
  ttftMs: number | undefined;
  /** Median milliseconds between consecutive deltas (inter-token latency). */
  itlP50Ms: number | undefined;
  /** 95th percentile of the same. */
  itlP95Ms: number | undefined;
  /** Deltas per second from the first delta to the last. */
  tokensPerSecond: number | undefined;
  /** Text, reasoning and tool-input deltas received (a token count close enough for display). */
  tokens: number;
  /** Body bytes received, over every connection of this reply. */
  bytes: number;
  /** Reconnections this reply needed. */
  reconnects: number;
}

export interface ChatSnapshot {
  messages: UIMessage[];
  status: ChatStatus;
  error: StreamkitError | undefined;
  connection: ChatConnection;
  metrics: StreamMetrics;
}
