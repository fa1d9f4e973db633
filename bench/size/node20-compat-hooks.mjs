// Module hook for node20-compat.mjs: size-limit's own modules get a node:fs/promises that has `glob`.
const shim = new URL('./fs-promises-with-glob.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'node:fs/promises' && context.parentURL?.includes('/node_modules/size-limit/')) {
    return { url: shim, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
