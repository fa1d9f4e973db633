import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { lexBlocks } from './lex-blocks.ts';
import { constructsSample, longAnswer } from './markdown-samples.ts';
import { splitBlocks, type BlockCache } from './split-blocks.ts';

const lexed = vi.hoisted(() => ({ lengths: [] as number[] }));
vi.mock('./lex-blocks.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('./lex-blocks.ts')>();
  return {
    lexBlocks: (text: string) => {
      lexed.lengths.push(text.length);
      return original.lexBlocks(text);
    },
  };
});

function sources(text: string, cache?: BlockCache): string[] {
  return splitBlocks(text, cache).blocks.map((block) => block.source);
}

// Feeds `text` in the given pieces and returns the blocks after each one.
function streamSplit(pieces: string[]): { text: string; blocks: string[] }[] {
  let cache: BlockCache | undefined;
  let text = '';
  return pieces.map((piece) => {
    text += piece;
    const split = splitBlocks(text, cache);
    cache = split.cache;
    return { text, blocks: split.blocks.map((block) => block.source) };
  });
}

// Hundreds of parses; this machine class runs them slowly.
const slow = { timeout: 180_000 };

// Lines that combine into the constructs whose boundaries move as text arrives. Indented code is
// left out: after it, micromark reads an empty list item (`1.`) as a paragraph line, which a tail
// lexed on its own cannot know; `Markdown` re-splits a finished text from scratch for that reason.
const lines = ['', 'para text', '- item', '* item', '+ item', '1. one', '2. two', '10) ten', '  continued', '```', '```js', '~~~', '> quote', '>', '# head', '---', '===', '***', '| a | b |', '| - | - |', '| 1 | 2 |', '[a]: /url', '"title"', "'ti", "tle'", '[a]', '[^1]: note', '[^1]', '<div>', '</div>', '<!-- c', '-->', '<script>', '</script>', '- [ ] task', '  - nested', '* * *', '-', '1.', '2'];

// Texts whose block boundaries move when more text arrives.
const tricky = [
  constructsSample,
  '[a]: https://a.example\n"a title"\n\nUses [a].',
  '1. one\n\n2. two\n\n10. ten\n\nAfter.',
  '- a\n\n-\n\n- b\n\nPara',
  'Para\n| a | b |\n| - | - |\n| 1 | 2 |\nmore',
  'Heading\n---\ntext\n===',
  '```js\nconst a = 1;\n\n\nconst b = 2;\n```\nafter',
  '    indented\n\n    still code\n\nnot code',
  '> quote\ncontinued lazily\n\n> another',
  '<div>\n<b>raw</b>\n\n</div>\n\ntext',
  'Footnote[^1].\n\n[^1]: The note\n    continued.\n\nEnd.',
  '- item\n\n      code in item\n\n  para in item\n\nout',
];

describe('splitBlocks', () => {
  it('keeps a fenced code block with blank lines, a loose list and a table each as one block', () => {
    const text = '```js\na\n\n\nb\n```\n\n- one\n\n- two\n\n| a |\n| - |\n| 1 |';
    expect(splitBlocks(text).blocks.map((block) => block.type)).toEqual(['code', 'list', 'table']);
  });

  it('includes the blank lines after a block in it and starts blocks at the start of their line', () => {
    expect(sources('  - a\n  - b\n\n\npara')).toEqual(['  - a\n  - b\n\n\n', 'para']);
  });

  it('gives the same blocks fed one character at a time as lexing each prefix from scratch', slow, () => {
    for (const text of tricky) {
      for (const { text: prefix, blocks } of streamSplit([...text])) {
        expect(blocks, JSON.stringify(prefix)).toEqual(sources(prefix));
      }
    }
  });

  it('gives the same blocks for any chunking of the input', slow, () => {
    fc.assert(
      fc.property(fc.constantFrom(...tricky), fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 40 }), (text, sizes) => {
        const pieces: string[] = [];
        for (let at = 0, i = 0; at < text.length; i += 1) {
          const size = sizes[i % sizes.length] ?? 1;
          pieces.push(text.slice(at, at + size));
          at += size;
        }
        const last = streamSplit(pieces).at(-1);
        expect(last?.blocks).toEqual(sources(text));
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same blocks fed one character at a time as from scratch, for random documents', slow, () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...lines), { minLength: 2, maxLength: 8 }), (parts) => {
        const text = parts.join('\n');
        for (const { text: prefix, blocks } of streamSplit([...text])) {
          expect(blocks, JSON.stringify(prefix)).toEqual(sources(prefix));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps a definition open while a title may still follow on the next line', () => {
    const [, second] = streamSplit(['[a]: https://a.example\n', '"tit']);
    expect(second?.blocks).toEqual(['[a]: https://a.example\n', '"tit']);
    const split = splitBlocks('[a]: https://a.example\n"title"', splitBlocks('[a]: https://a.example\n"tit').cache);
    expect(split.blocks.map((block) => block.type)).toEqual(['definition']);
  });

  it('keeps a list open while the line after it may still become its next item', () => {
    const early = splitBlocks('1. one\n\n2');
    expect(early.cache.prefix).toBe('');
    expect(splitBlocks('1. one\n\n2.', early.cache).blocks.map((block) => block.type)).toEqual(['list']);
  });

  it('keeps a paragraph open while a table after it may still dissolve into it', () => {
    const early = splitBlocks('Intro\n| a |\n| - |');
    expect(early.blocks.map((block) => block.type)).toEqual(['paragraph', 'table']);
    expect(early.cache.prefix).toBe('');
    expect(splitBlocks('Intro\n| a |\n| - | - |', early.cache).blocks.map((block) => block.type)).toEqual(['paragraph']);
  });

  it('settles the block before once the last block has two complete lines', () => {
    expect(splitBlocks('1. one\n\n2 apples\nand pears\n').cache.prefix).toBe('1. one\n\n');
  });

  it('collects link reference and footnote definitions from every block', () => {
    const split = splitBlocks('Use [a] and [^n].\n\n[a]: https://a.example\n\n[^n]: Note.\n\nEnd.');
    expect(split.definitions).toBe('[a]: https://a.example\n\n[^n]: Note.');
    expect(split.blocks[0]?.mayReference).toBe(true);
    expect(split.blocks.at(-1)?.mayReference).toBe(false);
  });

  it('lexes the whole text again when it is not an extension of the cached prefix', () => {
    const first = splitBlocks('First.\n\nSecond.\n\nThird');
    lexed.lengths.length = 0;
    expect(sources('Other.\n\nText', first.cache)).toEqual(['Other.\n\n', 'Text']);
    expect(lexed.lengths).toEqual(['Other.\n\nText'.length]);
  });

  it('re-lexes only the unsettled tail, so the work per delta does not grow with the text', slow, () => {
    const text = longAnswer(50);
    let cache: BlockCache | undefined;
    lexed.lengths.length = 0;
    for (let end = 16; end <= text.length; end += 16) {
      cache = splitBlocks(text.slice(0, end), cache).cache;
    }
    const mostLexed = Math.max(...lexed.lengths);
    const largestBlock = Math.max(...sources(text).map((source) => source.length));
    expect(text.length).toBeGreaterThan(50_000);
    // The tail is the last block, or a list and the one-line block after it.
    expect(mostLexed).toBeLessThanOrEqual(2 * largestBlock + 16);
  });
});
