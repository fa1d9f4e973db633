import { render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { MessageText } from './message-text.tsx';

describe('MessageText', () => {
  it('renders model text as Markdown by default', () => {
    const { container } = render(<MessageText text={'# Title\n\nSome **bold** and a [link](https://example.com).'} />);
    const root = container.firstElementChild;
    expect(root).toHaveAttribute('data-slot', 'message-text');
    expect(root).toHaveAttribute('data-format', 'markdown');
    expect(screen.getByRole('heading', { name: 'Title' })).toBeInTheDocument();
    expect(screen.getByText('bold').tagName).toBe('STRONG');
    expect(screen.getByRole('link', { name: 'link' })).toHaveAttribute('href', 'https://example.com/');
  });

  it('repairs half-finished syntax while the part is streaming', () => {
    render(<MessageText text="Some **bol" state="streaming" />);
    expect(screen.getByText('bol').tagName).toBe('STRONG');
  });

  it('shows the text exactly as written once the part is done', () => {
    const { container } = render(<MessageText text="Some **bol" state="done" />);
    expect(container).toHaveTextContent('Some **bol');
  });

  it('keeps plain text as typed: line breaks kept, markdown and HTML not interpreted', () => {
    const { container } = render(<MessageText format="plain" text={'one\ntwo\n\n**three** <b>four</b>'} />);
    const root = container.firstElementChild;
    expect(root?.textContent).toBe('one\ntwo\n\n**three** <b>four</b>');
    expect(root).toHaveClass('whitespace-pre-wrap');
    expect(root).toHaveAttribute('data-format', 'plain');
    expect(container.querySelector('strong, b, p')).toBeNull();
  });

  it('renders raw HTML in model text as text, never as HTML', () => {
    render(<MessageText text={'<img src=x onerror="alert(1)">'} />);
    expect(screen.getByText('<img src=x onerror="alert(1)">')).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('merges className and forwards its ref in both formats', () => {
    const markdownRef = createRef<HTMLDivElement>();
    const plainRef = createRef<HTMLDivElement>();
    render(
      <>
        <MessageText ref={markdownRef} text="md" className="custom-md" />
        <MessageText ref={plainRef} format="plain" text="plain" className="custom-plain" />
      </>,
    );
    expect(markdownRef.current).toHaveClass('custom-md');
    expect(markdownRef.current).toHaveAttribute('data-state', 'done');
    expect(plainRef.current).toHaveClass('custom-plain', 'whitespace-pre-wrap');
  });
});
