import { createContext, memo, useMemo } from 'react';
import ReactMarkdown, { type Components, type Options, type UrlTransform } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { gfmOptions } from './parse-markdown.ts';
import { remarkStreamkit } from './remark-streamkit.ts';

/** What a component inside a block may need to know about the block it renders in. */
export interface BlockInfo {
  /** The exact markdown the block was rendered from; node positions point into it. */
  source: string;
  /** Whether this is the last block of a message that is still streaming. */
  live: boolean;
}

export const BlockContext = createContext<BlockInfo>({ source: '', live: false });

export interface MarkdownBlockProps {
  source: string;
  /**
   * Link reference and footnote definitions from elsewhere in the text, put before the source so
   * `[text][ref]` and `[^1]` resolve; what they would render themselves is dropped. `''` for none.
   */
  definitions: string;
  live: boolean;
  components: Components;
  urlTransform: UrlTransform;
}

type PluggableList = NonNullable<Options['remarkPlugins']>;

const plainPlugins: PluggableList = [[remarkGfm, gfmOptions], remarkStreamkit];

/**
 * One top-level block, parsed and rendered by react-markdown (no raw HTML: it becomes text). Memoized
 * on its props, which are all strings, booleans or stable objects, so a settled block renders once
 * and is skipped on every later delta.
 */
export const MarkdownBlock = memo(function MarkdownBlock({
  source,
  definitions,
  live,
  components,
  urlTransform,
}: MarkdownBlockProps) {
  const markdown = definitions === '' ? source : `${definitions}\n\n${source}`;
  const info = useMemo(() => ({ source: markdown, live }), [markdown, live]);
  const remarkPlugins = useMemo<PluggableList>(
    () => (definitions === '' ? plainPlugins : [[remarkGfm, gfmOptions], [remarkStreamkit, { skipBefore: definitions.length }]]),
    [definitions],
  );
  return (
    <BlockContext.Provider value={info}>
      <ReactMarkdown remarkPlugins={remarkPlugins} components={components} urlTransform={urlTransform}>
        {markdown}
      </ReactMarkdown>
    </BlockContext.Provider>
  );
});
