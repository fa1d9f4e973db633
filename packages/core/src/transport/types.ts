import type { ConnectionState } from '../chat/types.ts';
import type { UIMessage } from '../message/types.ts';
import type { StreamPart } from '../stream-part.ts';

/** What a transport reports while it keeps a reply's stream alive. */
export interface TransportObserver {
  onConnectionChange?(change: { state: ConnectionState; attempt: number; nextAttemptAt?: number }): void;
  /** Bytes received, keepalive comments included. */
  onBytes?(count: number): void;
  /** The stream starts over from its beginning (it could not be resumed where it broke): discard what the earlier attempt produced. */
  onRestart?(): void;
}

export interface ChatRequest {
  chatId: string;
  /** The whole conversation, ending with the message to answer. */
  messages: UIMessage[];
  trigger: 'submit' | 'regenerate';
  /** Aborted by `stop()`; a transport must end its stream when it fires. */
  signal: AbortSignal;
  observer?: TransportObserver;
}

export interface ResumeRequest {
  chatId: string;
  signal: AbortSignal;
  observer?: TransportObserver;
}

/** Where replies come from. The store orchestrates; a transport opens streams and keeps them alive. */
export interface ChatTransport {
  /** Resolves to the reply's parts once the request is out; failures surface as `StreamkitError`s from the iteration. */
  sendMessages(request: ChatRequest): Promise<AsyncIterable<StreamPart>>;
  /** Reattaches to a reply still being generated (after a page reload, say); `null` when there is none. */
  reconnectToStream?(request: ResumeRequest): Promise<AsyncIterable<StreamPart> | null>;
  /** Tells the server to stop generating (best effort), after the client aborted. */
  cancel?(chatId: string): void;
}
