import type { ChatConnection, ChatStatus, StreamMetrics } from '../chat/types.ts';
import { createMetricsRecorder, emptyMetrics, type MetricsRecorder } from '../chat/metrics-recorder.ts';
import { StreamkitError } from '../errors.ts';
import { generateId as defaultGenerateId } from '../id.ts';
import { PartialJSONError } from '../partial-json/partial-json-error.ts';
import { createPartialJSONParser, type PartialJSONParser } from '../partial-json/partial-json-parser.ts';
import type { JSONPath } from '../partial-json/json-path.ts';
import type { StreamPart } from '../stream-part.ts';
import { createNotifier, frameScheduler, type NotifyScheduler } from '../store/notifier.ts';
import { createHTTPStreamClient, type HTTPStreamOptions } from '../transport/http-stream-client.ts';
import { liveHTTPOptions } from '../transport/live-options.ts';
import type { TransportObserver } from '../transport/types.ts';
import { createJSONTextExtractor } from './json-text-extractor.ts';
import { SchemaValidationError } from './schema-error.ts';
import type { StandardSchemaV1 } from './standard-schema.ts';

/** What a streaming object looks like before it is complete: every field may still be missing. */
export type DeepPartial<T> = T extends readonly (infer Item)[]
  ? DeepPartial<Item>[]
  : T extends object
    ? { [Key in keyof T]?: DeepPartial<T[Key]> }
    : T;

export interface ObjectSnapshot<T> {
  /** The object so far; it only grows. Undefined until its first member shows. */
  object: DeepPartial<T> | undefined;
  status: ChatStatus;
  error: StreamkitError | undefined;
  /** The path of the value being written, for a caret in a form. */
  activePath: JSONPath | undefined;
  /** The raw JSON text received so far. */
  text: string;
  connection: ChatConnection;
  metrics: StreamMetrics;
}

export interface ObjectStoreOptions<T> extends Omit<HTTPStreamOptions, 'api'> {
  /** The endpoint that answers `POST { id, input }` with a stream. */
  api: string;
  /** Validates the finished object (zod, valibot, arktype — any Standard Schema). Default: none. */
  schema?: StandardSchemaV1<T>;
  /** Names the stream for resume and cancel. Default: a random id per submit. */
  generateId?: () => string;
  /** When listeners hear of changes. Default: once per animation frame (a zero-delay timer outside browsers). */
  scheduler?: NotifyScheduler;
  /**
   * The ui-message-stream data part that carries the object: `data-${name}` with a string `data` is
   * JSON text to append; with any other value it replaces the object whole. Default: `'object'`.
   */
  dataPartName?: string;
  /** Called once per submit when the stream ends: with the validated object, or with the error. */
  onFinish?(result: { object: T | undefined; error: StreamkitError | undefined }): void;
  onError?(error: StreamkitError): void;
}

export interface ObjectStore<T> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): ObjectSnapshot<T>;
  /** Starts a new object from `input`; a stream in progress is stopped first. Resolves when it ends. */
  submit(input: unknown): Promise<void>;
  /** Aborts the stream; the object keeps what arrived. */
  stop(): void;
  /** Whether the value at `path` (`['days', 0, 'title']` or `'days.0.title'`) is complete. */
  isComplete(path: JSONPath | string): boolean;
  setOptions(options: Partial<ObjectStoreOptions<T>>): void;
}

