import {
  createContext,
  forwardRef,
  useContext,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type HTMLAttributes,
  type MouseEvent,
  type UIEvent,
} from 'react';
import { cn } from '../lib/cn.ts';
import { composeRefs } from '../lib/compose-refs.ts';
import { Icon } from '../lib/icons.tsx';
import { formatThoughtDuration } from './format-thought-duration.ts';

/** `thinking` while the model reasons, `done` after, `redacted` when the provider withheld the text. */
export type ThinkingStatus = 'thinking' | 'done' | 'redacted';

// `done` is used only when no duration is known (a message loaded from history); otherwise the
// trigger says how long the model thought.
const statusLabels: Record<ThinkingStatus, string> = {
  thinking: 'Thinking…',
  done: 'Reasoning',
  redacted: 'Thinking redacted by the provider',
};

interface ThinkingPanelContextValue {
  open: boolean;
  status: ThinkingStatus;
  label: string;
  triggerId: string;
  contentId: string;
  setOpen: (open: boolean) => void;
}

const ThinkingPanelContext = createContext<ThinkingPanelContextValue | null>(null);

function useThinkingPanel(part: string): ThinkingPanelContextValue {
  const context = useContext(ThinkingPanelContext);
  if (!context) throw new Error(`\`${part}\` must be used within \`ThinkingPanel\``);
  return context;
}

export interface ThinkingPanelProps extends HTMLAttributes<HTMLDivElement> {
  /** Whether the model is still thinking. Ending it collapses the panel, unless the user toggled it. Default: `false`. */
  streaming?: boolean;
  /** How long the model thought. Default: measured from mount (while streaming) to when `streaming` turns false. */
  durationMs?: number;
  /** The provider redacted or encrypted the thinking: nothing to show or expand. Default: `false`. */
  redacted?: boolean;
  /** Whether the content shows, when the caller controls it; the panel then never opens or closes by itself. Default: uncontrolled. */
  open?: boolean;
  /** Initial open state when uncontrolled. Default: open while `streaming`, closed otherwise. */
  defaultOpen?: boolean;
  /** Called with the new open state when the user toggles the panel. */
  onOpenChange?: (open: boolean) => void;
}

/**
 * A disclosure for the model's thinking: open and live while it thinks, then one line ("Thought
 * for 4 s") that opens on click. Compose it from `ThinkingPanelTrigger` and `ThinkingPanelContent`.
 */
export const ThinkingPanel = forwardRef<HTMLDivElement, ThinkingPanelProps>(function ThinkingPanel(
  { streaming = false, durationMs, redacted = false, open, defaultOpen, onOpenChange, className, children, ...props },
  ref,
) {
  const [uncontrolledOpen, setUncontrolledOpen] = useState(defaultOpen ?? streaming);
  const [userToggled, setUserToggled] = useState(false);
  const [wasStreaming, setWasStreaming] = useState(streaming);
  const [startedAt, setStartedAt] = useState(() => (streaming ? Date.now() : undefined));
  const [measuredMs, setMeasuredMs] = useState<number | undefined>(undefined);

  // Adjusted during render rather than in an effect, so the panel collapses in the same paint in
  // which thinking ends instead of flashing open content for a frame.
  if (streaming !== wasStreaming) {
    setWasStreaming(streaming);
    if (!userToggled) setUncontrolledOpen(streaming);
    if (streaming) {
      setStartedAt(Date.now());
      setMeasuredMs(undefined);
    } else if (startedAt !== undefined) {
      setMeasuredMs(Date.now() - startedAt);
    }
  }

  const status: ThinkingStatus = redacted ? 'redacted' : streaming ? 'thinking' : 'done';
  const duration = durationMs ?? measuredMs;
  const label = status === 'done' && duration !== undefined ? formatThoughtDuration(duration) : statusLabels[status];
  const isOpen = status !== 'redacted' && (open ?? uncontrolledOpen);
  const triggerId = useId();
  const contentId = useId();

  const context = useMemo<ThinkingPanelContextValue>(
    () => ({
      open: isOpen,
      status,
      label,
      triggerId,
      contentId,
      setOpen(next) {
        setUncontrolledOpen(next);
        setUserToggled(true);
        onOpenChange?.(next);
      },
    }),
    [isOpen, status, label, triggerId, contentId, onOpenChange],
  );

  return (
    <ThinkingPanelContext.Provider value={context}>
      <div
        ref={ref}
        data-slot="thinking-panel"
        data-state={isOpen ? 'open' : 'closed'}
        data-status={status}
        className={cn('flex flex-col gap-1.5 text-sm text-sk-muted-foreground', className)}
        {...props}
      >
        {children}
      </div>
    </ThinkingPanelContext.Provider>
  );
});

