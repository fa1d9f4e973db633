import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { mockReplyText } from './reply-text.ts';

const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
const cliPath = fileURLToPath(new URL('./cli.ts', import.meta.url));

/** Runs the CLI from source, as `npx tsx --conditions=@streamkit/source packages/mock-backend/src/cli.ts` does. */
function runCli(args: string[]): ChildProcess {
  return spawn(process.execPath, [tsxCli, '--conditions=@streamkit/source', cliPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

function collect(stream: NodeJS.ReadableStream | null): { text: () => string } {
  let text = '';
  stream?.on('data', (chunk) => (text += chunk));
  return { text: () => text };
}

async function waitForUrl(child: ChildProcess): Promise<string> {
  let output = '';
  for await (const chunk of child.stdout!) {
    output += chunk;
    const url = /listening on (http:\/\/\S+) /.exec(output)?.[1];
    if (url) return url;
  }
  throw new Error(`The CLI exited without printing its URL. Output: ${output}`);
}

let child: ChildProcess | undefined;

afterEach(() => {
  // SIGTERM, not SIGKILL: tsx forwards it to the Node process that runs the CLI.
  if (child && child.exitCode === null) child.kill('SIGTERM');
});

describe('streamkit-mock CLI', () => {
  it('prints its URL, serves the mock chat there, and exits cleanly on SIGTERM', { timeout: 30_000 }, async () => {
    child = runCli(['--port', '0', '--ttft', '0', '--tps', 'Infinity']);
    const url = await waitForUrl(child);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const response = await fetch(`${url}/api/chat`, {
      method: 'POST',
      body: JSON.stringify({ id: 'c', messages: [{ id: 'u', role: 'user', parts: [{ type: 'text', text: 'Hi there' }] }] }),
    });
    const deltas = (await response.text())
      .split('\n')
      .filter((line) => line.startsWith('data: {'))
      .map((line) => JSON.parse(line.slice(6)) as { type: string; delta?: string })
      .filter((chunk) => chunk.type === 'text-delta')
      .map((chunk) => chunk.delta)
      .join('');
    expect(deltas).toBe(mockReplyText('Hi there'));

    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
  });

  it('prints the usage and exits with code 2 for a bad flag', { timeout: 30_000 }, async () => {
    child = runCli(['--port', 'eighty']);
    const stderr = collect(child.stderr);
    const [code] = await once(child, 'close');
    expect(code).toBe(2);
    expect(stderr.text()).toContain('streamkit-mock: --port must be an integer from 0 to 65535 (got "eighty").');
    expect(stderr.text()).toContain('Usage: streamkit-mock');
  });
});
