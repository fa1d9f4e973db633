import type { StreamPart } from '@streamkit/core';
import { fnv1aHex } from '../fnv1a.ts';
import type { ReplyPlan } from '../scenarios/scenario-parts.ts';
import { splitChunks } from '../split-chunks.ts';
import { mockObjectDocument } from './mock-object.ts';
import type { MockObjectInput } from './object-input.ts';

/** The object document as one text part, a few characters per delta, named after the request so a replay is identical. */
export function objectParts(input: MockObjectInput, id = ''): ReplyPlan {
  const messageId = `obj-${fnv1aHex(`${id}\u0000${JSON.stringify(input)}`)}`;
  const textId = `${messageId}-text`;
  const deltas = splitChunks(mockObjectDocument(input)).map((delta): StreamPart => ({ type: 'text-delta', id: textId, delta }));
  return {
    parts: [{ type: 'start', messageId }, { type: 'text-start', id: textId }, ...deltas, { type: 'text-end', id: textId }, { type: 'finish', reason: 'stop' }],
    pauses: [],
  };
}
