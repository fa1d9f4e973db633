import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import path from 'node:path';
import { fixturesDir } from '../../../../test/fixtures.ts';
import { applyStreamPart, createAssistantMessage } from '../message/apply-stream-part.ts';
import type { ToolCallPart, UIMessage } from '../message/types.ts';
import { createSSEParser } from '../sse/sse-parser.ts';
import type { SSEEvent } from '../sse/types.ts';
import type { StreamPart, Usage } from '../stream-part.ts';
import type { StreamDecoder } from './types.ts';

/** Test-only access to the shared provider corpus (see fixtures/README.md) for the OpenAI-shaped decoders. */

export interface CorpusStream {
  name: string;
  provider: string;
  format: string;
  covers: string[];
  sse: string;
  expected: string;
  flags?: string[];
}

export interface ExpectedToolCall {
  type?: string;
  id: string | null;
  name: string | null;
  arguments?: unknown;
  argumentsText?: string;
  argumentsError?: string;
  input?: string;
}

/** The reference reduction (`*.expected.json`); only the fields these tests read. */
export interface ExpectedReduction {
  id?: string | null;
  text: string;
  reasoning: string;
  refusal?: string;
  toolCalls: ExpectedToolCall[];
  finishReason: string | null;
  usage: Record<string, unknown> | null;
  error: Record<string, unknown> | null;
  citations?: unknown[];
  items?: { type: string; id: string }[];
  incompleteDetails?: { reason?: string } | null;
  responses?: { id: string; finishReason: string | null; usage: Record<string, unknown> | null }[];
  stream: { invalidJson: string[] };
}

function corpusStreams(format: string): CorpusStream[] {
  const manifest = JSON.parse(readFileSync(path.join(fixturesDir, 'providers/manifest.json'), 'utf8')) as { streams: CorpusStream[] };
  return manifest.streams.filter((stream) => stream.format === format);
}

function readExpected(stream: CorpusStream): ExpectedReduction {
  return JSON.parse(readFileSync(path.join(fixturesDir, stream.expected), 'utf8')) as ExpectedReduction;
}

/** Bytes → SSE parser → decoder (then `end()`), as a client would run them. */
export function decodeBytes(bytes: Uint8Array | string, decoder: StreamDecoder): StreamPart[] {
  const parts: StreamPart[] = [];
  const parser = createSSEParser({ onEvent: (event: SSEEvent) => parts.push(...decoder.decode(event)) });
  parser.feed(bytes);
  parser.end();
  parts.push(...decoder.end());
  return parts;
}

function decodeStream(stream: CorpusStream, decoder: StreamDecoder): StreamPart[] {
  return decodeBytes(readFileSync(path.join(fixturesDir, stream.sse)), decoder);
}

export function fold(parts: StreamPart[]): UIMessage {
  return parts.reduce(applyStreamPart, createAssistantMessage('m'));
}

/** What a reader sees of a message: its text, its reasoning, and its tool calls. */
export function summarize(message: UIMessage): { text: string; reasoning: string; toolCalls: ToolCallPart[] } {
  let text = '';
  let reasoning = '';
  const toolCalls: ToolCallPart[] = [];
  for (const part of message.parts) {
    if (part.type === 'text') text += part.text;
    if (part.type === 'reasoning') reasoning += part.text;
    if (part.type === 'tool-call') toolCalls.push(part);
  }
  return { text, reasoning, toolCalls };
}

/** What every corpus test starts from: the recorded stream decoded and folded, and its reference reduction. */
export function reduceCorpusStream(stream: CorpusStream, decoder: StreamDecoder) {
  const parts = decodeStream(stream, decoder);
  const message = fold(parts);
  return { expected: readExpected(stream), parts, message, ...summarize(message) };
}

const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const obj = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {});

/** Drops absent counts so the expectation has the same keys as the decoder's usage. */
function defined(usage: Usage): Usage {
  return Object.fromEntries(Object.entries(usage).filter(([, value]) => value !== undefined)) as Usage;
}

/** The mapping of Chat Completions usage fields, written out independently of the decoder. */
export function chatUsage(raw: Record<string, unknown> | null): Usage | undefined {
  if (!raw) return undefined;
  return defined({
    inputTokens: num(raw.prompt_tokens),
    outputTokens: num(raw.completion_tokens),
    reasoningTokens: num(obj(raw.completion_tokens_details).reasoning_tokens) ?? num(raw.reasoning_tokens),
    cachedInputTokens: num(obj(raw.prompt_tokens_details).cached_tokens),
    totalTokens: num(raw.total_tokens),
  });
}

/** The mapping of Responses usage fields. */
export function responsesUsage(raw: Record<string, unknown> | null): Usage | undefined {
  if (!raw) return undefined;
  return defined({
    inputTokens: num(raw.input_tokens),
    outputTokens: num(raw.output_tokens),
    reasoningTokens: num(obj(raw.output_tokens_details).reasoning_tokens),
    cachedInputTokens: num(obj(raw.input_tokens_details).cached_tokens),
    totalTokens: num(raw.total_tokens),
  });
}

/** Checks the manifest still lists `count` streams of `format`, then runs `check` on each as its own test. */
export function itOnEveryCorpusStream(format: string, count: number, check: (stream: CorpusStream) => void): void {
  const streams = corpusStreams(format);
  it(`covers every ${format} stream in the manifest`, () => {
    expect(streams.length).toBe(count);
  });
  it.each(streams.map((stream) => [`${stream.provider}/${stream.name}`, stream] as const))('%s matches its reference reduction', (_name, stream) => check(stream));
}
