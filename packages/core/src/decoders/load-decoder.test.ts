import { describe, expect, it, vi } from 'vitest';
import { loadDecoder } from './load-decoder.ts';
import { createUIMessageStreamDecoder } from './ui-message-stream.ts';
import type { WireFormat } from './types.ts';

// The first load of the openai-chat chunk fails (a network blip), later ones succeed.
const attempts = vi.hoisted(() => ({ openaiChat: 0 }));
vi.mock('./openai-chat.ts', async (importOriginal) => {
  attempts.openaiChat++;
  if (attempts.openaiChat === 1) throw new Error('Failed to fetch dynamically imported module');
  return importOriginal();
});

const event = (data: object) => ({ event: 'message', data: JSON.stringify(data), id: '' });

describe('loadDecoder', () => {
  it('resolves the native format at once to the ui-message-stream decoder', async () => {
    expect(await loadDecoder('ui-message-stream')).toBe(createUIMessageStreamDecoder);
  });

  it('loads a provider format once and hands every later stream the same factory', async () => {
    const first = loadDecoder('anthropic');
    expect(loadDecoder('anthropic')).toBe(first);
    const create = await first;
    const decoder = create();
    decoder.decode(event({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }));
    expect(decoder.decode(event({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hi' } }))).toEqual([
      expect.objectContaining({ type: 'text-delta', delta: 'Hi' }),
    ]);
    expect(await loadDecoder('anthropic')).toBe(create);
  });

  it('throws decode/unknown-format at once for an unknown format', () => {
    expect(() => loadDecoder('gemini' as WireFormat)).toThrow(expect.objectContaining({ code: 'decode/unknown-format' }));
    expect(() => loadDecoder('toString' as WireFormat)).toThrow(expect.objectContaining({ code: 'decode/unknown-format' }));
  });

  it('rejects with module/load-failed when the chunk fails to load, and tries again on the next call', async () => {
    await expect(loadDecoder('openai-chat')).rejects.toMatchObject({
      code: 'module/load-failed',
      message: expect.stringMatching(/^Could not load the "openai-chat" decoder: .+ reloading the page/),
    });
    const create = await loadDecoder('openai-chat');
    const chunk = { id: 'c', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: 'Hi' }, finish_reason: null }] };
    expect(create().decode(event(chunk))).toContainEqual(expect.objectContaining({ type: 'text-delta', delta: 'Hi' }));
  });
});
