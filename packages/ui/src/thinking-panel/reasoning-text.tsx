import { Markdown } from '../markdown/markdown.tsx';

// Reasoning is model output like any other: rendered as Markdown (raw HTML as text, only safe
// links), quieter than the reply itself.
export function ReasoningText({ text, streaming = false }: { text: string; streaming?: boolean }) {
  return (
    <Markdown streaming={streaming} className="text-sk-muted-foreground">
      {text}
    </Markdown>
  );
}
