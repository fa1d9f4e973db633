import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.ts';

describe('parseCliArgs', () => {
  it('uses port 8787 on 127.0.0.1 with the default timing when no flags are given', () => {
    expect(parseCliArgs([])).toEqual({
      kind: 'run',
      options: { port: 8787, host: '127.0.0.1', ttftMs: 350, tokensPerSecond: 40 },
    });
  });

  it('reads every flag', () => {
    expect(parseCliArgs(['--port', '0', '--host', '0.0.0.0', '--ttft', '10', '--tps=Infinity'])).toEqual({
      kind: 'run',
      options: { port: 0, host: '0.0.0.0', ttftMs: 10, tokensPerSecond: Infinity },
    });
  });

  it('asks for help with --help or -h', () => {
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--port', 'abc'], /--port must be an integer from 0 to 65535 \(got "abc"\)/],
    [['--port', '70000'], /--port must be an integer/],
    [['--port', ''], /--port must be an integer/],
    [['--ttft=-1'], /--ttft must be a number of milliseconds/],
    [['--tps', '0'], /--tps must be a number > 0 or Infinity/],
    [['--host', ''], /--host must not be empty/],
    [['--verbose'], /Unknown option '--verbose'/],
    [['extra'], /Unexpected argument 'extra'/],
    [['--port'], /--port <value>' argument missing/],
  ])('rejects %j', (argv, message) => {
    const result = parseCliArgs(argv);
    expect(result.kind).toBe('error');
    expect(result.kind === 'error' && result.message).toMatch(message);
  });
});
