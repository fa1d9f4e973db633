import { mockReplyText } from '../reply-text.ts';
import type { Scenario } from './types.ts';

/** `text`, the default: the scripted multi-sentence answer to the prompt. */
export const textScenario: Scenario = ({ prompt }) => ({
  beats: [{ type: 'text', text: mockReplyText(prompt) }],
  finishReason: 'stop',
});
