import type { StreamkitError } from '../errors.ts';
import { updateToolCall } from '../message/part-updates.ts';
import type { ToolCallPart, UIMessage } from '../message/types.ts';
import type { PartialJSONParser } from '../partial-json/partial-json-parser.ts';
import type { StreamPart } from '../stream-part.ts';
import { loadModule } from '../transport/load-module.ts';

type CreateParser = () => PartialJSONParser;

let loaded: CreateParser | undefined;
let loading: Promise<CreateParser> | undefined;

/**
 * Loads the partial-JSON parser once per page. In a chat only streaming tool arguments need it, so
 * it is a chunk of its own rather than part of every page that shows a chat. A failed load is not
 * cached: the next tool call tries again.
 */
export function loadPartialJSONParser(): Promise<CreateParser> {
  loading ??= loadModule('the partial-JSON parser', () => import('../partial-json/partial-json-parser.ts')).then(
    (module) => (loaded = module.createPartialJSONParser),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

export interface ToolInputParsers {
  /** Starts loading the parser, so that it is ready before the first tool call streams. */
  preload(): void;
  /** Adds the arguments parsed so far (`input`) to a `tool-input-delta`; other parts pass unchanged. */
  parse(part: StreamPart): StreamPart;
  /**
   * Once the parser has loaded: parses the arguments that arrived before it (the calls' `inputText`)
   * into `input`. Returns the same message when there was nothing to catch up on.
   */
  catchUp(message: UIMessage): UIMessage;
  clear(): void;
}

/**
 * Tool-call arguments parsed as they stream, one incremental parser per call: never a re-parse per
 * fragment. Correctness never depends on it: `tool-input-available` carries the whole input.
 */
export function createToolInputParsers(events: { onLoad(): void; onLoadError(error: StreamkitError): void }): ToolInputParsers {
  // `null`: the call started before the parser module loaded; its text waits in the message.
  const parsers = new Map<string, PartialJSONParser | null>();
  let requested = false;

  function preload(): void {
    if (loaded || requested) return;
    requested = true;
    loadPartialJSONParser().then(events.onLoad, (error: StreamkitError) => {
      requested = false;
      events.onLoadError(error);
    });
  }

  return {
    preload,
    parse(part) {
      if (part.type === 'tool-input-start') {
        parsers.set(part.toolCallId, loaded ? loaded() : null);
        preload();
      }
      if (part.type !== 'tool-input-delta') return part;
      const parser = parsers.get(part.toolCallId);
      if (!parser) return part;
      try {
        parser.push(part.delta);
        return { ...part, input: parser.value };
      } catch {
        // Invalid arguments: the decoder reports them with tool-input-error when the call closes.
        parsers.delete(part.toolCallId);
        return part;
      }
    },
    catchUp(message) {
      if (!loaded) return message;
      let caughtUp = message;
      for (const [toolCallId, waiting] of parsers) {
        if (waiting !== null) continue;
        const call = message.parts.findLast((part): part is ToolCallPart => part.type === 'tool-call' && part.toolCallId === toolCallId);
        if (call?.state !== 'input-streaming') {
          parsers.delete(toolCallId);
          continue;
        }
        const parser = loaded();
        parsers.set(toolCallId, parser);
        if (!call.inputText) continue;
        try {
          parser.push(call.inputText);
          caughtUp = updateToolCall(caughtUp, toolCallId, { input: parser.value });
        } catch {
          parsers.delete(toolCallId);
        }
      }
      return caughtUp;
    },
    clear: () => parsers.clear(),
  };
}
