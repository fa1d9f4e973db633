import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium.ts';

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

/**
 * The demo and a Chromium for one test file: both start before its tests (beforeAll) and close after
 * them. Read `url` and `browser` inside tests and hooks, once they are running.
 */
export function useDemoInChromium(): { readonly url: string; readonly browser: Browser } {
  let demo: Awaited<ReturnType<typeof startDemo>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [demo, browser] = await Promise.all([startDemo(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });
  return {
    get url() {
      return demo!.url;
    },
    get browser() {
      return browser!;
    },
  };
}
