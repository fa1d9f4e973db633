import type { StreamPart } from '@streamkit/core';
import { splitChunks } from '../split-chunks.ts';
import { tokenize } from '../tokenize.ts';
import type { Beat, ScenarioStep } from './types.ts';

/** A silence of `ms` before the part at index `beforePart`. */
export interface ReplyPause {
  beforePart: number;
  ms: number;
}

export interface ReplyPlan {
  parts: StreamPart[];
  pauses: ReplyPause[];
}

export interface ReplyIds {
  messageId: string;
  /** Prefix of the ids of text, reasoning and source parts, unique within the message. */
  partPrefix: string;
  /** Prefix of the tool call ids; calls are numbered from 0 after it. */
  toolCallPrefix: string;
}

/** `base`, then `base-2`, `base-3`…: the first id stays short, the later ones stay unique. */
function numbered(base: string, n: number): string {
  return n === 1 ? base : `${base}-${n}`;
}

function textParts(id: string, beat: Extract<Beat, { type: 'text' }>, nextSourceId: () => string): StreamPart[] {
  const parts: StreamPart[] = [{ type: 'text-start', id }];
  const sources = (beat.sources ?? []).map((source) => ({ type: 'source' as const, id: nextSourceId(), ...source }));
  const sent = new Set<number>();
  let written = '';
  for (const token of tokenize(beat.text)) {
    parts.push({ type: 'text-delta', id, delta: token });
    written += token;
    // Citations follow the marker that cites them, while the text is still open (Anthropic puts them on its text block).
    for (const [index, source] of sources.entries()) {
      if (!sent.has(index) && written.includes(`[${index + 1}]`)) {
        sent.add(index);
        parts.push(source);
      }
    }
  }
  parts.push(...sources.filter((_, index) => !sent.has(index)), { type: 'text-end', id });
  return parts;
}

function toolInputParts(toolCallId: string, toolName: string, input: unknown, providerExecuted: boolean): StreamPart[] {
  const executed = providerExecuted ? { providerExecuted: true } : {};
  return [
    { type: 'tool-input-start', toolCallId, toolName, ...executed },
    ...splitChunks(JSON.stringify(input), 3, 8).map((delta): StreamPart => ({ type: 'tool-input-delta', toolCallId, delta })),
    { type: 'tool-input-available', toolCallId, toolName, input, ...executed },
  ];
}

/**
 * The stream parts of one scenario reply: start, step-start, each beat, step-finish, finish. Text and
 * reasoning go out a token at a time and tool inputs a few characters at a time; a server tool's
 * output waits `serverToolPauseMs` (a pause the player turns into silence, so only keepalives flow).
 */
export function scenarioParts(step: ScenarioStep, ids: ReplyIds, serverToolPauseMs: number): ReplyPlan {
  const parts: StreamPart[] = [{ type: 'start', messageId: ids.messageId }, { type: 'step-start' }];
  const pauses: ReplyPause[] = [];
  const count = { text: 0, reasoning: 0, tool: 0, source: 0 };
  const nextSourceId = () => numbered(`${ids.partPrefix}-source`, ++count.source);
  for (const beat of step.beats) {
    if (beat.type === 'text') {
      parts.push(...textParts(numbered(`${ids.partPrefix}-text`, ++count.text), beat, nextSourceId));
    } else if (beat.type === 'reasoning') {
      const id = numbered(`${ids.partPrefix}-reasoning`, ++count.reasoning);
      const deltas = tokenize(beat.text).map((delta): StreamPart => ({ type: 'reasoning-delta', id, delta }));
      parts.push({ type: 'reasoning-start', id }, ...deltas, { type: 'reasoning-end', id });
    } else {
      const toolCallId = `${ids.toolCallPrefix}-${count.tool++}`;
      const providerExecuted = beat.type === 'server-tool';
      parts.push(...toolInputParts(toolCallId, beat.toolName, beat.input, providerExecuted));
      if (beat.type === 'server-tool') {
        pauses.push({ beforePart: parts.length, ms: serverToolPauseMs });
        parts.push({ type: 'tool-output-available', toolCallId, output: beat.output });
      }
    }
  }
  parts.push({ type: 'step-finish' }, { type: 'finish', reason: step.finishReason });
  return { parts, pauses };
}
