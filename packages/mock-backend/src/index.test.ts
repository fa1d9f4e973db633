import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const serverSrc = resolve(here, '../../server/src');

/** Every source file the entry reaches through relative imports and `@streamkit/server`. */
function reachableFiles(entry: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    const source = readFileSync(file, 'utf8');
    files.set(file, source);
    for (const [, specifier] of source.matchAll(/^(?:import|export)[^'"]*from\s+'([^']+)'/gm)) {
      if (specifier!.startsWith('.')) visit(resolve(dirname(file), specifier!));
      else if (specifier === '@streamkit/server') visit(resolve(serverSrc, 'index.ts'));
    }
  };
  visit(entry);
  return files;
}

describe('@streamkit/mock-backend entry', () => {
  it('imports nothing from Node, so Storybook can run the handler in the browser', () => {
    const files = reachableFiles(resolve(here, 'index.ts'));
    expect(files.size).toBeGreaterThan(5);
    for (const [file, source] of files) {
      expect(source, file).not.toMatch(/from\s+'node:|types="node"/);
    }
  });
});
