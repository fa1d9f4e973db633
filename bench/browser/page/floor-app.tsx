import { useEffect, useRef, type ReactNode } from 'react';
import { BENCH_PROMPT } from '../reply.ts';

/**
 * The floor of the chat benchmarks: the same request and reply, read with a plain reader and shown by
 * appending each delta's text to one text node, with no parsing library, no state and no React
 * render per delta. What a chat page costs above this is what its hook and components cost.
 */
export function FloorChat({ api, onReady }: { api: string; onReady(send: () => void): void }): ReactNode {
  const reply = useRef<HTMLDivElement>(null);

  useEffect(() => {
    async function send(): Promise<void> {
      const text = reply.current!.appendChild(document.createTextNode(''));
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
        text.appendData(shown);
      }
    }
    onReady(() => void send());
  }, [api, onReady]);

  return <div ref={reply} data-slot="message" data-role="assistant" className="h-screen overflow-y-auto whitespace-pre-wrap p-4 text-sm" />;
}
