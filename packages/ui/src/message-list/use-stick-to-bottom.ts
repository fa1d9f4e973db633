import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

export interface StickToBottomOptions {
  scrollRef: RefObject<HTMLElement | null>;
  /**
   * An element whose size changes without a render (an image loads, a panel expands) must be
   * followed too: the whole content of a plain list, or the in-flow newest row of a virtualized one
   * (the virtualizer measures its other rows; observing their parent as well would see one size
   * change twice in a frame and raise "ResizeObserver loop" errors).
   */
  observed: HTMLElement | null;
  /** Within this distance of the bottom the list counts as at the bottom. */
  thresholdPx: number;
}

export interface StickToBottom {
  /** True while the list follows new content; false once the user has scrolled up to read. */
  isStuck: boolean;
  /** The same, readable at any moment (between renders, in callbacks). */
  stuckRef: RefObject<boolean>;
  /** Call on every scroll event of the container. */
  handleScroll: () => void;
  /**
   * Scrolls to the bottom and sticks again: smooth unless the user prefers reduced motion. Content
   * that changes height on the way (rows of a virtualized list measured as they pass) may end the
   * smooth scroll short; when it ends, the list follows to the real bottom.
   */
  jumpToBottom: () => void;
}

// A wheel or key press counts as the user's for the scroll events of the next frames, not forever:
// a wheel that a nested scroller consumed must not make a later layout-driven scroll look like the user's.
const intentWindowMs = 250;

// Keys that scroll a focused scroller up. Shift+Space is page up.
const upKeys = new Set(['ArrowUp', 'PageUp', 'Home']);

function distanceFromBottom(el: HTMLElement): number {
  return el.scrollHeight - el.scrollTop - el.clientHeight;
}

// Smooth only when it can end cleanly: without `scrollend` an animation cut short by growing
// content would never report its end, so those browsers jump at once.
function jumpBehavior(el: HTMLElement): ScrollBehavior {
  const view = el.ownerDocument.defaultView;
  if (!view?.matchMedia || !('onscrollend' in view)) return 'auto';
  return view.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select') !== null);
}

/**
 * Keeps a scroll container at the bottom while its content grows, until the user scrolls up.
 *
 * Who moved the list decides: our own writes always land at the bottom; a wheel, key or touch
 * marks the next upward scroll as the user's, so even a 10 px nudge up escapes; any other scroll
 * (a scrollbar drag, find-in-page, a screen reader) unsticks only when it leaves the list more than
 * `thresholdPx` from the bottom. Layout-driven scroll events (the browser clamping a shrunk list,
 * scroll anchoring, a virtualizer correcting an estimate) keep the distance to the bottom, so they
 * never unstick. Reaching the bottom again, by any means, sticks.
 */
