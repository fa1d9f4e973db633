import { forwardRef, useMemo, useRef, type HTMLAttributes } from 'react';
import type { Components } from 'react-markdown';
import { cn } from '../lib/cn.ts';
import { createMarkdownComponents } from './markdown-components.tsx';
import { MarkdownBlock } from './markdown-block.tsx';
import { repairStreamingBlock } from './repair-streaming-block.ts';
import { createUrlTransform, type AllowImages } from './safe-url.ts';
import { splitBlocks, type Block, type BlockCache } from './split-blocks.ts';

/** Element components that replace the kit's own, by tag name (react-markdown's `components`). */
export type MarkdownComponents = Components;

export interface MarkdownProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** The markdown so far. */
  children: string;
  /**
   * Whether more text is still coming. While it is, half-finished syntax at the end (`**bold`,
   * `[link](`, a table header, an open code fence) renders as its finished form would, and code
   * in an open fence is not highlighted yet. Default: `false`.
   */
  streaming?: boolean;
  /** `target` of links. `''` leaves it out. Default: `'_blank'`. */
  linkTarget?: string;
  /** `rel` of links. `''` leaves it out. Default: `'noopener noreferrer'`. */
  linkRel?: string;
  /**
   * Which images load. `false` shows each image as its alt text in a placeholder; `{ origins }`
   * loads http(s) images whose origin (e.g. `'https://images.example.com'`) is listed, and shows
   * the others as placeholders. Default: `false`.
   */
  allowImages?: AllowImages;
  /**
   * Element components that replace the kit's (`{ a: MyLink }`). URLs are already vetted when they
   * reach them. Compared shallowly, so an inline object does not re-render every block. Default: none.
   */
  components?: MarkdownComponents;
}

// Keeps the previous object while the next one has the same entries, so options written inline
// (`components={{ a: Link }}`, `allowImages={{ origins: [...] }}`) do not defeat the block memo.
function useShallowStable<T extends object | false | undefined>(value: T): T {
  const ref = useRef(value);
  const previous = ref.current;
  const same =
    previous === value ||
    (typeof previous === 'object' &&
      typeof value === 'object' &&
      Object.keys(previous).length === Object.keys(value).length &&
      Object.entries(value).every(([key, entry]) => {
        const before: unknown = Reflect.get(previous, key);
        return Array.isArray(before) && Array.isArray(entry)
          ? before.length === entry.length && before.every((item, index) => item === entry[index])
          : before === entry;
      }));
  if (!same) ref.current = value;
  return ref.current;
}

// Blocks that cannot use a definition do not get them: definitions themselves, and code and raw
// HTML, whose text is literal (an indented code block would even read as a footnote's continuation).
const referenceFree = new Set(['definition', 'footnoteDefinition', 'code', 'html']);

function definitionsFor(block: Block, definitions: string): string {
  return definitions !== '' && block.mayReference && !referenceFree.has(block.type) ? definitions : '';
}

/**
 * Renders model output as Markdown (CommonMark + GFM: tables, task lists, strikethrough, autolinks)
 * while it streams.
 *
 * Cost per delta: the text is split into top-level blocks with the parser, and blocks that can no
 * longer change are kept (see `splitBlocks`), so a delta re-lexes only the last block. Each block
 * renders through a memoized `MarkdownBlock` keyed by its index, so settled blocks render once and
 * are never re-mounted (their height stays put in a virtualized list); a delta re-parses and
 * re-renders only the last block. Remend repairs only that block, and only while `streaming`. When
 * streaming ends, the text is lexed once more from the start (one O(length) parse per message).
 *
 * Safe by default for untrusted text: raw HTML shows as text, links are kept only for absolute
 * http/https/mailto URLs, images load only from allowed origins, and nothing uses
 * `dangerouslySetInnerHTML`.
 */
export const Markdown = forwardRef<HTMLDivElement, MarkdownProps>(function Markdown(
  {
    children,
    streaming = false,
    linkTarget = '_blank',
    linkRel = 'noopener noreferrer',
    allowImages = false,
    components,
    className,
    ...props
  },
  ref,
) {
  const cacheRef = useRef<BlockCache | undefined>(undefined);
  const split = useMemo(() => {
    // Only a streaming text reuses settled blocks. A finished text is split from scratch, once, so
    // it renders exactly as a one-shot render: lexing a tail on its own can differ from lexing it
    // in context in rare cases (an empty list item right after indented code). Blocks that come out
    // the same keep their memoized render.
    // `?? ''`: callers without types may pass nothing while a message has no text yet.
    const result = splitBlocks(children ?? '', streaming ? cacheRef.current : undefined);
    cacheRef.current = result.cache;
    return result;
  }, [children, streaming]);

  const stableImages = useShallowStable(allowImages);
  const stableOverrides = useShallowStable(components);
  const urlTransform = useMemo(() => createUrlTransform(stableImages), [stableImages]);
  const elementComponents = useMemo(
    () => createMarkdownComponents({ linkTarget, linkRel }, stableOverrides),
    [linkTarget, linkRel, stableOverrides],
  );

  const { blocks, definitions } = split;
  return (
    <div
      ref={ref}
      data-slot="markdown"
      data-streaming={streaming}
      // No text color of its own: it inherits, so it reads right in a reply, a user bubble or a
      // muted thinking panel alike.
      className={cn('min-w-0 break-words [&>:first-child]:mt-0 [&>:last-child]:mb-0', className)}
      {...props}
    >
      {blocks.map((block, index) => {
        const live = streaming && index === blocks.length - 1;
        const source = live ? repairStreamingBlock(block) : block.source;
        const references = definitionsFor(block, definitions);
        return (
          <MarkdownBlock
            key={index}
            source={source}
            definitions={references}
            live={live}
            components={elementComponents}
            urlTransform={urlTransform}
          />
        );
      })}
    </div>
  );
});
