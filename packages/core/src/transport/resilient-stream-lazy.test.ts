import { describe, expect, it, vi } from 'vitest';
import { streamWithReconnect } from './resilient-stream.ts';

// The sync-reply reader is a chunk of its own; here its load fails, as after a deployment that
// removed the old chunks.
vi.mock('./sync-reply.ts', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

describe('streamWithReconnect loading the sync-reply reader on demand', () => {
  it('fails a JSON reply with module/load-failed when the reader cannot load, without sending the request again', async () => {
    const open = vi.fn(async () => Response.json({ text: 'all at once' }));
    const stream = streamWithReconnect({ format: 'ui-message-stream', signal: new AbortController().signal, url: '/api/chat', initialDelayMs: 1, open });
    await expect(stream.next()).rejects.toMatchObject({ code: 'module/load-failed', message: expect.stringContaining('the sync-reply reader') });
    expect(open).toHaveBeenCalledOnce();
  });

  it('needs no reader when the caller brings its own (the object store does)', async () => {
    const stream = streamWithReconnect({
      format: 'ui-message-stream',
      signal: new AbortController().signal,
      url: '/api/object',
      open: async () => Response.json({ name: 'Ada' }),
      syncReply: (body) => [{ type: 'data', name: 'object', data: body }, { type: 'finish', reason: 'stop' }],
    });
    const parts = [];
    for await (const part of stream) parts.push(part);
    expect(parts).toEqual([{ type: 'data', name: 'object', data: { name: 'Ada' } }, { type: 'finish', reason: 'stop' }]);
  });
});
