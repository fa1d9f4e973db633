import { mockReplyText } from '@streamkit/mock-backend';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoInChromium } from './demo-server.ts';

/** Drop, stall and stop in Chromium against the demo: in each the final text equals the fault-free reply. */
const session = useDemoInChromium();

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();
const replyText = (page: Page) => page.locator('[data-role="assistant"] [data-slot="message-text"]').last().innerText();

async function ask(query: string, prompt: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.goto(`${session.url}${query}`);
  await page.getByRole('textbox').fill(prompt);
  await page.getByRole('textbox').press('Enter');
  return page;
}

describe('the demo survives faults in Chromium', () => {
  it('resumes after the connection drops mid-reply', async () => {
    const prompt = 'Explain dropped connections';
    const page = await ask('?fault=drop-after-events=12', prompt);
    await page.getByRole('button', { name: 'Send' }).waitFor({ timeout: 30_000 });
    expect(normalize(await replyText(page))).toBe(normalize(mockReplyText(prompt)));
    expect(await page.locator('[data-slot="stream-metrics"]').innerText()).toMatch(/reconnect/i);
    await page.close();
  });

  it('waits out a stall and completes', async () => {
    const prompt = 'Explain stalled proxies';
    const page = await ask('?fault=stall=1500', prompt);
    await page.getByRole('button', { name: 'Send' }).waitFor({ timeout: 30_000 });
    expect(normalize(await replyText(page))).toBe(normalize(mockReplyText(prompt)));
    await page.close();
  });

  it('keeps exactly what arrived when stopped, and the next message works', async () => {
    const prompt = 'Explain stopping a stream';
    const page = await ask('', prompt);
    await expect.poll(async () => (await replyText(page)).length, { timeout: 10_000 }).toBeGreaterThan(15);
    await page.getByRole('button', { name: 'Stop' }).click();
    const kept = normalize(await replyText(page));
    expect(normalize(mockReplyText(prompt)).startsWith(kept.replace(/…$/, ''))).toBe(true);
    await page.getByRole('textbox').fill('Explain server-sent events');
    await page.getByRole('textbox').press('Enter');
    await page.getByRole('button', { name: 'Send' }).waitFor({ timeout: 30_000 });
    expect(normalize(await replyText(page))).toBe(normalize(mockReplyText('Explain server-sent events')));
    await page.close();
  });
});
