import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';

const demoRoot = fileURLToPath(new URL('../apps/demo', import.meta.url));

/** Starts the demo exactly as `npm run demo` does (its own vite.config.ts, mock backend included) on a free port. */
export async function startDemo(): Promise<{ url: string; close(): Promise<void> }> {
  const server: ViteDevServer = await createServer({
    root: demoRoot,
    configFile: `${demoRoot}/vite.config.ts`,
    logLevel: 'warn',
    server: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The demo server did not report a URL');
  return { url, close: () => server.close() };
}
