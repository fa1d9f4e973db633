import type { ToolCallState } from '@streamkit/core';
import { AlertIcon, CheckIcon, Icon } from '../lib/icons.tsx';

export function WrenchIcon() {
  return (
    <Icon className="size-4 text-sk-muted-foreground">
      <path d="M14.7 6.3a1 1 0 0 0 0 1.4l1.6 1.6a1 1 0 0 0 1.4 0l3.77-3.77a6 6 0 0 1-7.94 7.94l-6.91 6.91a2.12 2.12 0 0 1-3-3l6.91-6.91a6 6 0 0 1 7.94-7.94l-3.76 3.76z" />
    </Icon>
  );
}

export function StatusIcon({ state }: { state: ToolCallState }) {
  switch (state) {
    case 'input-streaming':
    case 'executing':
      return (
        <Icon className="animate-spin motion-reduce:animate-none">
          <path d="M21 12a9 9 0 1 1-6.22-8.56" />
        </Icon>
      );
    case 'input-available':
      return (
        <Icon>
          <circle cx="12" cy="12" r="10" />
          <path d="M12 6v6l4 2" />
        </Icon>
      );
    case 'awaiting-approval':
      return (
        <Icon>
          <path d="M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z" />
        </Icon>
      );
    case 'output-available':
      return <CheckIcon />;
    case 'output-error':
      return <AlertIcon className="" />;
    case 'denied':
      return (
        <Icon>
          <circle cx="12" cy="12" r="10" />
          <path d="m4.9 4.9 14.2 14.2" />
        </Icon>
      );
  }
}
