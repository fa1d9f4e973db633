import { forwardRef } from 'react';
import type { ReasoningPart } from '@streamkit/core';
import { ReasoningText } from './reasoning-text.tsx';
import { ThinkingPanel, ThinkingPanelContent, ThinkingPanelTrigger, type ThinkingPanelProps } from './thinking-panel.tsx';

export interface ReasoningBlockProps extends Omit<ThinkingPanelProps, 'streaming' | 'redacted' | 'children' | 'part'> {
  part: ReasoningPart;
}

/** A `ReasoningPart` of a message shown in a `ThinkingPanel`: live while it streams, collapsed once done. */
export const ReasoningBlock = forwardRef<HTMLDivElement, ReasoningBlockProps>(function ReasoningBlock({ part, ...props }, ref) {
  return (
    <ThinkingPanel ref={ref} streaming={part.state === 'streaming'} redacted={part.redacted === true} {...props}>
      <ThinkingPanelTrigger />
      <ThinkingPanelContent>
        <ReasoningText text={part.text} streaming={part.state === 'streaming'} />
      </ThinkingPanelContent>
    </ThinkingPanel>
  );
});
