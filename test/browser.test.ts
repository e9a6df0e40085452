/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../src/api/server.js';
import { storeDocument } from '../src/pipeline/store-document.js';
import { repoRoot } from '../src/reference/paths.js';
import { migrate, openStore, type Store } from '../src/store/connect.js';
import { chromiumAvailable, launchChromium } from './helpers/browser.js';
import { seedDocument, seedFiles, textDocument } from './helpers/documents.js';

const screenshots = join(repoRoot, 'test-results', 'screenshots');
const hostile = [
  'Hostile page',
  '<script>window.__xss = 1; alert("script ran")</script>',
  'Peru got $5 billion <img src=x onerror="window.__xss = 2; alert(\'img ran\')"> in 2024.',
].join('\n');

describe.skipIf(!chromiumAvailable())('web app in Chromium', () => {
  let dir: string;
  let store: Store;
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let base: string;
  let hostileId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'puente-web-'));
    store = openStore({ sqlitePath: join(dir, 'web.db') });
    await migrate(store.db);
    for (const name of seedFiles) await storeDocument(store.db, seedDocument(name));
    hostileId = (await storeDocument(store.db, textDocument(hostile, 'hostile.txt'))).sourceId;
    server = await startServer(store, 0, { hostname: '127.0.0.1' });
    base = `http://127.0.0.1:${server.port}`;
    browser = await launchChromium();
    mkdirSync(screenshots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the sources, opens seed 000 and shows $596.2 billion highlighted, repeats greyed', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base);
    await page.getByRole('heading', { name: 'Sources' }).waitFor();
    await page.screenshot({ path: join(screenshots, 'sources.png'), fullPage: true });
    await page.locator('a.source-link').filter({ hasText: 'Chancay Port' }).click();

    const mark = page.locator('mark.claim', { hasText: '$596.2 billion' });
    await mark.waitFor();
    expect(await mark.count()).toBe(1);
    expect(await mark.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    expect(new URL(page.url()).pathname).toMatch(/^\/sources\/s_/);

    const duplicates = page.locator('p.para.duplicate');
    expect(await duplicates.count()).toBeGreaterThan(10);
    // A repeated paragraph is shown, greyed, and carries no highlight of its own.
    expect(await duplicates.locator('mark.claim').count()).toBe(0);
    expect(await duplicates.first().evaluate((el) => getComputedStyle(el).color)).not.toBe(
      await page
        .locator('p.para:not(.duplicate)')
        .first()
        .evaluate((el) => getComputedStyle(el).color),
    );

    await mark.click();
    await expect
      .poll(() => page.locator('.claim-list li.selected').textContent())
      .toContain('596,200,000,000 USD');
    await page.screenshot({ path: join(screenshots, 'source-000.png'), fullPage: true });

    await page.goBack();
    await page.getByRole('heading', { name: 'Sources' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows hostile document text as text and runs none of it', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await page.goto(`${base}/sources/${hostileId}`);
    await page.locator('mark.claim', { hasText: '$5 billion' }).waitFor();
    const text = await page.locator('.text').innerText();
    expect(text).toContain('<script>window.__xss = 1;');
    expect(text).toContain('<img src=x onerror=');
    expect(await page.locator('.text script, .text img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: join(screenshots, 'hostile.png'), fullPage: true });
    await page.close();
  });

  it('says so when a source does not exist', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/sources/s_nothing`);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/source s_nothing not found/);
    await page.close();
  });
});
