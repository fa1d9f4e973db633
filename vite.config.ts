import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Workspace packages resolve to their TypeScript source (the `@streamkit/source` export condition),
// so tests, Storybook and the demo need no build step.
const sourceConditions = {
  resolve: { conditions: ['@streamkit/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@streamkit/source', ...defaultServerConditions], externalConditions: ['@streamkit/source'] } },
};

export default defineConfig({
  ...sourceConditions,
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          // Property tests and real servers on a busy 2-core CI machine need more than the 5 s default.
          testTimeout: 30_000,
          include: ['packages/{core,server,mock-backend}/src/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          // user-event typing and lazy highlighting in jsdom are slow on a busy 2-core CI machine.
          testTimeout: 30_000,
          include: ['packages/{react,ui}/src/**/*.test.{ts,tsx}', 'apps/demo/src/**/*.test.{ts,tsx}'],
          setupFiles: ['./test/setup-dom.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        // A tiny run of each benchmark, so `npm run bench` does not rot.
        test: { name: 'bench', environment: 'node', include: ['bench/**/*.test.ts'], testTimeout: 30_000 },
      },
      // Every story (render + play function) as a test in headless Chromium.
      './vitest.storybook.config.ts',
    ],
  },
});
