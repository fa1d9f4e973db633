import type { HighlighterCore, LanguageInput } from 'shiki/core';

/** One highlighted run of code; colors are `undefined` where the theme's plain foreground applies. */
export interface CodeToken {
  content: string;
  light: string | undefined;
  dark: string | undefined;
  italic: boolean;
}

/** Highlighted code: lines of tokens. */
export type CodeTokens = readonly (readonly CodeToken[])[];

// A handful of languages models write most, each its own chunk fetched the first time a block needs
// it. The rest show as plain monospace text, which is also what every block shows first.
const languageLoaders: Record<string, () => LanguageInput> = {
  javascript: () => import('shiki/langs/javascript.mjs'),
  typescript: () => import('shiki/langs/typescript.mjs'),
  jsx: () => import('shiki/langs/jsx.mjs'),
  tsx: () => import('shiki/langs/tsx.mjs'),
  json: () => import('shiki/langs/json.mjs'),
  bash: () => import('shiki/langs/bash.mjs'),
  python: () => import('shiki/langs/python.mjs'),
  html: () => import('shiki/langs/html.mjs'),
  css: () => import('shiki/langs/css.mjs'),
  sql: () => import('shiki/langs/sql.mjs'),
  yaml: () => import('shiki/langs/yaml.mjs'),
  diff: () => import('shiki/langs/diff.mjs'),
  go: () => import('shiki/langs/go.mjs'),
  rust: () => import('shiki/langs/rust.mjs'),
};

const aliases: Record<string, string> = {
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  sh: 'bash',
  shell: 'bash',
  zsh: 'bash',
  console: 'bash',
  py: 'python',
  yml: 'yaml',
  rs: 'rust',
  golang: 'go',
  patch: 'diff',
};

const themes = { light: 'github-light', dark: 'github-dark' } as const;

/** The language Shiki knows `language` as, when it is one of the bundled few; else `undefined`. */
export function resolveLanguage(language: string | undefined): string | undefined {
  if (!language) return undefined;
  // hasOwn, because the name comes from the model: `constructor` must not find Object's.
  const name = language.toLowerCase();
  const resolved = Object.hasOwn(aliases, name) ? (aliases[name] ?? name) : name;
  return Object.hasOwn(languageLoaders, resolved) ? resolved : undefined;
}

let highlighter: Promise<HighlighterCore> | undefined;

// Shiki's core, the JavaScript regex engine (no WebAssembly download) and two themes load on the
// first code block that gets highlighted, never with the page.
function loadHighlighter(): Promise<HighlighterCore> {
  if (highlighter) return highlighter;
  highlighter = (async () => {
    const [{ createHighlighterCore }, { createJavaScriptRegexEngine }] = await Promise.all([
      import('shiki/core'),
      import('shiki/engine/javascript'),
    ]);
    return createHighlighterCore({
      themes: [import('shiki/themes/github-light.mjs'), import('shiki/themes/github-dark.mjs')],
      langs: [],
      engine: createJavaScriptRegexEngine(),
    });
  })();
  // A failed chunk load should be retried by the next block, not remembered.
  highlighter.catch(() => {
    highlighter = undefined;
  });
  return highlighter;
}

// Settled code never changes, so its tokens are kept: a block that re-mounts (a virtualized list
// scrolling it back in, a one-shot render of the same answer) shows them at once, without a
// plain-text frame. Bounded so a long session does not grow it without end.
const cacheLimit = 200;
const cache = new Map<string, CodeTokens>();

function cacheKey(code: string, language: string): string {
  return `${language}\u0000${code}`;
}

/** Tokens already computed for this code, if any. */
export function cachedTokens(code: string, language: string): CodeTokens | undefined {
  return cache.get(cacheKey(code, language));
}

function remember(key: string, tokens: CodeTokens): void {
  if (cache.size >= cacheLimit) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, tokens);
}

/**
 * Highlights `code` as `language` (a name from `resolveLanguage`) into tokens for both themes. The
 * caller renders them as React elements; no HTML string is produced. Cost: one tokenization of the
 * whole code, so callers run it once per settled block, not per streamed delta.
 */
export async function highlightCode(code: string, language: string): Promise<CodeTokens> {
  const key = cacheKey(code, language);
  const hit = cache.get(key);
  if (hit) return hit;
  const load = Object.hasOwn(languageLoaders, language) ? languageLoaders[language] : undefined;
  if (!load) throw new Error(`No grammar bundled for ${language}`);
  const shiki = await loadHighlighter();
  if (!shiki.getLoadedLanguages().includes(language)) await shiki.loadLanguage(load());
  const lightForeground = shiki.getTheme(themes.light).fg.toLowerCase();
  const darkForeground = shiki.getTheme(themes.dark).fg.toLowerCase();
  // Shiki stops tokenizing a line after 500 ms by default; the first use of a grammar on a busy
  // machine can take that long, and a cut line would stay uncolored for good (results are cached).
  const lines = shiki.codeToTokensWithThemes(code, { lang: language, themes, tokenizeTimeLimit: 10_000 });
  const tokens: CodeTokens = lines.map((line) =>
    line.map((token) => {
      const light = token.variants['light'];
      const dark = token.variants['dark'];
      return {
        content: token.content,
        // The theme's plain foreground is left to the kit's own text color.
        light: light?.color && light.color.toLowerCase() !== lightForeground ? light.color : undefined,
        dark: dark?.color && dark.color.toLowerCase() !== darkForeground ? dark.color : undefined,
        // Italic only: bold could change glyph widths, and the plain first frame must line up.
        italic: ((light?.fontStyle ?? 0) & 1) === 1,
      };
    }),
  );
  remember(key, tokens);
  return tokens;
}
