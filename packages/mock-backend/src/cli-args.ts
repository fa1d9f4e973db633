/// <reference types="node" />
import { parseArgs } from 'node:util';

export const USAGE = `Usage: streamkit-mock [--port 8787] [--host 127.0.0.1] [--ttft 350] [--tps 40]

Serves the Streamkit mock backend: POST <url>/api/chat streams a deterministic reply
(reasoning, tool calls, citations… chosen by the prompt's keywords or ?scenario=<name>);
POST <url>/api/object streams a JSON document for { id, input }.
GET <url>/api/chat/<chatId>/stream resumes a reply (Last-Event-ID), DELETE stops it
(likewise <url>/api/object/<id>/stream).
Per request: ?format=<wire format> and ?fault=<faults>, e.g. ?fault=drop-after-events=5
(see createMockHandler's documentation for the scenarios and the fault grammar).

  --port <n>   port to listen on; 0 picks a free one (default 8787)
  --host <h>   interface to bind (default 127.0.0.1)
  --ttft <ms>  milliseconds before the first token (default 350)
  --tps <n>    tokens per second; Infinity for no delay (default 40)
  --help       print this message`;

export interface CliOptions {
  port: number;
  host: string;
  ttftMs: number;
  tokensPerSecond: number;
}

export type CliArgs = { kind: 'run'; options: CliOptions } | { kind: 'help' } | { kind: 'error'; message: string };

function toNumber(flag: string, text: string | undefined, fallback: number, valid: (n: number) => boolean, rule: string) {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !valid(value)) throw new Error(`--${flag} must be ${rule} (got "${text}").`);
  return value;
}

/** Parses the CLI flags; never exits, so it can be tested. */
export function parseCliArgs(argv: string[]): CliArgs {
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        ttft: { type: 'string' },
        tps: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) return { kind: 'help' };
    const options: CliOptions = {
      port: toNumber('port', values.port, 8787, (n) => Number.isInteger(n) && n >= 0 && n <= 65535, 'an integer from 0 to 65535'),
      host: values.host ?? '127.0.0.1',
      ttftMs: toNumber('ttft', values.ttft, 350, (n) => Number.isFinite(n) && n >= 0, 'a number of milliseconds ≥ 0'),
      tokensPerSecond: toNumber('tps', values.tps, 40, (n) => n > 0, 'a number > 0 or Infinity'),
    };
    if (options.host === '') throw new Error('--host must not be empty.');
    return { kind: 'run', options };
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
}
