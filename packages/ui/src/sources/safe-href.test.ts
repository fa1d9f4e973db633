import { describe, expect, it } from 'vitest';
import { safeHref } from './safe-href.ts';

describe('safeHref', () => {
  it('keeps https: and http: URLs', () => {
    expect(safeHref('https://example.com/a?b=1#c')).toBe('https://example.com/a?b=1#c');
    expect(safeHref('http://example.com')).toBe('http://example.com/');
  });

  it('refuses javascript: URLs, whatever their case or hidden whitespace', () => {
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('JavaScript:alert(1)')).toBeUndefined();
    expect(safeHref(' javascript:alert(1)')).toBeUndefined();
    expect(safeHref('java\tscript:alert(1)')).toBeUndefined();
    expect(safeHref('\u0000javascript:alert(1)')).toBeUndefined();
  });

  it('refuses data: URLs', () => {
    expect(safeHref('data:text/html,<script>alert(1)</script>')).toBeUndefined();
  });

  it('refuses vbscript: URLs', () => {
    expect(safeHref('vbscript:msgbox(1)')).toBeUndefined();
  });

  it('refuses other schemes such as file: and mailto:', () => {
    expect(safeHref('file:///etc/passwd')).toBeUndefined();
    expect(safeHref('mailto:a@example.com')).toBeUndefined();
  });

  it('refuses relative URLs', () => {
    expect(safeHref('/admin')).toBeUndefined();
    expect(safeHref('docs/page.html')).toBeUndefined();
  });

  it('refuses protocol-relative URLs', () => {
    expect(safeHref('//evil.example.com/x')).toBeUndefined();
  });

  it('refuses undefined and the empty string', () => {
    expect(safeHref(undefined)).toBeUndefined();
    expect(safeHref('')).toBeUndefined();
  });
});
