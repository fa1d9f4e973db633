import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchRow } from './bench-module.ts';
import type { Environment } from './environment.ts';
import { formatMs, formatStat } from './format.ts';

export interface ModuleResult {
  id: string;
  title: string;
  description: string;
  /** ISO time the module finished. */
  ranAt: string;
  durationMs: number;
  environment: Environment;
  rows: BenchRow[];
  /** Set when the module threw; its rows are then whatever it had not produced (none). */
  error?: string;
}

export interface BenchResults {
  updatedAt: string;
  modules: ModuleResult[];
}

export function readResults(file: string): BenchResults | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
  } catch {
    return undefined;
  }
}

/**
 * The new results replace those of the same modules; the others are kept, so `npm run bench -- sse`
 * refreshes two sections and leaves the rest (browser benchmarks included) as they were. Modules
 * are listed in `order`, then any others in the order they were found.
 */
export function mergeResults(previous: BenchResults | undefined, fresh: ModuleResult[], order: readonly string[]): BenchResults {
  const byId = new Map((previous?.modules ?? []).map((result) => [result.id, result]));
  for (const result of fresh) byId.set(result.id, result);
  const rank = (id: string): number => (order.includes(id) ? order.indexOf(id) : order.length);
  const modules = [...byId.values()].sort((a, b) => rank(a.id) - rank(b.id));
  return { updatedAt: new Date().toISOString(), modules };
}

/** Writes through a temporary file, so an interrupted run never leaves half a results file. */
export function writeResults(directory: string, results: BenchResults): void {
  const write = (name: string, text: string): void => {
    const file = path.join(directory, name);
    writeFileSync(`${file}.tmp`, text);
    renameSync(`${file}.tmp`, file);
  };
  write('latest.json', `${JSON.stringify(results, null, 2)}\n`);
  write('latest.md', renderMarkdown(results));
}

const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function metMark(met: boolean): string {
  return met ? '✅ met' : '❌ missed';
}

function environmentLine(environment: Environment): string {
  const { cpu, cores, memoryGB, os, node, load } = environment;
  return `${cpu}, ${cores} cores, ${memoryGB} GB, ${os}, Node ${node}; load average ${load[0]} → ${load[1]}`;
}

function renderTargets(results: BenchResults): string[] {
  const lines = ['## Targets', '', '| Benchmark | Case | Subject | Measured | Target | |', '| --- | --- | --- | --- | --- | --- |'];
  for (const result of results.modules) {
    for (const row of result.rows) {
      for (const check of row.checks ?? []) {
        lines.push(`| ${cell(result.title)} | ${cell(row.case)} | ${cell(row.subject)} | ${cell(check.measured)} | ${cell(check.target)} | ${metMark(check.met)} |`);
      }
    }
  }
  return lines;
}

function renderModule(result: ModuleResult): string[] {
  const lines = [`## ${result.title}`, '', result.description, ''];
  lines.push(`_Ran ${result.ranAt.slice(0, 16).replace('T', ' ')} UTC in ${formatMs(result.durationMs)}; ${environmentLine(result.environment)}._`, '');
  if (result.error) lines.push(`**Failed:** ${result.error}`, '');
  if (result.rows.length === 0) return lines;
  lines.push('| Case | Subject | Median | Min – max | Runs | Detail | Ratio (target) | |', '| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of result.rows) {
    const stat = formatStat(row.value, row.unit);
    const checks = row.checks ?? [];
    const ratio = checks.map((check) => `${check.measured} (${check.target})`).join('<br>');
    const met = checks.map((check) => metMark(check.met)).join('<br>');
    const detail = [row.extra, row.note].filter(Boolean).join('; ');
    lines.push(`| ${cell(row.case)} | ${cell(row.subject)} | ${stat.median} | ${stat.range} | ${stat.runs} | ${cell(detail)} | ${cell(ratio)} | ${met} |`);
  }
  lines.push('');
  return lines;
}

export function renderMarkdown(results: BenchResults): string {
  const latest = results.modules.reduce<ModuleResult | undefined>((a, b) => (a === undefined || b.ranAt > a.ranAt ? b : a), undefined);
  const versions = latest ? Object.entries(latest.environment.versions).map(([name, version]) => `${name} ${version}`).join(', ') : '';
  const lines = [
    '# Streamkit benchmarks',
    '',
    'Written by `npm run bench` (`bench/run.ts`); `npm run bench -- <filter>` reruns the matching sections and keeps the others.',
    'Every comparison runs both sides in the same process, alternating run by run after a warm-up, so a busy machine slows both alike;',
    'times are medians with min – max over the runs. Targets are ratios, since absolute times vary from machine to machine.',
    '',
  ];
  if (latest) {
    lines.push(`Last run: ${latest.ranAt.slice(0, 16).replace('T', ' ')} UTC, commit ${latest.environment.commit}.`, '');
    lines.push(`Machine: ${environmentLine(latest.environment)}.`, '');
    lines.push(`Versions: ${versions}.`, '');
    lines.push(`Times in the Median and Min – max columns are ${latest.environment.clock}; wall-clock medians are in Detail.`, '');
  }
  lines.push(...renderTargets(results), '');
  for (const result of results.modules) lines.push(...renderModule(result));
  return `${lines.join('\n').trimEnd()}\n`;
}
