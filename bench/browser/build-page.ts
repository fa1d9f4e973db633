import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { build, defaultClientConditions } from 'vite';
const pageRoot = fileURLToPath(new URL('./page/', import.meta.url));

/**
 * Builds the benchmark page for production, as an app would ship, except that react-dom's
 * profiling build replaces react-dom/client so that the React Profiler's onRender works. Each
 * build goes to a new temporary folder (returned), so that parallel smoke tests don't collide.
 * `minify: false` and `sourcemap: true` are for reading a CPU profile of the page.
 */
export async function buildBenchPage({ minify = true, sourcemap = false }: { minify?: boolean; sourcemap?: boolean } = {}): Promise<string> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'streamkit-bench-page-'));
  await build({
    configFile: false,
    root: pageRoot,
    logLevel: 'warn',
    mode: 'production',
    plugins: [react(), tailwindcss()],
    resolve: {
      conditions: ['@streamkit/source', ...defaultClientConditions],
      alias: [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }],
    },
    // Shiki's grammars make large chunks; size is benchmark 7's business, not this page's.
    build: { outDir, minify, sourcemap, emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 10_000 },
  });
  return outDir;
}
