import { forwardRef, Fragment, useEffect, useState, type CSSProperties, type HTMLAttributes, type ReactNode } from 'react';
import { cn } from '../lib/cn.ts';
import { CopyButton } from './copy-button.tsx';
import { cachedTokens, highlightCode, resolveLanguage, type CodeTokens } from './highlight-code.ts';

export interface CodeBlockProps extends HTMLAttributes<HTMLDivElement> {
  /** The code, without the fence. */
  code: string;
  /** The fence's language (`ts`, `python`, …). Default: none, shown as `text` and not highlighted. */
  language?: string | undefined;
  /**
   * Whether to highlight now. `Markdown` passes `false` while the fence is still streaming, so the
   * growing block is not re-tokenized per delta; it is highlighted once, when the fence closes.
   * Default: `true`.
   */
  highlight?: boolean;
}

interface Highlighted {
  code: string;
  language: string;
  tokens: CodeTokens;
}

function useCodeTokens(code: string, language: string | undefined, enabled: boolean): CodeTokens | undefined {
  const cached = enabled && language ? cachedTokens(code, language) : undefined;
  const [highlighted, setHighlighted] = useState<Highlighted>();

  useEffect(() => {
    if (!enabled || !language || cached) return;
    let current = true;
    highlightCode(code, language).then(
      (tokens) => {
        if (current) setHighlighted({ code, language, tokens });
      },
      // A grammar or theme that failed to load leaves the plain text, which is already on screen.
      () => {},
    );
    return () => {
      current = false;
    };
  }, [code, language, enabled, cached]);

  if (cached) return cached;
  return highlighted?.code === code && highlighted.language === language ? highlighted.tokens : undefined;
}

// Tokens change only color and slant, never size or weight, so swapping them in for the plain
// text keeps every glyph where it was: no layout jump.
function renderTokens(tokens: CodeTokens): ReactNode {
  return tokens.map((line, lineIndex) => (
    <Fragment key={lineIndex}>
      {lineIndex > 0 && '\n'}
      {line.map((token, tokenIndex) =>
        token.light || token.dark || token.italic ? (
          <span
            key={tokenIndex}
            className={token.italic ? 'italic' : undefined}
            style={{ '--sk-code-light': token.light, '--sk-code-dark': token.dark } as CSSProperties}
          >
            {token.content}
          </span>
        ) : (
          token.content
        ),
      )}
    </Fragment>
  ));
}

/**
 * A fenced code block: language label, copy button, and syntax highlighting that arrives after
 * the plain text (Shiki loads on demand) without moving it. Tokens render as React elements.
 */
export const CodeBlock = forwardRef<HTMLDivElement, CodeBlockProps>(function CodeBlock(
  { code, language, highlight = true, className, ...props },
  ref,
) {
  const tokens = useCodeTokens(code, resolveLanguage(language), highlight);
  return (
    <div
      ref={ref}
      data-slot="markdown-code-block"
      data-language={language || undefined}
      data-highlighted={tokens ? '' : undefined}
      className={cn('my-4 overflow-hidden rounded-lg border border-sk-border bg-sk-muted/60', className)}
      {...props}
    >
      <div className="flex items-center justify-between gap-2 border-b border-sk-border py-1 pr-1.5 pl-3">
        <span data-slot="markdown-code-language" className="font-mono text-xs text-sk-muted-foreground">
          {language || 'text'}
        </span>
        <CopyButton value={code} />
      </div>
      <pre className="overflow-x-auto p-3 font-mono text-[0.8125rem] leading-5">
        <code className="[&_span]:[color:var(--sk-code-light)] dark:[&_span]:[color:var(--sk-code-dark)]">
          {tokens ? renderTokens(tokens) : code}
        </code>
      </pre>
    </div>
  );
});
