// Sample answers shared by the markdown tests and stories; not part of the public API.

/** A short answer with one of each construct that streams badly when rendered naively. */
export const constructsSample = `## Streaming **Markdown**

Some **bold text**, some _italic text_, some *starred words*, ~~struck~~ and \`inline code\` with a [link](https://example.com/docs_page?a=1) inside.

| Name | Value |
| :--- | ---: |
| **alpha** | \`1\` |
| beta | [docs](https://example.com/b) |

- first **item**
- second _item_
  - nested \`code\`

1. one
2. two

- [x] done task
- [ ] open task

\`\`\`js
const answer = 42;
console.log(answer);
\`\`\`

> A quote with **weight**.

Visit https://example.org for more.`;

const paragraph = (n: number) =>
  `Paragraph ${n} explains how streaming works: the server **flushes** each token, the client _appends_ it, and only the \`last block\` is parsed again. See [the spec](https://example.com/spec/${n}) for details.`;

const list = (n: number) =>
  Array.from({ length: 6 }, (_, i) => `- Item ${n}.${i} with **emphasis** and \`code\``).join('\n');

const code = (n: number) =>
  `\`\`\`ts\n${Array.from({ length: 8 }, (_, i) => `const value${n}_${i} = compute(${i}); // step ${i}`).join('\n')}\n\`\`\``;

const table = (n: number) =>
  `| Step | Cost |\n| --- | ---: |\n${Array.from({ length: 4 }, (_, i) => `| ${n}.${i} | ${i * 10} ms |`).join('\n')}`;

/** A long answer of about `kilobytes` KB: headings, paragraphs, lists, tables and code blocks. */
export function longAnswer(kilobytes: number): string {
  const sections: string[] = [];
  let length = 0;
  for (let n = 1; length < kilobytes * 1024; n += 1) {
    const section = [`### Section ${n}`, paragraph(n), list(n), n % 2 === 0 ? code(n) : table(n), paragraph(n + 0.5)].join('\n\n');
    sections.push(section);
    length += section.length + 2;
  }
  return sections.join('\n\n');
}