export function useStickToBottom({ scrollRef, observed, thresholdPx }: StickToBottomOptions): StickToBottom {
  const [isStuck, setIsStuck] = useState(true);
  const stuckRef = useRef(true);
  const lastTop = useRef(0);
  const upIntentAt = useRef(Number.NEGATIVE_INFINITY);
  const held = useRef(false);
  // A smooth jump is in flight: its scroll events move the list but are ours.
  const jumping = useRef(false);

  const setStuck = useCallback((next: boolean) => {
    // Every scroll at the bottom says "stuck" again; setting the same state would still cost React a
    // render pass (a commit per frame while a reply streams), since the list has updates pending then.
    if (stuckRef.current === next) return;
    stuckRef.current = next;
    setIsStuck(next);
  }, []);

  const hasUserIntent = useCallback(() => held.current || performance.now() - upIntentAt.current < intentWindowMs, []);

  const handleScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const top = el.scrollTop;
    const distance = distanceFromBottom(el);
    const delta = top - lastTop.current;
    lastTop.current = top;
    if (distance <= 1) {
      jumping.current = false;
      setStuck(true);
      return;
    }
    // Already judged: `follow` saw this move before its scroll event arrived.
    if (Math.abs(delta) <= 0.5) return;
    const userIntent = hasUserIntent();
    if (jumping.current) {
      if (!userIntent) return;
      jumping.current = false;
    }
    if (userIntent && delta < 0) setStuck(false);
    else if (distance > thresholdPx) setStuck(false);
    else if (delta > 0) setStuck(true);
  }, [scrollRef, setStuck, thresholdPx, hasUserIntent]);

  const follow = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    // The user moved the list and its scroll event has not been dispatched yet (it comes with the
    // next frame): judge that move first, or following would undo it. Only the user's: a move by a
    // virtualizer in the middle of an update is judged when its scroll event comes, on settled layout.
    if (hasUserIntent() && Math.abs(el.scrollTop - lastTop.current) > 0.5) handleScroll();
    if (!stuckRef.current) {
      // What was below shrank away: there is nothing left to jump to.
      if (distanceFromBottom(el) <= 1) setStuck(true);
      return;
    }
    if (jumping.current) return;
    // The browser clamps this to the bottom; when already there it is a no-op without a scroll event.
    el.scrollTop = el.scrollHeight;
    lastTop.current = el.scrollTop;
  }, [scrollRef, setStuck, handleScroll, hasUserIntent]);

  const jumpToBottom = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    setStuck(true);
    // Smooth only with somewhere to go: a jump that never scrolls would never report its end.
    if (distanceFromBottom(el) > 1 && jumpBehavior(el) === 'smooth') {
      jumping.current = true;
      el.scrollTo({ top: el.scrollHeight, behavior: 'smooth' });
      return;
    }
    el.scrollTop = el.scrollHeight;
    lastTop.current = el.scrollTop;
  }, [scrollRef, setStuck]);

  // Every render may have added content (a new message, more tokens); follow it before paint.
  useLayoutEffect(follow);

  // Content can also grow without a render (an image loads, a panel expands).
  useLayoutEffect(() => {
    if (!observed || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(follow);
    observer.observe(observed);
    return () => observer.disconnect();
  }, [observed, follow]);

  useEffect(() => {
    const el = scrollRef.current;
    const view = el?.ownerDocument.defaultView;
    if (!el || !view) return;
    const markUp = () => {
      upIntentAt.current = performance.now();
    };
    const onWheel = (event: WheelEvent) => {
      if (event.deltaY < 0) markUp();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (isEditable(event.target)) return;
      if (upKeys.has(event.key) || (event.key === ' ' && event.shiftKey)) markUp();
    };
    // Only a press on the container itself: that is its scrollbar (or padding), not a message.
    const onPointerDown = (event: PointerEvent) => {
      if (event.target === el && event.pointerType !== 'touch') held.current = true;
    };
    const hold = () => {
      held.current = true;
    };
    const release = () => {
      held.current = false;
    };
    const end = () => {
      if (!jumping.current) return;
      jumping.current = false;
      follow();
    };
    const passive = { passive: true } as const;
    el.addEventListener('wheel', onWheel, passive);
    el.addEventListener('keydown', onKeyDown);
    el.addEventListener('pointerdown', onPointerDown);
    el.addEventListener('touchstart', hold, passive);
    el.addEventListener('scrollend', end);
    view.addEventListener('pointerup', release);
    view.addEventListener('pointercancel', release);
    view.addEventListener('touchend', release);
    view.addEventListener('touchcancel', release);
    return () => {
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('keydown', onKeyDown);
      el.removeEventListener('pointerdown', onPointerDown);
      el.removeEventListener('touchstart', hold);
      el.removeEventListener('scrollend', end);
      view.removeEventListener('pointerup', release);
      view.removeEventListener('pointercancel', release);
      view.removeEventListener('touchend', release);
      view.removeEventListener('touchcancel', release);
    };
  }, [scrollRef, follow]);

  return { isStuck, stuckRef, handleScroll, jumpToBottom };
}
