// The bundle-size checks, shared by `.size-limit.mjs` (the budgets `npm run size` enforces) and
// bench/bundle-size.bench.ts (the table). Plain JS, because size-limit loads its config with Node.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

const uiBarrel = 'packages/ui/src/index.ts';

/**
 * Rolldown options for every measured bundle: minified, for the browser, react and react-dom left
 * to the page, workspace packages read from source (the `@streamkit/source` export condition).
 */
export const rolldownOptions = {
  platform: 'browser',
  resolve: { conditionNames: ['@streamkit/source', 'import', 'module', 'browser', 'default'] },
  transform: { define: { 'process.env.NODE_ENV': '"production"' } },
  treeshake: true,
};
export const externalPackages = ['react', 'react-dom'];

/**
 * Gzip budgets in bytes (size-limit's kB are 1000 B): what each import cost when the budgets were set
 * (bench/results/latest.md), plus about 10%, so that `npm test` catches growth. The issue's target for
 * the chat hook path is 8 kB (CHAT_HOOK_TARGET, shown in the bench table). The hooks' budgets count
 * what loads up front: the provider decoders, the sync-reply reader and (for chat) the partial-JSON
 * parser are chunks loaded on demand. Lower a budget when its bundle shrinks; a component without one
 * is measured but not enforced.
 */
export const CHAT_HOOK_TARGET = 8_000;
export const budgets = {
  useStreamingChat: 11_600,
  useStreamingObject: 12_300,
  // Components imported alone from @streamkit/ui. Each carries clsx and tailwind-merge (~8 kB of the
  // ~9 kB floor); Message, MessageText, MessageList and ReasoningBlock render Markdown (react-markdown);
  // MessageList also carries @tanstack/virtual-core for long threads.
  TypingIndicator: 10_000,
  Message: 81_000,
  MessageText: 76_500,
  MessageList: 94_000,
  Composer: 11_000,
  ThinkingPanel: 11_500,
  ThinkingPanelTrigger: 11_500,
  ThinkingPanelContent: 11_500,
  ReasoningBlock: 78_000,
  ToolCallCard: 12_000,
  Sources: 10_500,
  Citation: 10_500,
  ConnectionStatus: 11_500,
  StreamMetrics: 11_000,
  StreamingForm: 14_000,
  Markdown: 76_000,
  CodeBlock: 12_000,
};

/**
 * The components the ui barrel exports (PascalCase value exports) and the file each comes from, so
 * that a component added to the barrel is measured without editing this list.
 */
export function uiComponents() {
  const source = readFileSync(path.join(repoRoot, uiBarrel), 'utf8');
  const components = [];
  for (const match of source.matchAll(/^export\s*\{([^}]*)\}\s*from\s*'([^']+)'/gm)) {
    for (const name of match[1].split(',').map((item) => item.trim())) {
      if (/^[A-Z]/.test(name)) components.push({ name, file: path.posix.join('packages/ui/src', match[2]) });
    }
  }
  return components;
}

/**
 * Every measured bundle: `from` is a repo-relative file (our packages, by their source) or a
 * package name, `names` what the page imports from it. Only checks with a `limit` are enforced.
 * (The reference bundle, @ai-sdk/react's useChat, is measured by the bench only.)
 */
export function sizeChecks() {
  return [
    { name: 'useStreamingChat (@streamkit/react + core)', from: 'packages/react/src/index.ts', names: ['useStreamingChat'], limit: budgets.useStreamingChat },
    { name: 'useStreamingObject (@streamkit/react + core)', from: 'packages/react/src/index.ts', names: ['useStreamingObject'], limit: budgets.useStreamingObject },
    ...uiComponents().map(({ name }) => ({
      name: `${name} (@streamkit/ui)`,
      from: uiBarrel,
      names: [name],
      limit: budgets[name],
    })),
  ];
}
