import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * The shared fixture corpus lives beside the repository (../shared/fixtures), as CI lays it out.
 * STREAMKIT_FIXTURES overrides the location.
 */
export const fixturesDir =
  process.env.STREAMKIT_FIXTURES ?? path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../shared/fixtures');