export type ThinkingPanelTriggerProps = ButtonHTMLAttributes<HTMLButtonElement>;

/** The one-line button that opens and closes the panel. Its default content is the status label and a chevron. */
export const ThinkingPanelTrigger = forwardRef<HTMLButtonElement, ThinkingPanelTriggerProps>(function ThinkingPanelTrigger(
  { className, children, onClick, ...props },
  ref,
) {
  const { open, status, label, triggerId, contentId, setOpen } = useThinkingPanel('ThinkingPanelTrigger');
  const redacted = status === 'redacted';

  function handleClick(event: MouseEvent<HTMLButtonElement>) {
    onClick?.(event);
    if (!event.defaultPrevented) setOpen(!open);
  }

  return (
    <button
      ref={ref}
      type="button"
      id={triggerId}
      data-slot="thinking-panel-trigger"
      data-state={open ? 'open' : 'closed'}
      data-status={status}
      // Redacted thinking has nothing to expand, so it is not a disclosure at all.
      aria-expanded={redacted ? undefined : open}
      aria-controls={redacted ? undefined : contentId}
      disabled={redacted}
      data-disabled={redacted || undefined}
      onClick={handleClick}
      className={cn(
        'group/thinking-trigger inline-flex w-fit items-center gap-1.5 rounded-md py-0.5 text-left text-sm text-sk-muted-foreground transition-colors',
        'outline-none hover:text-sk-foreground focus-visible:ring-2 focus-visible:ring-sk-ring',
        'data-[disabled]:cursor-default data-[disabled]:hover:text-sk-muted-foreground',
        className,
      )}
      {...props}
    >
      {children ?? (
        <>
          {redacted ? <LockIcon /> : <SparkIcon />}
          <span
            data-slot="thinking-panel-label"
            // A quiet pulse says "still working"; under reduced motion the label simply stays still.
            className={cn(status === 'thinking' && 'animate-pulse motion-reduce:animate-none')}
          >
            {label}
          </span>
          {redacted ? null : <ChevronIcon />}
        </>
      )}
    </button>
  );
});

export type ThinkingPanelContentProps = HTMLAttributes<HTMLDivElement>;

// Within this distance of the bottom the live thinking follows new text; farther up the user is reading.
const stickThresholdPx = 24;

/**
 * The thinking itself. Long reasoning scrolls inside the panel (the page does not move), and while
 * the model thinks it follows the newest text unless the user has scrolled up.
 */
export const ThinkingPanelContent = forwardRef<HTMLDivElement, ThinkingPanelContentProps>(function ThinkingPanelContent(
  { className, onScroll, ...props },
  ref,
) {
  const { open, status, triggerId, contentId } = useThinkingPanel('ThinkingPanelContent');
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const stickToBottom = useRef(true);
  const composedRef = useMemo(() => composeRefs(scrollRef, ref), [ref]);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && status === 'thinking' && stickToBottom.current) el.scrollTop = el.scrollHeight;
  });

  function handleScroll(event: UIEvent<HTMLDivElement>) {
    onScroll?.(event);
    const el = event.currentTarget;
    stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight <= stickThresholdPx;
  }

  if (status === 'redacted') return null;
  return (
    <div
      ref={composedRef}
      id={contentId}
      // Kept mounted while closed so the trigger's aria-controls always points at an element.
      hidden={!open}
      role="group"
      aria-labelledby={triggerId}
      // A scroll container must be reachable by keyboard to be scrolled without a mouse.
      tabIndex={0}
      data-slot="thinking-panel-content"
      data-state={open ? 'open' : 'closed'}
      onScroll={handleScroll}
      className={cn(
        'max-h-72 overflow-y-auto overscroll-contain border-l-2 border-sk-border py-0.5 pr-2 pl-3 text-sm leading-relaxed text-sk-muted-foreground',
        'rounded-r-sm outline-none focus-visible:ring-2 focus-visible:ring-sk-ring',
        className,
      )}
      {...props}
    />
  );
});

function SparkIcon() {
  return (
    <Icon className="size-4">
      <path d="M12 3v4M12 17v4M3 12h4M17 12h4M6.3 6.3l2.1 2.1M15.6 15.6l2.1 2.1M6.3 17.7l2.1-2.1M15.6 8.4l2.1-2.1" />
    </Icon>
  );
}

function LockIcon() {
  return (
    <Icon className="size-4">
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </Icon>
  );
}

function ChevronIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="size-4 shrink-0 transition-transform group-data-[state=open]/thinking-trigger:rotate-90 motion-reduce:transition-none"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="m9 6 6 6-6 6" />
    </svg>
  );
}
