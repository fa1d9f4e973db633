import { useEffect, useRef, type ReactNode } from 'react';
import { BENCH_PROMPT } from '../reply.ts';

/**
 * The floor of the chat benchmarks: the same request and reply, read with a plain reader and shown by
 * appending each read's text to the text node of the paragraph being written (a new <p> at each blank
 * line, so that layout, like a markdown renderer's, touches only the last paragraph), with no parsing
 * library, no state and no React render per delta. What a chat page costs above this is what its
 * hook and components cost.
 */
export function FloorChat({ api, onReady }: { api: string; onReady(send: () => void): void }): ReactNode {
  const reply = useRef<HTMLDivElement>(null);

  useEffect(() => {
    async function send(): Promise<void> {
      let paragraph = reply.current!.appendChild(document.createElement('p')).appendChild(document.createTextNode(''));
      const append = (shown: string): void => {
        const [first, ...rest] = shown.split('\n\n');
        paragraph.appendData(first!);
        for (const next of rest) paragraph = reply.current!.appendChild(document.createElement('p')).appendChild(document.createTextNode(next));
      };
      const response = await fetch(api, { method: 'POST', body: JSON.stringify({ messages: [{ role: 'user', content: BENCH_PROMPT }] }) });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let shown = '';
        for (let at = buffer.indexOf('"delta":"'); at >= 0; at = buffer.indexOf('"delta":"', at + 1)) {
          const end = buffer.indexOf('"', at + 9);
          if (end < 0) break;
          shown += JSON.parse(buffer.slice(at + 8, end + 1)) as string;
        }
        buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
        append(shown);
      }
    }
    onReady(() => void send());
  }, [api, onReady]);

  return <div ref={reply} data-slot="message" data-role="assistant" className="h-screen space-y-3 overflow-y-auto p-4 text-sm" />;
}
