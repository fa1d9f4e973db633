import type { Decorator, Preview } from '@storybook/react-vite';
import './preview.css';

type Theme = 'light' | 'dark';

// The kit's dark theme is the `dark` class on an ancestor (see packages/ui/src/styles.css).
const withTheme: Decorator = (Story, context) => {
  const theme: Theme = context.globals['theme'] === 'dark' ? 'dark' : 'light';
  return (
    <div className={theme === 'dark' ? 'dark' : undefined}>
      <div
        className={
          context.viewMode === 'docs'
            ? 'bg-sk-surface p-6 font-sans text-sk-foreground'
            : 'min-h-screen bg-sk-surface p-6 font-sans text-sk-foreground'
        }
      >
        <Story />
      </div>
    </div>
  );
};

const preview: Preview = {
  globalTypes: {
    theme: {
      description: 'Color theme of the components',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  decorators: [withTheme],
  parameters: {
    layout: 'fullscreen',
    controls: { matchers: { color: /(background|color)$/i } },
  },
};

export default preview;
