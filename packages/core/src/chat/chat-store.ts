import { StreamkitError } from '../errors.ts';
import { generateId as defaultGenerateId } from '../id.ts';
import { applyStreamPart, createAssistantMessage } from '../message/apply-stream-part.ts';
import type { ToolCallPart, UIMessage } from '../message/types.ts';
import type { StreamPart } from '../stream-part.ts';
import { createNotifier, frameScheduler, type NotifyScheduler } from '../store/notifier.ts';
import { createHTTPChatTransport, type HTTPChatTransportOptions } from '../transport/http-chat-transport.ts';
import { liveHTTPOptions } from '../transport/live-options.ts';
import type { ChatTransport, TransportObserver } from '../transport/types.ts';
import { createMetricsRecorder, emptyMetrics, type MetricsRecorder } from './metrics-recorder.ts';
import { createToolInputParsers } from './tool-input-parsers.ts';
import { allToolCallsSettled, executeTool, lookupTool, needsApproval, pendingClientCalls, updateToolCall } from './tool-loop.ts';
import type { ChatTools } from './tools.ts';
import type { ChatConnection, ChatSnapshot, ChatStatus } from './types.ts';
import { validateChatOptions } from './validate-options.ts';

export interface ChatFinishInfo {
  /** The assistant message as it stands at the end; undefined when nothing of the reply arrived. */
  message: UIMessage | undefined;
  /** `finished`: the server closed the reply; `stopped`: `stop()` was called; `error`: it failed. */
  reason: 'finished' | 'stopped' | 'error';
}

export interface ChatStoreOptions extends Partial<HTTPChatTransportOptions> {
  /** The endpoint. Default: `'/api/chat'`. Ignored when `transport` is given. */
  api?: string;
  /** The chat's id, sent with every request. Default: a random id. */
  id?: string;
  /** Replaces the HTTP transport, e.g. to talk to an in-process model. Default: HTTP to `api`. */
  transport?: ChatTransport;
  /** The conversation to start from. Default: `[]`. */
  initialMessages?: UIMessage[];
  /** When listeners hear of changes. Default: once per animation frame (a zero-delay timer outside browsers). */
  scheduler?: NotifyScheduler;
  /** Default: 16 random base-36 characters. */
  generateId?: () => string;
  /** Client-side tools by name: run when the model calls them, results sent back automatically. Default: none. */
  tools?: ChatTools;
  /**
   * Requests per user message, the first included: after tool results the conversation continues by
   * itself until the model stops calling tools or this many requests were made. Default: 5.
   */
  maxSteps?: number;
  /**
   * Called for a tool call no entry of `tools` handles; the app answers it with `addToolResult`.
   * Without it such a call gets an "unknown tool" error that is sent back to the model.
   */
  onToolCall?(info: { toolCall: ToolCallPart }): void;
  /** Called once per reply when it ends, however it ends. */
  onFinish?(info: ChatFinishInfo): void;
  /** Called for every failure, including recoverable ones (an unreadable event that was skipped). */
  onError?(error: StreamkitError): void;
}

export interface ChatStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): ChatSnapshot;
  /** Sends a user message and streams the reply; resolves when the reply ends. A reply still streaming is stopped first. */
  send(input: string | UIMessage): Promise<void>;
  /** Aborts the reply in progress; what arrived stays, and the server is told to stop generating. */
  stop(): void;
  /** Drops the last assistant reply and asks again. */
  regenerate(): Promise<void>;
  /** Reattaches to a reply the server is still generating (after a page reload, say). Resolves when it ends; does nothing when there is none. */
  resume(): Promise<void>;
  /** Replaces the conversation; a reply in progress is stopped first. */
  setMessages(messages: UIMessage[]): void;
  /** Records the result of a tool call computed outside `tools` (or its error); the conversation then continues. */
  addToolResult(result: { toolCallId: string; output: unknown } | { toolCallId: string; errorText: string }): void;
  /** Answers a call awaiting approval: approved client tools run, denials are sent back to the model. */
  respondToToolApproval(toolCallId: string, approved: boolean): void;
  /** Updates options; the hook calls this after every render with the latest ones. */
  setOptions(options: ChatStoreOptions): void;
}

