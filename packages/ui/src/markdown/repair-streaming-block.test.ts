import { describe, expect, it } from 'vitest';
import { repairStreamingBlock } from './repair-streaming-block.ts';
import type { Block } from './split-blocks.ts';

function block(source: string, type = 'paragraph'): Block {
  return { source, type, mayReference: source.includes('[') };
}

describe('repairStreamingBlock', () => {
  it('closes unfinished emphasis, strong, inline code and strikethrough', () => {
    expect(repairStreamingBlock(block('a **bold'))).toBe('a **bold**');
    expect(repairStreamingBlock(block('a _em'))).toBe('a _em_');
    expect(repairStreamingBlock(block('a `code'))).toBe('a `code`');
    expect(repairStreamingBlock(block('a ~~gone'))).toBe('a ~~gone~~');
  });

  it('closes the marker before a trailing newline, where it still closes something', () => {
    expect(repairStreamingBlock(block('a **bold\n'))).toBe('a **bold**');
  });

  it('turns a link with a partial URL, or a trailing [text], into a pending link', () => {
    expect(repairStreamingBlock(block('see [docs](https://exa'))).toBe('see [docs](streamdown:incomplete-link)');
    expect(repairStreamingBlock(block('see [docs]'))).toBe('see [docs](streamdown:incomplete-link)');
  });

  it('holds back a marker run that has only begun and a task box without its text', () => {
    expect(repairStreamingBlock(block('words **')).trimEnd()).toBe('words');
    expect(repairStreamingBlock(block('words `')).trimEnd()).toBe('words');
    expect(repairStreamingBlock(block('- [x]', 'list')).trimEnd()).toBe('-');
  });

  it('completes a table header with a delimiter row the parser accepts', () => {
    expect(repairStreamingBlock(block('| a | b'))).toBe('| a | b\n| --- | --- |');
    expect(repairStreamingBlock(block('| a | b |\n| --'))).toBe('| a | b |\n| --- | --- |');
  });

  it('leaves the text of a code block alone, except the start of its closing fence', () => {
    expect(repairStreamingBlock(block('```js\nconst a = **b', 'code'))).toBe('```js\nconst a = **b');
    expect(repairStreamingBlock(block('```js\nconst a = 1;\n``', 'code'))).toBe('```js\nconst a = 1;\n');
    expect(repairStreamingBlock(block('````md\n```', 'code'))).toBe('````md\n');
  });

  it('leaves raw HTML alone: it renders as literal text', () => {
    expect(repairStreamingBlock(block('<div>**x', 'html'))).toBe('<div>**x');
  });

  it('adds nothing that the finished text would not render: no math, no escaped quotes in lists', () => {
    expect(repairStreamingBlock(block('costs $$5'))).toBe('costs $$5');
    expect(repairStreamingBlock(block('- > 25', 'list'))).toBe('- > 25');
  });
});
