import { Markdown } from '@streamkit/ui';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { longMarkdownReply } from '../long-markdown.ts';

export interface LongMessageWindow {
  /** Length of the text before the first timed delta. */
  startLength: number;
  /** Milliseconds per delta: render, commit and layout. */
  times: number[];
}

const nextMessage = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One reply growing to 50 KB, rendered by Streamkit's Markdown or by react-markdown re-rendering the
 * whole text (what a page without block memoization does). For each window the text is set to the
 * prefix before it (untimed; highlighting and the like are let settle), then each of `deltas` deltas
 * is applied in its own task and timed from setState to layout done.
 */
export function LongMessageApp({ renderer }: { renderer: 'streamkit' | 'react-markdown' }): ReactNode {
  const [text, setText] = useState('');
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    async function measure(startLengths: number[], deltasPerWindow: number, size: number): Promise<LongMessageWindow[]> {
      const reply = longMarkdownReply(size);
      const windows: LongMessageWindow[] = [];
      for (const startLength of startLengths) {
        let at = 0;
        let length = 0;
        while (length < startLength && at < reply.deltas.length) length += reply.deltas[at++]!.length;
        let shown = reply.text.slice(0, length);
        flushSync(() => setText(shown));
        await nextFrame();
        await sleep(300);
        const times: number[] = [];
        for (let index = at; index < Math.min(reply.deltas.length, at + deltasPerWindow); index++) {
          await nextMessage();
          shown += reply.deltas[index]!;
          const next = shown;
          const start = performance.now();
          flushSync(() => setText(next));
          void container.current?.offsetHeight;
          times.push(performance.now() - start);
        }
        windows.push({ startLength: length, times });
      }
      return windows;
    }
    window.streamkitBench = { ready: true, measureLongMessage: measure };
  }, []);

  return (
    <div ref={container} className="mx-auto max-w-3xl p-4 text-sm">
      {renderer === 'streamkit' ? (
        <Markdown streaming>{text}</Markdown>
      ) : (
        <ReactMarkdown remarkPlugins={[remarkGfm]}>{text}</ReactMarkdown>
      )}
    </div>
  );
}
