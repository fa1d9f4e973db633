import { subjectOf } from './subject.ts';
import type { Scenario } from './types.ts';

/** `citations`: an answer that cites three web pages as [1] [2] [3] and draws on one attached document. */
export const citationsScenario: Scenario = ({ prompt }) => {
  const topic = subjectOf(prompt);
  const query = encodeURIComponent(topic);
  const text =
    `${topic.charAt(0).toUpperCase()}${topic.slice(1)} is well documented [1]. ` +
    `The encyclopedia entry gives a balanced overview [2]. ` +
    `For the details, the research literature is the place to look [3]. ` +
    `The notes you attached say much the same.`;
  return {
    beats: [
      {
        type: 'text',
        text,
        sources: [
          { sourceType: 'url', url: `https://en.wikipedia.org/wiki/${encodeURIComponent(topic.replaceAll(' ', '_'))}`, title: `${topic} – Wikipedia` },
          { sourceType: 'url', url: `https://www.britannica.com/search?query=${query}`, title: `${topic} | Britannica` },
          { sourceType: 'url', url: `https://scholar.google.com/scholar?q=${query}`, title: `Scholarly articles on ${topic}` },
          { sourceType: 'document', title: `Notes on ${topic}`, mediaType: 'application/pdf', filename: 'notes.pdf' },
        ],
      },
    ],
    finishReason: 'stop',
  };
};
