import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDemoInChromium } from './demo-server.ts';

const session = useDemoInChromium();
let page: Page;

beforeAll(async () => {
  page = await session.browser.newPage();
  await page.goto(session.url);
});

const assistantText = () => page.locator('[data-role="assistant"]').last();

describe('the demo in Chromium', () => {
  it('shows the typing indicator, streams text, and keeps the partial reply after Stop', async () => {
    const input = page.getByRole('textbox');
    await input.fill('Explain server-sent events');
    await input.press('Enter');

    await expect.poll(() => page.getByRole('status').count()).toBeGreaterThan(0);
    await page.getByRole('status').first().waitFor({ state: 'visible' });

    await expect.poll(async () => (await assistantText().innerText()).length, { timeout: 10_000 }).toBeGreaterThan(20);
    const early = (await assistantText().innerText()).length;
    await expect.poll(async () => (await assistantText().innerText()).length, { timeout: 10_000 }).toBeGreaterThan(early);

    await page.getByRole('button', { name: 'Stop' }).click();
    const kept = await assistantText().innerText();
    expect(kept.length).toBeGreaterThan(early);

    // Nothing arrives after Stop, and the composer is ready for the next message.
    await page.waitForTimeout(500);
    expect(await assistantText().innerText()).toBe(kept);
    await page.getByRole('button', { name: 'Send' }).waitFor();
    await input.fill('And another question');
    expect(await page.getByRole('button', { name: 'Send' }).isEnabled()).toBe(true);
  });
});
