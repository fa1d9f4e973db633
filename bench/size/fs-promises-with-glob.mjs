// node:fs/promises plus the small part of Node 22's `glob` that size-limit uses: literal file paths and
// `dir/**` (size-limit adds a `/**` twin to every pattern). Other wildcards fail loudly, not silently.
import { lstat, readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export * from 'node:fs/promises';

export async function* glob(patterns, { cwd = process.cwd() } = {}) {
  for (const pattern of Array.isArray(patterns) ? patterns : [patterns]) {
    const recursive = pattern.endsWith('/**');
    const literal = recursive ? pattern.slice(0, -3) : pattern;
    if (/[*?[\]{}]/.test(literal)) {
      throw new Error(`bench/size/fs-promises-with-glob.mjs: "${pattern}" needs a real glob (Node 22); list files by name.`);
    }
    const path = join(cwd, literal);
    const stats = await lstat(path).catch(() => undefined);
    if (stats === undefined) continue;
    if (recursive) {
      if (stats.isDirectory()) yield* await readdir(path, { recursive: true, withFileTypes: true });
    } else {
      const entries = await readdir(dirname(path), { withFileTypes: true });
      yield* entries.filter((entry) => entry.name === basename(path));
    }
  }
}
