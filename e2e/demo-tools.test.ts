import { mockObjectFor } from '@streamkit/mock-backend';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoInChromium } from './demo-server.ts';

const session = useDemoInChromium();

async function open(hash = ''): Promise<Page> {
  const page = await session.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${session.url}${hash}`);
  return page;
}

describe('tools in the demo (Chromium)', () => {
  it('asks for approval, runs the tool in the browser once approved, and the model continues', async () => {
    const page = await open();
    await page.getByRole('textbox').fill('Delete the file notes.txt');
    await page.getByRole('textbox').press('Enter');

    const card = page.getByRole('group', { name: 'Tool call: deleteFile' });
    await card.getByRole('button', { name: /approve/i }).click({ timeout: 20_000 });
    await expect.poll(() => card.getAttribute('data-state'), { timeout: 10_000 }).toBe('output-available');
    await expect.poll(() => page.locator('[data-role="assistant"]').last().innerText(), { timeout: 20_000 }).toContain('Done: I deleted notes.txt.');
    await page.getByRole('button', { name: 'Send' }).waitFor();
    await page.close();
  });

  it('sends a denial back to the model', async () => {
    const page = await open();
    await page.getByRole('textbox').fill('Delete the file draft.md');
    await page.getByRole('textbox').press('Enter');
    const card = page.getByRole('group', { name: 'Tool call: deleteFile' });
    await card.getByRole('button', { name: /deny/i }).click({ timeout: 20_000 });
    await expect.poll(() => page.locator('[data-role="assistant"]').last().innerText(), { timeout: 20_000 }).toContain('I did not delete draft.md');
    expect(await card.getAttribute('data-state')).toBe('denied');
    await page.close();
  });

  it('runs the weather tool with its custom card and answers with the result', async () => {
    const page = await open();
    await page.getByRole('textbox').fill('What is the weather in Lisbon?');
    await page.getByRole('textbox').press('Enter');
    await page.locator('[data-slot="weather-card"]').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('[data-slot="weather-card"]').innerText(), { timeout: 20_000 }).toMatch(/°C/);
    await expect.poll(() => page.locator('[data-role="assistant"]').last().innerText(), { timeout: 20_000 }).toMatch(/in Lisbon\./);
    await page.close();
  });
});

describe('structured output in the demo (Chromium)', () => {
  it('fills the form as the object streams, then lets the user edit and submit it', async () => {
    const page = await open('#structured');
    await page.getByRole('button', { name: 'Trip itinerary' }).click();
    const form = page.getByRole('form', { name: 'Trip itinerary' });

    // Mid-stream: some field is being written while others are still pending.
    await expect.poll(() => form.locator('[data-state="writing"]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const expected = mockObjectFor({ scenario: 'itinerary', prompt: 'Plan a three-day trip to Lisbon' }) as { destination: string; days: unknown[] };

    // Finished: fields turn into inputs holding the streamed values.
    const destination = form.getByLabel('Destination');
    await expect.poll(() => destination.inputValue(), { timeout: 60_000 }).toBe(expected.destination);
    await destination.fill('Porto');
    await form.getByRole('button', { name: 'Submit' }).click();
    const submitted = JSON.parse(await page.getByTestId('submitted').innerText()) as { destination: string; days: unknown[] };
    expect(submitted.destination).toBe('Porto');
    expect(submitted.days).toEqual(expected.days);
    await page.close();
  });

  it('shows a schema mismatch as an error and keeps the fields editable', async () => {
    const page = await open('#structured');
    await page.getByRole('button', { name: 'Schema mismatch' }).click();
    await expect.poll(() => page.getByText(/does not match the schema/).count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('form', { name: 'Schema mismatch' }).getByLabel('Destination').isEditable()).toBe(true);
    await page.close();
  });
});
