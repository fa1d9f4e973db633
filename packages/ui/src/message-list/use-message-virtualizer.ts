import { useCallback, useLayoutEffect, useReducer, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import type { UIMessage } from '@streamkit/core';

export type MessageVirtualizer = Virtualizer<HTMLDivElement, HTMLDivElement>;

export interface MessageVirtualizerOptions {
  messages: readonly UIMessage[];
  /** Off: the virtualizer lets go of the scroll container and lays out nothing. */
  enabled: boolean;
  scrollRef: RefObject<HTMLDivElement | null>;
  /** The element that holds the rows; its offset in the scroll content is the virtualizer's scroll margin. */
  rowsRef: RefObject<HTMLDivElement | null>;
  estimateMessageHeight: (message: UIMessage) => number;
  /** Whether the list follows the bottom: it then opens there, and measured growth renders at once. */
  stuckRef: RefObject<boolean>;
}

// Rows past each screen edge kept in the DOM, so a fast scroll rarely shows a blank frame.
const overscan = 6;

// The space between rows (gap-6 of the plain list) is each row's top padding, see VirtualMessageRows.
const rowGapPx = 24;

/**
 * A virtualizer over every message but the newest (which VirtualMessageRows lays out in flow after
 * them), keyed by message id. Options are read through refs so that
 * their identity does not change per render: a new `getItemKey` would make the virtualizer lay out
 * all 10,000 rows again for every token.
 *
 * The reading position holds by the virtualizer's defaults (`anchorTo: 'start'`): growth below the
 * viewport moves nothing, and a row above it that is measured or re-measured shifts the scroll
 * position by its change in size.
 */
export function useMessageVirtualizer(options: MessageVirtualizerOptions): MessageVirtualizer {
  const { messages, enabled, scrollRef, rowsRef, stuckRef } = options;
  const latest = useRef(options);
  latest.current = options;
  const [scrollMargin, setScrollMargin] = useState(0);
  const [, forceRender] = useReducer((count: number) => count + 1, 0);
  // From this render until its layout effects ran, React is rendering or committing (rows measured
  // in their ref callbacks, the virtualizer's own layout effects): flushSync must wait, and needs
  // not, since React renders again before paint anyway.
  const inReact = useRef(false);
  inReact.current = true;

  // Ids change at the edges when the conversation is replaced or its tail regenerated; only then
  // may cached sizes belong to other messages.
  const firstId = messages[0]?.id;
  const lastId = messages.at(-1)?.id;
  const getItemKey = useCallback((index: number) => latest.current.messages[index]?.id ?? index, [firstId, lastId]);
  const estimateSize = useCallback((index: number) => {
    const message = latest.current.messages[index];
    return (message ? latest.current.estimateMessageHeight(message) : 0) + (index > 0 ? rowGapPx : 0);
  }, []);

  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count: Math.max(0, messages.length - 1),
    enabled,
    getScrollElement: () => scrollRef.current,
    getItemKey,
    estimateSize,
    overscan,
    scrollMargin,
    // Read when the virtualizer turns on: a new list opens at its latest message (the virtualizer
    // and the browser clamp this to the last screen); a list that grew past the threshold while
    // the user reads stays where it is.
    initialOffset: () => {
      const el = scrollRef.current;
      return el && !stuckRef.current ? el.scrollTop : Number.MAX_SAFE_INTEGER;
    },
    // Render new positions before paint while the user scrolls (as the adapter's default does) and
    // also while following the bottom: a row measured by the ResizeObserver then lays out, and the
    // list follows it, in the same frame instead of bouncing a frame later.
    useFlushSync: false,
    onChange: (_instance, sync) => {
      if (!inReact.current && (sync || latest.current.stuckRef.current)) flushSync(forceRender);
    },
  });

  useLayoutEffect(() => {
    inReact.current = false;
  });

  // The rows start below the list's padding (and anything a caller put above them).
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const rows = rowsRef.current;
    if (!enabled || !el || !rows) return;
    setScrollMargin(rows.getBoundingClientRect().top - el.getBoundingClientRect().top - el.clientTop + el.scrollTop);
  }, [enabled, scrollRef, rowsRef]);

  return virtualizer;
}
