import { describe, expect, it } from 'vitest';
import { createUrlTransform, safeImageSrc, safeLinkHref } from './safe-url.ts';

describe('safeLinkHref', () => {
  it.each(['https://example.com/a?b=1#c', 'http://example.com', 'mailto:someone@example.com'])('keeps %s', (url) => {
    expect(safeLinkHref(url)).toBe(new URL(url).href);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com',
  ])('refuses %j', (url) => {
    expect(safeLinkHref(url)).toBeUndefined();
  });

  it.each(['/relative/path', '//evil.example/x', '#fragment', 'page.html'])('refuses the relative URL %j', (url) => {
    expect(safeLinkHref(url)).toBeUndefined();
  });

  it('returns the URL as the browser will read it', () => {
    expect(safeLinkHref('HTTPS://Example.COM/a b')).toBe('https://example.com/a%20b');
  });
});

describe('safeImageSrc', () => {
  const allow = { origins: ['https://images.example.com', 'http://localhost:3000/'] };

  it('refuses every image when images are off', () => {
    expect(safeImageSrc('https://images.example.com/a.png', false)).toBeUndefined();
  });

  it('keeps an image whose origin is listed', () => {
    expect(safeImageSrc('https://images.example.com/a.png', allow)).toBe('https://images.example.com/a.png');
    expect(safeImageSrc('http://localhost:3000/x.png', allow)).toBe('http://localhost:3000/x.png');
  });

  it.each([
    'https://evil.example/a.png',
    'http://images.example.com/a.png',
    'https://images.example.com.evil.example/a.png',
    'data:image/png;base64,AAAA',
    'javascript:alert(1)',
    '/a.png',
  ])('refuses %j', (url) => {
    expect(safeImageSrc(url, allow)).toBeUndefined();
  });
});

describe('createUrlTransform', () => {
  const transform = createUrlTransform(false);
  const element = (tagName: string) => ({ type: 'element' as const, tagName, properties: {}, children: [] });

  it('vets link hrefs and drops every other URL attribute', () => {
    expect(transform('https://example.com', 'href', element('a'))).toBe('https://example.com/');
    expect(transform('javascript:alert(1)', 'href', element('a'))).toBeUndefined();
    expect(transform('https://example.com', 'cite', element('blockquote'))).toBeUndefined();
    expect(transform('https://example.com/a.png', 'src', element('img'))).toBeUndefined();
  });
});
