import { list, record, str, type JSONRecord } from './openai-shared.ts';

/**
 * How each Responses API tool item (other than `function_call` and `custom_tool_call`, whose
 * arguments stream) becomes a tool-call part. Its input and output are read whole from the
 * `response.output_item.done` item; the item's own progress events are not needed.
 */
export interface ToolItemSpec {
  toolName(item: JSONRecord): string;
  /**
   * True when OpenAI runs the tool (a hosted tool). `local_shell_call`, a `shell_call` outside a
   * hosted container, `apply_patch_call` and a client `tool_search_call` are run by the app that
   * called the API, so they are ordinary tool calls it must answer.
   */
  providerExecuted(item: JSONRecord): boolean;
  input(item: JSONRecord): unknown;
  /** The result the done item already carries, for hosted tools that report one. */
  output?(item: JSONRecord): { output: unknown } | { errorText: string } | undefined;
}

const hosted = (): boolean => true;
const byTheApp = (): boolean => false;

/** MCP and xAI items carry their arguments as JSON text; anything that does not parse is kept as text. */
function parseArguments(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? {};
  if (value.trim() === '') return {};
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

export const toolItems: Record<string, ToolItemSpec> = {
  web_search_call: {
    toolName: (item) => str(item.name) || 'web_search',
    providerExecuted: hosted,
    input: (item) => {
      const action = record(item.action);
      if (!action) return parseArguments(item.arguments);
      const { sources: _sources, ...input } = action;
      return input;
    },
    output: (item) => {
      const sources = record(item.action)?.sources;
      return { output: Array.isArray(sources) ? { status: str(item.status), sources } : { status: str(item.status) } };
    },
  },
  file_search_call: {
    toolName: () => 'file_search',
    providerExecuted: hosted,
    input: (item) => ({ queries: list(item.queries) }),
    output: (item) => ({ output: { results: item.results ?? null } }),
  },
  code_interpreter_call: {
    toolName: () => 'code_interpreter',
    providerExecuted: hosted,
    input: (item) => ({ code: str(item.code), containerId: str(item.container_id) }),
    output: (item) => ({ output: { outputs: list(item.outputs) } }),
  },
  image_generation_call: {
    toolName: () => 'image_generation',
    providerExecuted: hosted,
    input: (item) => {
      const prompt = str(item.revised_prompt) || str(item.prompt);
      return prompt ? { prompt } : {};
    },
    output: (item) => ({ output: { result: item.result ?? null } }),
  },
  mcp_call: {
    toolName: (item) => str(item.name) || 'mcp',
    providerExecuted: hosted,
    input: (item) => parseArguments(item.arguments),
    output: (item) => {
      const error = item.error;
      if (error !== null && error !== undefined) {
        return { errorText: str(record(error)?.message) || (typeof error === 'string' ? error : JSON.stringify(error)) };
      }
      return { output: item.output ?? null };
    },
  },
  mcp_approval_request: {
    toolName: (item) => str(item.name) || 'mcp',
    providerExecuted: hosted,
    input: (item) => parseArguments(item.arguments),
  },
  program: {
    toolName: () => 'program',
    providerExecuted: hosted,
    input: (item) => ({ code: str(item.code) }),
  },
  tool_search_call: {
    toolName: () => 'tool_search',
    providerExecuted: (item) => item.execution !== 'client',
    input: (item) => parseArguments(item.arguments),
  },
  shell_call: {
    toolName: () => 'shell',
    providerExecuted: (item) => str(record(item.environment)?.type).startsWith('container'),
    input: (item) => record(item.action) ?? {},
  },
  local_shell_call: {
    toolName: () => 'local_shell',
    providerExecuted: byTheApp,
    input: (item) => record(item.action) ?? {},
  },
  apply_patch_call: {
    toolName: () => 'apply_patch',
    providerExecuted: byTheApp,
    input: (item) => record(item.operation) ?? {},
  },
};

/** Items that carry the result of an earlier tool item, linked to it by `call_id` (or, without one, the latest call of that type). */
export const toolOutputItems: Record<string, { callType: string; output(item: JSONRecord): unknown }> = {
  shell_call_output: { callType: 'shell_call', output: (item) => ({ output: list(item.output) }) },
  apply_patch_call_output: { callType: 'apply_patch_call', output: (item) => ({ status: str(item.status), output: item.output ?? null }) },
  tool_search_output: { callType: 'tool_search_call', output: (item) => ({ tools: list(item.tools) }) },
  program_output: { callType: 'program', output: (item) => ({ result: item.result ?? null }) },
};