type Run = (transport: ChatTransport, signal: AbortSignal, observer: TransportObserver) => Promise<AsyncIterable<StreamPart> | null>;

const isOnline = (): boolean => typeof navigator === 'undefined' || navigator.onLine !== false;

export function createChatStore(initialOptions: ChatStoreOptions = {}): ChatStore {
  validateChatOptions(initialOptions);
  let options = initialOptions;
  const chatId = options.id ?? (options.generateId ?? defaultGenerateId)();
  const maxAttempts = () => options.reconnect?.maxAttempts ?? 5;

  // The in-progress reply lives apart from the settled messages so that a token costs O(1);
  // the messages array and the metrics are rebuilt once per notification, not once per token.
  let settled: UIMessage[] = options.initialMessages ?? [];
  let draft: UIMessage | undefined;
  let status: ChatStatus = 'ready';
  let error: StreamkitError | undefined;
  let connection: ChatConnection = { state: 'idle', attempt: 0, maxAttempts: maxAttempts(), online: isOnline() };
  let metrics: MetricsRecorder | undefined;

  const build = (): ChatSnapshot => ({
    messages: draft ? [...settled, draft] : settled,
    status,
    error,
    connection,
    metrics: metrics?.snapshot() ?? emptyMetrics,
  });
  let snapshot = build();
  const notifier = createNotifier(options.scheduler ?? frameScheduler, () => {
    snapshot = build();
  });

  const httpTransport = createHTTPChatTransport(liveHTTPOptions(() => options, '/api/chat'));
  const transport = (): ChatTransport => options.transport ?? httpTransport;

  let active: AbortController | undefined;
  // Per turn (one user message and the automatic continuations after it).
  let steps = 0;
  let tools = new AbortController();
  // Set when a tool outcome or an approval answer was recorded that no request has carried yet.
  let unsentOutcome = false;
  const toolInputs = createToolInputParsers({
    onLoad() {
      // Arguments that streamed while the parser loaded show now.
      const caughtUp = draft && toolInputs.catchUp(draft);
      if (caughtUp === draft) return;
      draft = caughtUp;
      notifier.schedule();
    },
    onLoadError: (failure) => report(failure),
  });
  // An app that expects tool calls has the parser ready before the first one streams.
  if (options.tools || options.onToolCall) toolInputs.preload();

  function setConnection(next: Partial<ChatConnection>): void {
    connection = { ...connection, ...next };
    notifier.schedule();
  }

  function report(failure: StreamkitError): void {
    options.onError?.(failure);
  }

  function settleDraft(closing: StreamPart): UIMessage | undefined {
    const message = draft && applyStreamPart(draft, closing);
    if (message) settled = [...settled, message];
    draft = undefined;
    return message;
  }

  function applyPart(incoming: StreamPart, generateId: () => string): void {
    const part = toolInputs.parse(incoming);
    if (part.type === 'error') {
      const failure = new StreamkitError(part.code ?? 'stream/server-error', part.errorText);
      if (part.code === 'decode/invalid-json') return report(failure);
      error = failure;
    }
    if (part.type === 'text-delta' || part.type === 'reasoning-delta' || part.type === 'tool-input-delta') metrics?.delta();
    if (part.type === 'start' && part.messageId !== undefined && settled.at(-1)?.id === part.messageId) {
      // A resumed reply replays the message it was building: it replaces the partial copy we kept.
      settled = settled.slice(0, -1);
    }
    draft = applyStreamPart(draft ?? createAssistantMessage(generateId()), part);
    status = 'streaming';
    notifier.schedule();
  }

  async function run(open: Run, continuing?: UIMessage): Promise<void> {
    const controller = new AbortController();
    active = controller;
    steps++;
    unsentOutcome = false;
    toolInputs.clear();
    if (continuing) {
      settled = settled.filter((message) => message !== continuing);
      draft = continuing;
    }
    const generateId = options.generateId ?? defaultGenerateId;
    const recorder = createMetricsRecorder();
    metrics = recorder;
    status = 'submitted';
    error = undefined;
    connection = { ...connection, state: 'connecting', attempt: 0, maxAttempts: maxAttempts() };
    notifier.schedule();

    const observer: TransportObserver = {
      onConnectionChange: ({ state, attempt, nextAttemptAt }) => {
        if (active !== controller) return;
        if (state === 'reconnecting' && nextAttemptAt !== undefined) recorder.reconnect();
        setConnection({ state, attempt, nextAttemptAt });
      },
      onBytes: (count) => recorder.bytes(count),
      onRestart: () => {
        // What the failed attempt produced goes; a continued message keeps what it had before.
        draft = continuing;
        toolInputs.clear();
        notifier.schedule();
      },
    };

    let found = true;
    try {
      const parts = await open(transport(), controller.signal, observer);
      found = parts !== null;
      for await (const part of parts ?? []) {
        if (active !== controller) return;
        applyPart(part, generateId);
      }
    } catch (caught) {
      if (active !== controller) return;
      error = toStreamkitError(caught);
    }
    if (active !== controller) return;
    active = undefined;
    const message = settleDraft({ type: 'finish', reason: 'stop' });
    status = error ? 'error' : 'ready';
    connection = { ...connection, state: 'closed', nextAttemptAt: undefined };
    notifier.schedule();
    notifier.flush();
    if (error) report(error);
    if (found) options.onFinish?.({ message, reason: error ? 'error' : 'finished' });
    if (!error && message) await runToolCalls(message);
  }

  function patchToolCall(toolCallId: string, patch: Partial<ToolCallPart>): void {
    const index = settled.findLastIndex((message) => message.parts.some((part) => part.type === 'tool-call' && part.toolCallId === toolCallId));
    if (index === -1) return;
    settled = settled.with(index, updateToolCall(settled[index]!, toolCallId, patch));
    if (patch.approved !== undefined || (patch.state !== undefined && patch.state !== 'executing' && patch.state !== 'awaiting-approval')) unsentOutcome = true;
    notifier.schedule();
  }

  async function runToolCalls(message: UIMessage): Promise<void> {
    const runs: Promise<void>[] = [];
    for (const call of pendingClientCalls(message)) {
      const tool = lookupTool(options.tools, call.toolName);
      if (!tool) {
        if (options.onToolCall) options.onToolCall({ toolCall: call });
        else patchToolCall(call.toolCallId, { state: 'output-error', errorText: `Unknown tool "${call.toolName}": the client has no tool by that name.` });
        continue;
      }
      if (await needsApproval(tool, call.input)) {
        patchToolCall(call.toolCallId, { state: 'awaiting-approval' });
        continue;
      }
      runs.push(execute(call));
    }
    await Promise.all(runs);
    notifier.flush();
    await continueAfterTools();
  }

  async function execute(call: ToolCallPart): Promise<void> {
    const tool = lookupTool(options.tools, call.toolName);
    if (!tool) return;
    const signal = tools.signal;
    patchToolCall(call.toolCallId, { state: 'executing' });
    const outcome = await executeTool(tool, call, signal);
    if (!signal.aborted) patchToolCall(call.toolCallId, outcome);
  }

  /** Sends the tool outcomes back to the model once every call of the last reply has one. */
  async function continueAfterTools(): Promise<void> {
    const last = settled.at(-1);
    if (active || !unsentOutcome || !last || last.role !== 'assistant' || !allToolCallsSettled(last)) return;
    if (steps >= (options.maxSteps ?? 5)) return;
    const messages = settled;
    await run((chosen, signal, observer) => chosen.sendMessages({ chatId, messages, trigger: 'submit', signal, observer }), last);
  }

  function findToolCall(toolCallId: string): ToolCallPart | undefined {
    for (let index = settled.length - 1; index >= 0; index--) {
      const found = settled[index]!.parts.find((part): part is ToolCallPart => part.type === 'tool-call' && part.toolCallId === toolCallId);
      if (found) return found;
    }
    return undefined;
  }

  function stop(): void {
    tools.abort();
    tools = new AbortController();
    if (!active) return;
    active.abort(new StreamkitError('options/invalid', 'Stopped by the user.'));
    active = undefined;
    transport().cancel?.(chatId);
    const message = settleDraft({ type: 'abort' });
    status = 'ready';
    connection = { ...connection, state: 'closed', nextAttemptAt: undefined };
    notifier.schedule();
    notifier.flush();
    options.onFinish?.({ message, reason: 'stopped' });
  }

  const submit = (trigger: 'submit' | 'regenerate') =>
    run((chosen, signal, observer) => chosen.sendMessages({ chatId, messages: settled, trigger, signal, observer }));

  // Online/offline listeners are the store's only standing side effect: attached with the first
  // subscriber, removed after the last.
  const onOnlineChange = () => setConnection({ online: isOnline() });
  let subscribers = 0;
  function subscribe(listener: () => void): () => void {
    const unsubscribe = notifier.subscribe(listener);
    if (subscribers++ === 0 && typeof window !== 'undefined') {
      window.addEventListener('online', onOnlineChange);
      window.addEventListener('offline', onOnlineChange);
    }
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      unsubscribe();
      if (--subscribers === 0 && typeof window !== 'undefined') {
        window.removeEventListener('online', onOnlineChange);
        window.removeEventListener('offline', onOnlineChange);
      }
    };
  }

  return {
    subscribe,
    getSnapshot: () => snapshot,
    send(input) {
      stop();
      const generateId = options.generateId ?? defaultGenerateId;
      const message: UIMessage =
        typeof input === 'string'
          ? { id: generateId(), role: 'user', parts: [{ type: 'text', text: input, state: 'done' }], metadata: {} }
          : input;
      settled = [...settled, message];
      steps = 0;
      return submit('submit');
    },
    stop,
    regenerate() {
      stop();
      const lastUser = settled.findLastIndex((message) => message.role === 'user');
      if (lastUser === -1) {
        return Promise.reject(new StreamkitError('options/invalid', 'Nothing to regenerate: the conversation has no user message yet. Call send() first.'));
      }
      settled = settled.slice(0, lastUser + 1);
      steps = 0;
      return submit('regenerate');
    },
    resume() {
      if (active) return Promise.resolve();
      return run(async (chosen, signal, observer) => {
        if (!chosen.reconnectToStream) return null;
        return chosen.reconnectToStream({ chatId, signal, observer });
      });
    },
    setMessages(messages) {
      stop();
      settled = messages;
      notifier.schedule();
    },
    addToolResult(result) {
      const outcome: Partial<ToolCallPart> =
        'errorText' in result ? { state: 'output-error', errorText: result.errorText } : { state: 'output-available', output: result.output };
      patchToolCall(result.toolCallId, outcome);
      notifier.flush();
      void continueAfterTools();
    },
    respondToToolApproval(toolCallId, approved) {
      const call = findToolCall(toolCallId);
      if (!call || call.state !== 'awaiting-approval') return;
      if (!approved) {
        patchToolCall(toolCallId, { state: 'denied', approved: false });
        notifier.flush();
        void continueAfterTools();
        return;
      }
      if (call.approvalId !== undefined) {
        // The server asked: it runs the tool once it hears the answer.
        patchToolCall(toolCallId, { approved: true });
        notifier.flush();
        void continueAfterTools();
        return;
      }
      patchToolCall(toolCallId, { approved: true });
      void execute(call).then(() => {
        notifier.flush();
        return continueAfterTools();
      });
    },
    setOptions(next) {
      validateChatOptions(next);
      options = { ...options, ...next };
      if (options.tools || options.onToolCall) toolInputs.preload();
    },
  };
}

function toStreamkitError(caught: unknown): StreamkitError {
  if (caught instanceof StreamkitError) return caught;
  const message = caught instanceof Error ? caught.message : String(caught);
  return new StreamkitError('network/failed', `The stream failed: ${message}`, { cause: caught });
}
