import { describe, expect, it } from 'vitest';
import { pickScenario } from './pick-scenario.ts';

describe('pickScenario', () => {
  it.each([
    ['Think about owls', 'reasoning'],
    ['Can you reason it out?', 'reasoning'],
    ['Explain recursion step by step', 'reasoning'],
    ['What is the WEATHER in Oslo?', 'weather'],
    ['Please calculate my rent share', 'calculator'],
    ['what is 12 * 7', 'calculator'],
    ['Compare Oslo and Paris', 'parallel'],
    ['Run these in parallel', 'parallel'],
    ['Delete /tmp/a.txt', 'approval'],
    ['This needs approval', 'approval'],
    ['Research the history of tea', 'multi-step'],
    ['Do a multi-step plan', 'multi-step'],
    ['Cite your claims', 'citations'],
    ['Give me sources on tides', 'citations'],
    ['Search the web for SSE', 'server-tool'],
    ['Use the slow tool', 'server-tool'],
    ['Tell me about tides', 'text'],
    ['', 'text'],
  ])('%s → %s', (prompt, scenario) => {
    expect(pickScenario(prompt)).toBe(scenario);
  });

  it('lets the first row of the table win when a prompt has keywords of several scenarios', () => {
    expect(pickScenario('Compare the weather in Oslo and Paris')).toBe('parallel');
    expect(pickScenario('Think about the weather')).toBe('weather');
    expect(pickScenario('Search the web and cite sources')).toBe('server-tool');
  });

  it('does not take ranges, dates or hyphenated words for arithmetic', () => {
    expect(pickScenario('Give me 2-3 ideas')).toBe('text');
    expect(pickScenario('What happened on 2024/05/01?')).toBe('text');
  });
});
