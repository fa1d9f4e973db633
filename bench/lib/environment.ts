import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuClock } from './cpu-clock.ts';

export const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** Packages whose versions a reader needs to reproduce the numbers. */
const PACKAGES = ['eventsource-parser', '@streamparser/json', 'partial-json', 'ai', '@ai-sdk/react', 'react', 'rolldown', 'size-limit', 'tsx'];

export interface Environment {
  node: string;
  os: string;
  cpu: string;
  cores: number;
  memoryGB: number;
  /** 1-minute load average when the module started and ended: above the core count means a busy machine. */
  load: [number, number];
  commit: string;
  /** The clock behind the CPU times. */
  clock: string;
  versions: Record<string, string>;
}

function packageVersion(name: string): string {
  try {
    const json = JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version?: string };
    return json.version ?? '?';
  } catch {
    return 'not installed';
  }
}

function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: repoRoot, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} + uncommitted changes` : head;
  } catch {
    return 'unknown';
  }
}

export function loadAverage(): number {
  return Math.round(os.loadavg()[0]! * 100) / 100;
}

export function describeEnvironment(loadAtStart: number): Environment {
  const cpus = os.cpus();
  return {
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 1e9),
    load: [loadAtStart, loadAverage()],
    commit: commit(),
    clock: cpuClock,
    versions: Object.fromEntries(PACKAGES.map((name) => [name, packageVersion(name)])),
  };
}
