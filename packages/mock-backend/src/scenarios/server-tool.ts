import { subjectOf } from './subject.ts';
import type { Scenario } from './types.ts';

/**
 * `server-tool`: the provider runs `webSearch` itself (`providerExecuted`). Its input streams, then the
 * search takes `serverToolPauseMs` with nothing but keepalives on the wire, then its results arrive and
 * the answer that uses them.
 */
export const serverToolScenario: Scenario = ({ prompt }) => {
  const query = subjectOf(prompt);
  const q = encodeURIComponent(query);
  const results = [
    { title: `${query} – overview`, url: `https://en.wikipedia.org/wiki/Special:Search?search=${q}`, snippet: `A general introduction to ${query}.` },
    { title: `${query} explained`, url: `https://www.britannica.com/search?query=${q}`, snippet: `The key ideas behind ${query}, briefly.` },
    { title: `Recent news on ${query}`, url: `https://news.google.com/search?q=${q}`, snippet: `What changed lately around ${query}.` },
  ];
  const titles = results.map((result) => `“${result.title}”`);
  const text = `I searched the web for “${query}” and found ${results.length} results: ${titles.slice(0, -1).join(', ')} and ${titles.at(-1)}. In short, ${query} is well covered, and the overview is the best place to start.`;
  return {
    beats: [
      { type: 'server-tool', toolName: 'webSearch', input: { query }, output: { results } },
      { type: 'text', text },
    ],
    finishReason: 'stop',
  };
};
