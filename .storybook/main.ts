import type { StorybookConfig } from '@storybook/react-vite';
import tailwindcss from '@tailwindcss/vite';
import { defaultClientConditions } from 'vite';

// Storybook requires its config as the default export (like the CSF meta in stories files).
const config: StorybookConfig = {
  stories: ['../packages/*/src/**/*.stories.@(ts|tsx)', '../apps/*/src/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true },
  viteFinal(viteConfig) {
    return {
      ...viteConfig,
      plugins: [...(viteConfig.plugins ?? []), tailwindcss()],
      // Workspace packages resolve to their TypeScript source, so stories need no build step.
      resolve: { ...viteConfig.resolve, conditions: ['@streamkit/source', ...defaultClientConditions] },
    };
  },
};

export default config;
