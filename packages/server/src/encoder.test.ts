import { StreamkitError } from '@streamkit/core';
import { describe, expect, it } from 'vitest';
import { createEncoder, type EncoderFormat } from './encoder.ts';

describe('createEncoder', () => {
  it('returns the ui-message-stream encoder with its protocol header', () => {
    expect(createEncoder('ui-message-stream').headers).toEqual({ 'x-vercel-ai-ui-message-stream': 'v1' });
  });

  it('throws options/invalid naming the valid formats for an unknown format', () => {
    const create = () => createEncoder('nope' as EncoderFormat);
    expect(create).toThrow(StreamkitError);
    expect(create).toThrow(/Unknown stream format "nope"\. Use one of: 'ui-message-stream', 'openai-chat', 'openai-responses', 'anthropic'\./);
    try {
      create();
    } catch (error) {
      expect((error as StreamkitError).code).toBe('options/invalid');
    }
  });

  it('does not mistake an Object.prototype key for a format', () => {
    expect(() => createEncoder('toString' as EncoderFormat)).toThrow(StreamkitError);
  });
});
