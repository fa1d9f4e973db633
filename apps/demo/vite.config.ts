import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defaultServerConditions, defineConfig, type Plugin } from 'vite';

type MockBackendModules = [typeof import('@streamkit/mock-backend'), typeof import('@streamkit/mock-backend/node')];

/**
 * Serves the scripted model at /api/* from the dev server itself, so one command starts everything.
 * The mock is loaded through Vite's own SSR loader rather than imported here, so it resolves the
 * way the app does (TypeScript source inside this repository) and reloads when it changes.
 */
function mockBackend(): Plugin {
  return {
    name: 'streamkit-mock-backend',
    configureServer(server) {
      const middleware = (
        Promise.all([
          server.ssrLoadModule('@streamkit/mock-backend'),
          server.ssrLoadModule('@streamkit/mock-backend/node'),
        ]) as Promise<MockBackendModules>
      ).then(([{ createMockHandler }, { createNodeMiddleware }]) => createNodeMiddleware(createMockHandler()));
      server.middlewares.use((request, response, next) => {
        middleware.then((handle) => handle(request, response, next)).catch(next);
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), mockBackend()],
  // Inside the Streamkit repo, workspace packages resolve to their TypeScript source.
  // A fork that installs the published packages can drop these two lines.
  resolve: { conditions: ['@streamkit/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@streamkit/source', ...defaultServerConditions], externalConditions: ['@streamkit/source'] } },
});
