import type { Element, ElementContent } from 'hast';
import { createElement, useContext, type ComponentProps, type HTMLAttributes } from 'react';
import type { Components, ExtraProps } from 'react-markdown';
import { cn } from '../lib/cn.ts';
import { CodeBlock } from './code-block.tsx';
import { BlockContext } from './markdown-block.tsx';
import { Icon } from '../lib/icons.tsx';

type ElementProps = HTMLAttributes<HTMLElement> & ExtraProps;

// An element with the kit's prose style; the caller's `className` (e.g. GFM's `task-list-item`)
// is merged last, and the hast `node` is not passed on to the DOM.
function styled(tag: string, base: string) {
  function Styled({ node: _node, className, ...props }: ElementProps) {
    return createElement(tag, { ...props, className: cn(base, className) });
  }
  Styled.displayName = `Markdown.${tag}`;
  return Styled;
}

const prose = {
  h1: styled('h1', 'mt-6 mb-3 text-xl font-semibold leading-tight tracking-tight'),
  h2: styled('h2', 'mt-6 mb-3 text-lg font-semibold leading-tight'),
  h3: styled('h3', 'mt-5 mb-2 text-base font-semibold leading-snug'),
  h4: styled('h4', 'mt-4 mb-2 font-semibold'),
  h5: styled('h5', 'mt-4 mb-2 font-semibold'),
  h6: styled('h6', 'mt-4 mb-2 font-semibold text-sk-muted-foreground'),
  p: styled('p', 'my-3 data-[slot=markdown-raw-html]:whitespace-pre-wrap'),
  ul: styled('ul', 'my-3 list-disc pl-6 [&.contains-task-list]:list-none [&.contains-task-list]:pl-1'),
  ol: styled('ol', 'my-3 list-decimal pl-6'),
  li: styled('li', 'my-1 pl-1 marker:text-sk-muted-foreground [&>p]:my-1 [&>ol]:my-1 [&>ul]:my-1'),
  blockquote: styled('blockquote', 'my-3 border-l-4 border-sk-border pl-4 text-sk-muted-foreground'),
  hr: styled('hr', 'my-6 border-sk-border'),
  strong: styled('strong', 'font-semibold'),
  em: styled('em', 'italic'),
  del: styled('del', 'line-through'),
  sup: styled('sup', 'text-[0.75em] text-sk-muted-foreground'),
  code: styled('code', 'rounded bg-sk-muted px-1.5 py-0.5 font-mono text-[0.875em]'),
  thead: styled('thead', 'bg-sk-muted/60'),
  th: styled('th', 'border-b border-sk-border px-3 py-2 text-left font-semibold'),
  td: styled('td', 'border-b border-sk-border px-3 py-2 align-top'),
} satisfies Components;

function MarkdownTable({ node: _node, className, ...props }: ComponentProps<'table'> & ExtraProps) {
  // Wide tables scroll inside the message instead of widening it.
  return (
    <div data-slot="markdown-table" className="my-4 max-w-full overflow-x-auto rounded-lg border border-sk-border">
      <table className={cn('w-full border-collapse text-sm [&_tr:last-child>td]:border-b-0', className)} {...props} />
    </div>
  );
}

function MarkdownInput({ node: _node, className, ...props }: ComponentProps<'input'> & ExtraProps) {
  // GFM task list checkboxes, rendered disabled: they show state, the model cannot be ticked back.
  // The item's text follows the box but is not its label, so the box names its own state.
  return (
    <input
      aria-label={props.checked ? 'Done' : 'Not done'}
      className={cn('mr-2 size-3.5 translate-y-0.5 accent-sk-accent', className)}
      {...props}
    />
  );
}

function MarkdownImage({ node: _node, src, alt, title }: ComponentProps<'img'> & ExtraProps) {
  // The URL policy has already removed `src` unless images are allowed and its origin is listed.
  if (typeof src === 'string' && src !== '') {
    return (
      <img
        data-slot="markdown-image"
        src={src}
        alt={alt ?? ''}
        title={title}
        loading="lazy"
        referrerPolicy="no-referrer"
        className="my-3 inline-block max-w-full rounded-lg"
      />
    );
  }
  return (
    <span
      data-slot="markdown-image-placeholder"
      className="inline-flex items-center gap-1 rounded border border-dashed border-sk-border px-1.5 text-sk-muted-foreground"
    >
      <ImageIcon />
      {alt || 'Image'}
    </span>
  );
}

function textOf(nodes: readonly ElementContent[]): string {
  return nodes.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child.children) : '')).join('');
}

function languageOf(code: Element): string | undefined {
  const classes = code.properties['className'];
  const list = Array.isArray(classes) ? classes : [];
  const language = list.map(String).find((name) => name.startsWith('language-'));
  return language?.slice('language-'.length);
}

const fenceOpen = /^\s*(`{3,}|~{3,})/;
const fenceClose = /^\s*(`{3,}|~{3,})\s*$/;

// Whether the fenced code at `start..end` of the block source has its closing fence yet. An open
// fence runs to the end of the text, so until it closes, each delta would change the code.
function isFenceClosed(source: string, start: number, end: number): boolean {
  const lines = source.slice(start, end).split('\n');
  const open = fenceOpen.exec(lines[0] ?? '')?.[1];
  const close = lines.length > 1 ? fenceClose.exec(lines.at(-1) ?? '')?.[1] : undefined;
  return open !== undefined && close !== undefined && close[0] === open[0] && close.length >= open.length;
}

function MarkdownPre({ node, children, ...props }: ComponentProps<'pre'> & ExtraProps) {
  const block = useContext(BlockContext);
  const code = node?.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
  if (!node || !code) return <pre {...props}>{children}</pre>;
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const settled = !block.live || (start !== undefined && end !== undefined && isFenceClosed(block.source, start, end));
  return <CodeBlock code={textOf(code.children).replace(/\n$/, '')} language={languageOf(code)} highlight={settled} />;
}

function ImageIcon() {
  return (
    <Icon>
      <rect x="3" y="3" width="18" height="18" rx="2" />
      <circle cx="9" cy="9" r="2" />
      <path d="m21 15-3.1-3.1a2 2 0 0 0-2.8 0L6 21" />
    </Icon>
  );
}

export interface LinkOptions {
  linkTarget: string;
  linkRel: string;
}

/**
 * The kit's element components for react-markdown, with `overrides` (the caller's `components`)
 * on top. Links: the URL policy has already removed any `href` that is not absolute http, https or
 * mailto, and such a link renders as its text; a link whose URL is still streaming shows as a link
 * without a target.
 */
export function createMarkdownComponents({ linkTarget, linkRel }: LinkOptions, overrides: Components = {}): Components {
  function MarkdownLink({ node: _node, href, title, children, ...props }: ComponentProps<'a'> & ExtraProps) {
    const pending = 'data-pending' in props;
    if (typeof href !== 'string' || href === '') {
      return (
        <span data-slot="markdown-link" data-state={pending ? 'pending' : 'refused'} className={pending ? 'text-sk-accent' : undefined}>
          {children}
        </span>
      );
    }
    return (
      <a
        data-slot="markdown-link"
        href={href}
        title={title}
        target={linkTarget || undefined}
        rel={linkRel || undefined}
        className="font-medium text-sk-accent underline underline-offset-2 hover:no-underline"
      >
        {children}
      </a>
    );
  }
  return { ...prose, table: MarkdownTable, input: MarkdownInput, img: MarkdownImage, pre: MarkdownPre, a: MarkdownLink, ...overrides };
}
