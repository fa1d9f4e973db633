// size-limit 14 needs Node 22.19: it imports `glob` from node:fs/promises and calls Array.fromAsync.
// On Node 20 (this repo's minimum) it fails at load time, so `npm run size` preloads this file
// (`node --import ./bench/size/node20-compat.mjs node_modules/size-limit/bin.js`). On Node 22.19+ it
// does nothing. Delete it once the repo requires Node 22.
import { register } from 'node:module';
import * as fsPromises from 'node:fs/promises';

if (typeof fsPromises.glob !== 'function') {
  Array.fromAsync ??= async function fromAsync(items) {
    const result = [];
    for await (const item of items) result.push(item);
    return result;
  };
  register('./node20-compat-hooks.mjs', import.meta.url);
}
