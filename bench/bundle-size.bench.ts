import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type OutputChunk } from 'rolldown';
import type { BenchModule, BenchOptions, BenchRow, Check } from './lib/bench-module.ts';
import { formatBytes, formatFactor } from './lib/format.ts';
import {
  budgets,
  CHAT_HOOK_TARGET,
  externalPackages,
  repoRoot,
  rolldownOptions,
  uiComponents,
} from './size/size-checks.mjs';

/** Gzip of what a page loads up front, and what it may load later. */
interface BundleSize {
  gzip: number;
  minified: number;
  /** Gzip of chunks loaded only through `import()` (e.g. syntax-highlighting languages). */
  lazyGzip: number;
  /** Our source files in the bundle with their share of its rendered code, largest first. */
  modules: Array<{ id: string; share: number }>;
}

const external = new RegExp(`^(${externalPackages.join('|')})($|/)`);

/** A repo-relative file is imported by its absolute path; anything else is a package name. */
function specifier(from: string): string {
  return from.startsWith('packages/') ? path.join(repoRoot, from) : from;
}

/** Bundles `export { names } from 'from'` as size-limit does: minified, react external, gzip level 9. */
async function measure(from: string, names: readonly string[]): Promise<BundleSize> {
  const code = `export { ${names.join(', ')} } from ${JSON.stringify(specifier(from))};`;
  const output = await build({
    ...rolldownOptions,
    input: 'bench-entry',
    cwd: repoRoot,
    external,
    logLevel: 'silent',
    write: false,
    output: { minify: true, comments: { annotation: false } },
    plugins: [{ name: 'bench-entry', resolveId: (id) => (id === 'bench-entry' ? '\0bench-entry' : null), load: (id) => (id === '\0bench-entry' ? code : null) }],
  });
  const chunks = output.output.filter((file): file is OutputChunk => file.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  // What loads up front: the entry and everything it imports statically.
  const initial = new Set<OutputChunk>();
  const visit = (chunk: OutputChunk | undefined): void => {
    if (!chunk || initial.has(chunk)) return;
    initial.add(chunk);
    for (const imported of chunk.imports) visit(byName.get(imported));
  };
  visit(chunks.find((chunk) => chunk.isEntry));
  const gzip = (chunk: OutputChunk): number => gzipSync(chunk.code, { level: 9 }).length;
  let rendered = 0;
  const modules: Array<{ id: string; length: number }> = [];
  for (const chunk of initial) {
    for (const [id, info] of Object.entries(chunk.modules)) {
      rendered += info.renderedLength;
      if (info.renderedLength > 0) modules.push({ id: path.relative(repoRoot, id), length: info.renderedLength });
    }
  }
  modules.sort((a, b) => b.length - a.length);
  return {
    gzip: [...initial].reduce((sum, chunk) => sum + gzip(chunk), 0),
    minified: [...initial].reduce((sum, chunk) => sum + chunk.code.length, 0),
    lazyGzip: chunks.filter((chunk) => !initial.has(chunk)).reduce((sum, chunk) => sum + gzip(chunk), 0),
    modules: modules.map(({ id, length }) => ({ id, share: length / rendered })),
  };
}

function detail(size: BundleSize): string {
  const lazy = size.lazyGzip > 0 ? `; + ${formatBytes(size.lazyGzip)} gzip loaded lazily` : '';
  return `${formatBytes(size.minified)} minified${lazy}`;
}

/** The biggest contributors, by their share of the unminified output. */
function largest(size: BundleSize, count: number): string {
  return size.modules
    .slice(0, count)
    .map(({ id, share }) => `${id.replace(/^packages\//, '').replace('/src/', '/')} ${Math.round(share * 100)}%`)
    .join(', ');
}

function budgetCheck(name: string, gzip: number): Check[] {
  const budget = budgets[name];
  return budget === undefined
    ? []
    : [{ measured: formatBytes(gzip), target: `≤ ${formatBytes(budget)} (npm run size budget)`, met: gzip <= budget }];
}

/** Benchmark 7: minified + gzip bundle sizes of what a page imports. */
export const bundleSizeBench: BenchModule = {
  id: 'bundle-size',
  title: '7. Bundle size (minified + gzip, react external)',
  description:
    'Each row bundles one import with rolldown (the bundler of `npm run size`), minified, for the browser, react and react-dom external, workspace packages from source; size is gzip level 9 of the entry and its static imports (lazily imported chunks are listed apart). Each ui component is imported from the `@streamkit/ui` barrel and, for comparison, from its own file: equal sizes mean the barrel pulls in nothing the component does not need.',
  async run(options: BenchOptions): Promise<BenchRow[]> {
    const rows: BenchRow[] = [];
    const chat = await measure('packages/react/src/index.ts', ['useStreamingChat']);
    options.log(`  useStreamingChat: ${formatBytes(chat.gzip)}`);
    if (options.smoke) {
      return [{ case: 'page using useStreamingChat', subject: '@streamkit/react + core', value: chat.gzip, unit: 'bytes', extra: detail(chat) }];
    }
    const useChat = await measure('@ai-sdk/react', ['useChat']);
    const object = await measure('packages/react/src/index.ts', ['useStreamingObject']);
    const smaller = useChat.gzip / chat.gzip;
    rows.push(
      {
        case: 'page using useStreamingChat',
        subject: '@streamkit/react + core',
        value: chat.gzip,
        unit: 'bytes',
        extra: `${detail(chat)}; ${formatFactor(smaller)} smaller than useChat`,
        note: `largest: ${largest(chat, 6)}`,
        checks: [
          { measured: formatBytes(chat.gzip), target: `≤ ${formatBytes(CHAT_HOOK_TARGET)} (issue target)`, met: chat.gzip <= CHAT_HOOK_TARGET },
          ...budgetCheck('useStreamingChat', chat.gzip),
        ],
      },
      { case: 'page using useChat', subject: '@ai-sdk/react + ai', value: useChat.gzip, unit: 'bytes', extra: detail(useChat) },
      {
        case: 'page using useStreamingObject',
        subject: '@streamkit/react + core',
        value: object.gzip,
        unit: 'bytes',
        extra: detail(object),
        note: `largest: ${largest(object, 4)}`,
        checks: budgetCheck('useStreamingObject', object.gzip),
      },
    );

    const components = uiComponents();
    const all = await measure('packages/ui/src/index.ts', components.map((component) => component.name));
    for (const { name, file } of components) {
      const viaBarrel = await measure('packages/ui/src/index.ts', [name]);
      const direct = await measure(file, [name]);
      options.log(`  ${name}: ${formatBytes(viaBarrel.gzip)} (own file ${formatBytes(direct.gzip)})`);
      // Gzip of two identical bundles can differ by a few bytes with module order.
      const extraBytes = viaBarrel.gzip - direct.gzip;
      rows.push({
        case: `import { ${name} } from '@streamkit/ui'`,
        subject: name,
        value: viaBarrel.gzip,
        unit: 'bytes',
        extra: `${detail(viaBarrel)}; from its own file: ${formatBytes(direct.gzip)}`,
        checks: [
          { measured: `${extraBytes >= 0 ? '+' : ''}${extraBytes} B over its own file`, target: '≤ +1% (tree-shaken)', met: extraBytes <= direct.gzip * 0.01 },
          ...budgetCheck(name, viaBarrel.gzip),
        ],
        note: [budgets[name] === undefined ? 'no budget in bench/size/size-checks.mjs yet' : '', `largest: ${largest(viaBarrel, 3)}`].filter(Boolean).join('; '),
      });
    }
    rows.push({ case: 'every @streamkit/ui component', subject: '@streamkit/ui', value: all.gzip, unit: 'bytes', extra: detail(all) });
    return rows;
  },
};
