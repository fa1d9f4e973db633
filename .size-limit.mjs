// Gzip budgets for what a page imports, checked by `npm run size` (size-limit with its rolldown
// preset). The checks and budgets live in bench/size/size-checks.mjs, shared with `npm run bench`.
import { externalPackages, rolldownOptions, sizeChecks } from './bench/size/size-checks.mjs';

export default sizeChecks().map((check) => ({
  name: check.name,
  // Only so that size-limit has files before it bundles (with `entry` and no `path` it crashes).
  path: check.from,
  import: { [check.from]: `{ ${check.names.join(', ')} }` },
  // size-limit bundles a generated index.js; lazily loaded chunks (highlighting languages) are not counted.
  entry: 'index',
  ignore: externalPackages,
  gzip: true,
  ...(check.limit === undefined ? {} : { limit: `${check.limit} B` }),
  modifyRolldownConfig: (config) => ({ ...config, ...rolldownOptions }),
}));