export function createObjectStore<T = unknown>(initialOptions: ObjectStoreOptions<T>): ObjectStore<T> {
  if (typeof initialOptions?.api !== 'string' || initialOptions.api === '') {
    throw new StreamkitError('options/invalid', 'createObjectStore needs an "api" URL, e.g. { api: "/api/object" }.');
  }
  let options = initialOptions;
  let parser: PartialJSONParser = createPartialJSONParser();
  let extractor = createJSONTextExtractor();
  let text = '';
  let replaced: { value: unknown } | undefined;
  let status: ChatStatus = 'ready';
  let error: StreamkitError | undefined;
  let connection: ChatConnection = { state: 'idle', attempt: 0, maxAttempts: options.reconnect?.maxAttempts ?? 5, online: true };
  let metrics: MetricsRecorder | undefined;
  let active: { controller: AbortController; id: string } | undefined;

  const currentObject = () => (replaced ? replaced.value : parser.value) as DeepPartial<T> | undefined;
  const build = (): ObjectSnapshot<T> => ({
    object: currentObject(),
    status,
    error,
    activePath: replaced ? undefined : parser.activePath,
    text,
    connection,
    metrics: metrics?.snapshot() ?? emptyMetrics,
  });
  let snapshot = build();
  const notifier = createNotifier(options.scheduler ?? frameScheduler, () => {
    snapshot = build();
  });

  const client = createHTTPStreamClient(liveHTTPOptions(() => options, options.api));

  const rootComplete = () => replaced !== undefined || parser.isComplete([]);

  function appendJSON(chunk: string): void {
    const json = extractor.push(chunk);
    if (!json || rootComplete()) return;
    text += json;
    try {
      parser.push(json);
    } catch (caught) {
      // Prose after a finished document (a model's "Hope this helps!") is not an error.
      if (!(caught instanceof PartialJSONError && caught.code === 'json/trailing-content' && rootComplete())) throw caught;
    }
  }

  function applyPart(part: StreamPart): void {
    const dataName = options.dataPartName ?? 'object';
    if (part.type === 'text-delta') {
      metrics?.delta();
      appendJSON(part.delta);
    } else if (part.type === 'data' && part.name === dataName) {
      metrics?.delta();
      if (typeof part.data === 'string') appendJSON(part.data);
      else replaced = { value: part.data };
    } else if (part.type === 'error') {
      const failure = new StreamkitError(part.code ?? 'stream/server-error', part.errorText);
      if (part.code === 'decode/invalid-json') options.onError?.(failure);
      else error = failure;
    } else {
      return;
    }
    status = 'streaming';
    notifier.schedule();
  }

  async function finalObject(): Promise<T | undefined> {
    if (replaced) return validate(replaced.value);
    if (text.trim() === '') throw new StreamkitError('object/no-json', 'The stream finished without any JSON in it.');
    const value = rootComplete() ? parser.value : parser.end();
    return validate(value);
  }

  async function validate(value: unknown): Promise<T> {
    if (!options.schema) return value as T;
    const result = await options.schema['~standard'].validate(value);
    if (result.issues) throw new SchemaValidationError(result.issues, text, value);
    return result.value;
  }

  async function run(input: unknown): Promise<void> {
    const controller = new AbortController();
    const id = (options.generateId ?? defaultGenerateId)();
    active = { controller, id };
    parser = createPartialJSONParser();
    extractor = createJSONTextExtractor();
    text = '';
    replaced = undefined;
    const recorder = createMetricsRecorder();
    metrics = recorder;
    status = 'submitted';
    error = undefined;
    connection = { ...connection, state: 'connecting', attempt: 0 };
    notifier.schedule();

    const observer: TransportObserver = {
      onConnectionChange: ({ state, attempt, nextAttemptAt }) => {
        if (active?.controller !== controller) return;
        if (state === 'reconnecting' && nextAttemptAt !== undefined) recorder.reconnect();
        connection = { ...connection, state, attempt, nextAttemptAt };
        notifier.schedule();
      },
      onBytes: (count) => recorder.bytes(count),
      onRestart: () => {
        parser = createPartialJSONParser();
        extractor = createJSONTextExtractor();
        text = '';
        replaced = undefined;
      },
    };

    let object: T | undefined;
    try {
      // A whole JSON reply (the sync fallback) is the object itself.
      const objectReply = (body: unknown): StreamPart[] => [
        { type: 'data', name: options.dataPartName ?? 'object', data: body },
        { type: 'finish', reason: 'stop' },
      ];
      for await (const part of client.stream(id, { id, input }, controller.signal, observer, objectReply)) {
        if (active?.controller !== controller) return;
        applyPart(part);
        if (error) break;
      }
      if (active?.controller !== controller) return;
      if (!error) object = await finalObject();
    } catch (caught) {
      if (active?.controller !== controller) return;
      error = caught instanceof StreamkitError ? caught : new StreamkitError('network/failed', `The stream failed: ${String(caught)}`, { cause: caught });
      if (!controller.signal.aborted) controller.abort();
    }
    active = undefined;
    status = error ? 'error' : 'ready';
    connection = { ...connection, state: 'closed', nextAttemptAt: undefined };
    notifier.schedule();
    notifier.flush();
    if (error) options.onError?.(error);
    options.onFinish?.({ object, error });
  }

  function stop(): void {
    if (!active) return;
    active.controller.abort(new StreamkitError('options/invalid', 'Stopped by the user.'));
    client.cancel(active.id);
    active = undefined;
    status = 'ready';
    connection = { ...connection, state: 'closed', nextAttemptAt: undefined };
    notifier.schedule();
    notifier.flush();
  }

  return {
    subscribe: notifier.subscribe,
    getSnapshot: () => snapshot,
    submit(input) {
      stop();
      return run(input);
    },
    stop,
    isComplete: (path) => (replaced ? true : parser.isComplete(path)),
    setOptions(next) {
      options = { ...options, ...next };
    },
  };
}
