import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../e2e/chromium.ts';
import type { Delivery } from './reply.ts';
import { startBenchServer, type BenchServer } from './bench-server.ts';
import { buildBenchPage } from './build-page.ts';
import { mainThreadTasks, traceCategories, type MainThreadTask } from './main-thread-tasks.ts';
import type { LongMessageWindow } from './page/long-message-app.tsx';
import type { StreamMeasurement } from './page/probe.ts';
import type {} from './page/bench-api.ts';

/** The chat pages: Streamkit's hook, the AI SDK's useChat with its defaults or throttled to 50 ms, and the floor (no library). */
export type ChatApp = 'streamkit' | 'usechat' | 'usechat-throttle' | 'floor';

export interface ReplyRun {
  measurement: StreamMeasurement;
  /** The page's main-thread tasks from send to the last delta painted. */
  tasks: MainThreadTask[];
}

export interface BrowserSession {
  /** Opens a fresh page with `settled` messages, streams the reply and measures it. */
  measureReply(options: { app: ChatApp; settled: number; delivery: Delivery; deltas: number }): Promise<ReplyRun>;
  /** Opens a fresh long-message page and times deltas in windows starting at `startLengths`. */
  measureLongMessage(options: {
    renderer: 'streamkit' | 'react-markdown';
    startLengths: number[];
    deltasPerWindow: number;
    size: number;
  }): Promise<LongMessageWindow[]>;
}

const viewport = { width: 1280, height: 800 };
// Long enough for a 10,000-message page to mount in a loaded Chromium.
const pageTimeoutMs = 120_000;

async function openPage(browser: Browser, server: BenchServer, query: string): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(pageTimeoutMs);
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`${server.url}/?${query}`);
  await page.waitForFunction(() => window.streamkitBench?.ready === true).catch((error: unknown) => {
    throw errors[0] ?? error;
  });
  // Let mount-time work (layout, lazy chunks, idle callbacks) finish before measuring.
  await page.waitForTimeout(300);
  return page;
}

let built: Promise<string> | undefined;

/** The page is built once per process (the three browser benchmarks share it) and removed on exit. */
function builtPage(): Promise<string> {
  built ??= buildBenchPage().then((directory) => {
    process.once('exit', () => rmSync(directory, { recursive: true, force: true }));
    return directory;
  });
  return built;
}

/**
 * Builds the benchmark page, serves it with the streaming endpoint on loopback, and drives it in
 * Debian's Chromium (CHROMIUM_PATH), one fresh page per run; closes everything afterwards.
 */
export async function withBrowserSession<T>(use: (session: BrowserSession) => Promise<T>): Promise<T> {
  const server = await startBenchServer(await builtPage());
  const browser = await launchChromium();
  try {
    return await use({
      async measureReply({ app, settled, delivery, deltas }) {
        const page = await openPage(browser, server, `app=${app}&settled=${settled}&delivery=${delivery}&deltas=${deltas}`);
        try {
          await browser.startTracing(page, { categories: traceCategories });
          const measurement = await page.evaluate(() => window.streamkitBench!.measureReply!());
          const tasks = mainThreadTasks((await browser.stopTracing()).toString());
          return { measurement, tasks };
        } finally {
          await page.close();
        }
      },
      async measureLongMessage({ renderer, startLengths, deltasPerWindow, size }) {
        const page = await openPage(browser, server, `app=markdown-${renderer}`);
        try {
          return await page.evaluate(
            ([lengths, perWindow, total]) => window.streamkitBench!.measureLongMessage!(lengths, perWindow, total),
            [startLengths, deltasPerWindow, size] as const,
          );
        } finally {
          await page.close();
        }
      },
    });
  } finally {
    await browser.close();
    await server.close();
  }
}
