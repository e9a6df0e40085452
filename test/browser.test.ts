/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../src/api/server.js';
import { importGcdf } from '../src/import/gcdf.js';
import { storeDocument } from '../src/pipeline/store-document.js';
import { repoRoot } from '../src/reference/paths.js';
import { addUser } from '../src/store/accounts.js';
import { readyStore } from '../src/cli/ready.js';
import { openStore, type Store } from '../src/store/connect.js';
import { chromiumAvailable, launchChromium } from './helpers/browser.js';
import { samplePath, seedDocument, seedFiles, textDocument } from './helpers/documents.js';
import { gcdfFolder, gcdfRows } from './helpers/gcdf.js';

const screenshots = join(repoRoot, 'test-results', 'screenshots');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const hostile = [
  'Hostile page',
  '<script>window.__xss = 1; alert("script ran")</script>',
  'Peru got $5 billion <img src=x onerror="window.__xss = 2; alert(\'img ran\')"> in 2024.',
].join('\n');
const password = 'correct horse battery staple';
const swapSentence =
  "The People's Bank of China and the Central Bank of Argentina renewed their currency swap line of 130 billion yuan on June 12, 2024.";

/** Whether the element is wholly inside the viewport. */
const onScreen = (element: Locator) =>
  element.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** The serious and critical accessibility violations axe-core finds on the page as it is now. */
async function axeProblems(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (c: Document) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.skipIf(!chromiumAvailable())('web app in Chromium', () => {
  let dir: string;
  let store: Store;
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let base: string;
  let hostileId: string;
  let seedId: string;
  let copyId: string;

  /** A new page that records script errors; `check` fails the test on any. */
  async function open(path: string): Promise<Page & { errors: string[] }> {
    const page = (await browser.newPage({ viewport: { width: 1280, height: 900 } })) as Page & {
      errors: string[];
    };
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(e.stack ?? e.message));
    page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
    await page.goto(base + path);
    return page;
  }
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'puente-web-'));
    store = openStore({ sqlitePath: join(dir, 'web.db') });
    await readyStore(store);
    const ids = [];
    for (const name of seedFiles) ids.push((await storeDocument(store.db, seedDocument(name))).sourceId);
    seedId = ids[0] ?? '';
    // A near copy of seed 000 (a syndicated version with a different last line).
    const copy = readFileSync(samplePath(seedFiles[0]), 'utf8') + '\nRepublished with permission.';
    copyId = (await storeDocument(store.db, textDocument(copy, 'syndicated-copy.txt'))).sourceId;
    hostileId = (await storeDocument(store.db, textDocument(hostile, 'hostile.txt'))).sourceId;
    // Written for this test: a story on Argentina's swap line, preceded by enough text that its sentence is far down.
    const filler = Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1} of background on trade.`);
    await storeDocument(
      store.db,
      textDocument(['Swap renewed', ...filler, swapSentence].join('\n\n'), 'https://example.org/swap.txt'),
    );
    await importGcdf(store.db, gcdfFolder(gcdfRows.slice(0, 80)));
    await addUser(store.db, 'editor', 'editor', password);
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

  const pages: [name: string, path: () => string, ready: string][] = [
    ['dashboard', () => '/', '.indicator-card'],
    ['map', () => '/map', '.map-svg .point, .map-svg .cluster'],
    ['projects', () => '/projects', 'table.projects tbody tr'],
    ['project', () => '/projects/project:port:chancay', 'table.properties tbody tr'],
    ['sources', () => '/sources', 'a.source-link'],
    ['source', () => `/sources/${seedId}`, 'mark.claim'],
    ['indicators', () => '/indicators', '.chart svg'],
    ['countries', () => '/countries', 'table.countries tbody tr'],
    ['country', () => '/countries/PE', '.chart svg'],
    ['commitments', () => '/commitments', '.tree-node'],
    ['review', () => '/review', 'form.sign-in'],
    ['search', () => '/search?q=chancay', '.search-results li'],
  ];

  it.each(pages)(
    '%s page renders, has no serious accessibility problem, and is saved as a screenshot',
    async (name, path, ready) => {
      const page = await open(path());
      await page.locator(ready).first().waitFor();
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.getByRole('search').count()).toBe(1);
      expect(await axeProblems(page)).toEqual([]);
      await shot(page, name);
      expect(page.errors).toEqual([]);
      await page.close();
    },
  );

  it('filters the projects by sector, sorts them by amount, and offers the selection as downloads', async () => {
    const page = await open('/projects');
    const count = page.locator('.list-head p').first();
    await count.waitFor();
    const before = Number((await count.innerText()).match(/^([\d,]+)/)?.[1]?.replace(/,/g, ''));
    await page.getByLabel('Sector').selectOption('HEALTH');
    await expect.poll(() => new URL(page.url()).searchParams.get('sector')).toBe('HEALTH');
    await expect
      .poll(async () => Number((await count.innerText()).match(/^([\d,]+)/)?.[1]?.replace(/,/g, '')))
      .toBeLessThan(before);
    const sectors = await page.locator('table.projects tbody tr td:nth-child(3)').allInnerTexts();
    expect(new Set(sectors)).toEqual(new Set(['Health']));
    const csv = await page.getByRole('link', { name: 'CSV' }).getAttribute('href');
    expect(csv).toBe('/api/v1/projects.csv?sector=HEALTH');
    const rows = (await (await fetch(base + csv)).text()).trim().split('\n').length - 1;
    expect(rows).toBe(sectors.length);

    await page.getByRole('button', { name: /Amount/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('amount');
    await page.getByRole('button', { name: /Amount/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('-amount');
    await expect.poll(() => page.locator('th[aria-sort="descending"]').count()).toBe(1);

    // Any Chinese participant: the option's count is the number the list then shows; Chinese parties and
    // others are listed apart.
    const participant = page.getByLabel('Participant');
    const any = participant.locator('option[value="chinese"]');
    const announced = Number((await any.innerText()).match(/\((\d[\d,]*)\)/)?.[1]?.replace(/,/g, ''));
    expect(announced).toBeGreaterThan(0);
    expect(
      await participant.locator('optgroup[label="Chinese participants"] option').count(),
    ).toBeGreaterThan(0);
    await participant.selectOption('chinese');
    await expect.poll(() => new URL(page.url()).searchParams.get('participant')).toBe('chinese');
    await expect
      .poll(async () => Number((await count.innerText()).match(/^([\d,]+)/)?.[1]?.replace(/,/g, '')))
      .toBe(announced);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('opens a project from the list and follows a quote to its exact span in the reader', async () => {
    const page = await open('/projects?q=chancay');
    await page.locator('a[data-project-id="project:port:chancay"]').click();
    await page.getByRole('heading', { name: 'Chancay Port', level: 1 }).waitFor();
    const quote = page.locator('table.properties a.quote').first();
    const claimId = await quote.getAttribute('data-claim-id');
    const words = (await quote.innerText()).replace(/[“”]/g, '');
    await quote.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('claim')).toBe(claimId);
    const mark = page.locator(`mark.claim.selected[data-claim-id="${claimId}"]`);
    await mark.first().waitFor();
    // The highlighted span is exactly the quoted words, and it is on screen.
    expect((await mark.allInnerTexts()).join('')).toBe(words);
    expect(await onScreen(mark.first())).toBe(true);
    await page.locator('.claim-detail').waitFor();
    expect(await page.locator('.claim-detail').innerText()).toContain('Chancay Port');
    await shot(page, 'evidence-span');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('draws located projects on the map, opens clusters, and opens a project from its point', async () => {
    const page = await open('/map');
    await page.locator('.map-svg .cluster, .map-svg .point').first().waitFor();
    const shown = await page.locator('.map-svg .point, .map-svg .cluster').count();
    expect(shown).toBeGreaterThan(3);
    const cluster = page.locator('.map-svg .cluster').first();
    if ((await cluster.count()) > 0) {
      const points = await page.locator('.map-svg .point').count();
      await cluster.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.map-svg .point').count()).toBeGreaterThan(points);
    }
    const point = page.locator('.map-svg a.point').first();
    const id = await point.getAttribute('data-project-id');
    await point.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => decodeURIComponent(new URL(page.url()).pathname)).toBe(`/projects/${id}`);
    await page.locator('.mini-map svg').waitFor();
    expect(page.errors).toEqual([]);
    await page.close();
  });

  /**
   * Goes into the map's largest cluster by keyboard until the largest one drawn is a stack (projects the deepest
   * zoom cannot part), and gives that stack.
   */
  async function findStack(page: Page): Promise<Locator> {
    const clusters = page.locator('.map-svg .cluster');
    await clusters.first().waitFor();
    for (let step = 0; step < 12; step++) {
      const counts = await clusters.evaluateAll((els) =>
        els.map((e) => Number(e.getAttribute('data-count'))),
      );
      expect(counts.length).toBeGreaterThan(0);
      const largest = clusters.nth(counts.indexOf(Math.max(...counts)));
      const id = await largest.getAttribute('data-cluster-id');
      if ((await largest.getAttribute('class'))?.split(' ').includes('stack'))
        return page.locator(`.map-svg .cluster[data-cluster-id="${id}"]`);
      await largest.focus();
      await page.keyboard.press('Enter');
      // Zooming into it draws other clusters (new ids) in its place.
      await expect.poll(() => page.locator(`.map-svg .cluster[data-cluster-id="${id}"]`).count()).toBe(0);
    }
    throw new Error('no stack found after 12 zooms');
  }

  it('lists the projects of a stack it cannot part, by keyboard, in the language, and opens one from the list', async () => {
    const page = await open('/map');
    const stack = await findStack(page);
    const id = await stack.getAttribute('data-cluster-id');
    const count = Number(await stack.getAttribute('data-count'));
    expect(count).toBeGreaterThan(1);
    expect(await stack.getAttribute('aria-label')).toMatch(/ · show the list$/);
    await stack.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `${count} projects at one point` });
    await dialog.waitFor();
    // Focus is in the list, which holds every project of the stack, largest amount first, then by name.
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    const links = dialog.locator('ol.stack-items a');
    const listed = await links.evaluateAll((els) => els.map((e) => e.getAttribute('data-project-id')));
    const points = (
      (await (await fetch(`${base}/api/v1/projects/points`)).json()) as {
        items: {
          id: string;
          name: string;
          latitude: number;
          longitude: number;
          amountUsd2021: number | null;
        }[];
      }
    ).items;
    const first = points.find((p) => p.id === listed[0]);
    const collator = new Intl.Collator('en');
    const expected = points
      .filter((p) => p.latitude === first?.latitude && p.longitude === first.longitude)
      .sort((a, b) => (b.amountUsd2021 ?? -1) - (a.amountUsd2021 ?? -1) || collator.compare(a.name, b.name))
      .map((p) => p.id);
    expect(listed).toEqual(expected);
    expect(listed).toHaveLength(count);
    expect(await dialog.locator('ol.stack-items li').first().innerText()).toMatch(
      /\$[\d.]+[KMB]? · placed at its province’s centre$/,
    );
    expect(await axeProblems(page)).toEqual([]);
    await shot(page, 'map-stack-list');
    // Escape closes it and gives focus back to the stack.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cluster-id'))).toBe(id);
    // In Spanish the same stack lists them with Spanish words and money.
    await page.getByRole('link', { name: 'Español' }).click();
    await expect.poll(() => stack.getAttribute('aria-label')).toMatch(/ · ver la lista$/);
    await stack.focus();
    await page.keyboard.press('Enter');
    const lista = page.getByRole('dialog', { name: `${count} proyectos en un mismo punto` });
    await lista.waitFor();
    expect(await lista.locator('.stack-summary').innerText()).toMatch(
      // Intl's Spanish: a decimal comma, "M" (millones) or "mil M", the currency after the figure.
      /\d(,\d)?\s(mil\s)?M\sUS\$ en total\./,
    );
    // A project of the list opens by keyboard, in the language: Tab from the heading, past the close button.
    const firstLink = lista.locator('ol.stack-items a').first();
    for (let tabs = 0; tabs < 3 && !(await firstLink.evaluate((a) => a === document.activeElement)); tabs++)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => decodeURIComponent(new URL(page.url()).pathname)).toBe(`/projects/${listed[0]}`);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('es');
    await page.locator('.mini-map svg').waitFor();
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('charts the PV capacity from 363 MW in 2019 to 1.4 GW in 2022 with its sources', async () => {
    const page = await open('/indicators');
    const indicator = page.locator('section.indicator', { hasText: 'solar PV' });
    await indicator.locator('.chart svg').first().waitFor();
    const table = await indicator.locator('.series-table').allInnerTexts();
    expect(table.join('\n')).toMatch(/2019\s+363 MW/);
    expect(table.join('\n')).toMatch(/2022\s+1\.4 GW/);
    expect(await indicator.locator('.chart [role="img"] circle').count()).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it('switches to Spanish and Portuguese, keeps the language in the URL, and formats numbers for it', async () => {
    const page = await open('/projects');
    await page.locator('table.projects tbody tr').first().waitFor();
    await page.getByRole('link', { name: 'Español' }).click();
    await page.getByRole('heading', { name: 'Proyectos', level: 1 }).waitFor();
    expect(new URL(page.url()).searchParams.get('lang')).toBe('es');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await page.locator('.list-head p').first().innerText()).toMatch(/^\d+ proyectos · suma /);
    // Links keep the language.
    await page
      .getByRole('navigation', { name: 'Secciones' })
      .getByRole('link', { name: 'Indicadores' })
      .click();
    await page.getByRole('heading', { name: 'Indicadores', level: 1 }).waitFor();
    expect(new URL(page.url()).searchParams.get('lang')).toBe('es');
    // Indicator names are made in the language from the indicator's measure, actor and place.
    const solar = page.locator('section.indicator', {
      has: page.getByRole('heading', {
        name: 'Capacidad solar fotovoltaica de China en América Latina y el Caribe',
      }),
    });
    const table = solar.locator('.series-table');
    await table.first().waitFor();
    expect((await table.allInnerTexts()).join('\n')).toMatch(/1,4 GW/);
    await page.getByRole('link', { name: 'Português' }).click();
    await page.getByRole('heading', { name: 'Indicadores', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Projetos' }).count()).toBe(1);
    await page.reload();
    await page.getByRole('link', { name: 'Projetos' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await shot(page, 'indicators-pt');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('signs an editor in and reviews claims with the keyboard, each with its revision history', async () => {
    const page = await open('/review');
    await page.getByLabel('User name').fill('editor');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).last().click();
    const first = page.locator('ol.queue li').first();
    await first.waitFor();
    const firstId = await first.getAttribute('data-claim-id');
    await page.locator('h1').click();
    await page.keyboard.press('a');
    await expect.poll(() => page.locator('.notice').innerText()).toContain(`Accepted ${firstId}`);
    const accepted = (await (await fetch(`${base}/api/v1/claims/${firstId}`)).json()) as {
      reviewState: string;
    };
    expect(accepted.reviewState).toBe('accepted');

    await page.keyboard.press('j');
    const second = await page.locator('ol.queue li.selected').getAttribute('data-claim-id');
    await page.keyboard.press('r');
    await expect.poll(() => page.locator('.notice').innerText()).toContain(`Rejected ${second}`);
    const rejected = (await (await fetch(`${base}/api/v1/claims/${second}`)).json()) as {
      reviewState: string;
    };
    expect(rejected.reviewState).toBe('rejected');

    // Edit the next one: its value changes and it is accepted, with the reason kept.
    const third = await page.locator('ol.queue li.selected').getAttribute('data-claim-id');
    await page.getByLabel('Why (optional, kept in the history)').fill('checked against the record');
    await page.locator('h1').click();
    await page.keyboard.press('e');
    const amount = page.locator('#edit-amount');
    await page.locator('form.edit-form').waitFor();
    const isAmount = (await amount.count()) > 0;
    if (isAmount) await amount.fill('42');
    else await page.locator('#edit-text').fill('edited by hand');
    await page.getByRole('button', { name: 'Save and accept' }).click();
    await expect.poll(() => page.locator('.notice').innerText()).toContain(`Edited and accepted ${third}`);
    const edited = (await (await fetch(`${base}/api/v1/claims/${third}`)).json()) as {
      reviewState: string;
      value: { amount?: number; text?: string; name?: string; value?: string };
      revisions: { action: string; why: string | null }[];
    };
    expect(edited.reviewState).toBe('accepted');
    expect([edited.value.amount, edited.value.text, edited.value.name, edited.value.value]).toContainEqual(
      isAmount ? 42 : 'edited by hand',
    );
    expect(edited.revisions.at(-1)).toMatchObject({ action: 'update', why: 'checked against the record' });

    await page.locator('section[aria-labelledby="done-heading"] summary').first().click();
    await expect
      .poll(() => page.locator('section[aria-labelledby="done-heading"] .revisions li').allInnerTexts())
      .toContainEqual(expect.stringMatching(/editor · update · “checked against the record”/));
    await shot(page, 'review-signed-in');
    expect(await axeProblems(page)).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('shows the commitments as a tree whose quotes open the reader at their span', async () => {
    const page = await open('/commitments');
    const five = page.locator('li.tree-node', { hasText: 'Five Major Projects' }).first();
    await five.waitFor();
    expect(await five.locator('li.tree-node').count()).toBe(5);
    const quote = five.locator('a.quote').first();
    const words = (await quote.innerText()).replace(/[“”]/g, '');
    await quote.click();
    const mark = page.locator('mark.claim.selected');
    await mark.first().waitFor();
    expect((await mark.allInnerTexts()).join('').toLowerCase()).toBe(words.toLowerCase());
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('lists the mechanisms named with a country, in its language, and opens the reader at the sentence', async () => {
    const page = await open('/countries/AR?lang=es');
    const swap = page.locator('ul.mechanisms > li[data-entity-id="mech:swap"]');
    await swap.waitFor();
    expect(await swap.locator('strong').first().innerText()).toBe('Swap bilateral de monedas');
    const text = await swap.innerText();
    expect(text).toContain('Mecanismo financiero');
    expect(text).toMatch(/Última cifra: 130[^\n]*(CNY|CN¥)/);
    expect(await axeProblems(page)).toEqual([]);
    await shot(page, 'country-mechanisms-es');
    const quote = swap.locator('a.quote').first();
    const words = (await quote.innerText()).replace(/[“”]/g, '');
    expect(words).toBe(swapSentence);
    await quote.click();
    // The reader underlines exactly that sentence, on screen, with its figure selected; the language stays.
    const passage = page.locator('.reader .passage');
    await passage.first().waitFor();
    expect((await passage.allInnerTexts()).join('')).toBe(swapSentence);
    expect(await onScreen(passage.first())).toBe(true);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('es');
    await page.locator('.claim-detail').waitFor();
    expect(await page.locator('.claim-detail blockquote').innerText()).toContain('130 billion yuan');
    // Commitments are named in the language too.
    await page.goto(base + '/commitments?lang=pt');
    await page
      .locator('li.tree-node strong', { hasText: 'Plano de Ação Conjunto China-CELAC 2025-2027' })
      .waitFor();
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('searches from the header of any page', async () => {
    const page = await open('/countries');
    await page.getByRole('searchbox').fill('Chancay');
    await page.keyboard.press('Enter');
    await page.locator('.search-results li').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/search');
    expect(await page.locator('.search-results').innerText()).toContain('Chancay Port');
    await page.close();
  });

  it('marks repeated paragraphs and lists the near copy of a story', async () => {
    const page = await open(`/sources/${seedId}`);
    await page.locator('mark.claim').first().waitFor();
    const duplicates = page.locator('p.para.duplicate');
    expect(await duplicates.count()).toBeGreaterThan(10);
    expect(await duplicates.locator('mark.claim').count()).toBe(0);
    await page.locator('.copies').waitFor();
    expect(await page.locator(`.copies a[href^="/sources/${copyId}"]`).count()).toBe(1);
    await page.locator(`.copies a[href^="/sources/${copyId}"]`).click();
    await expect.poll(() => page.locator('.copies').innerText()).toMatch(/Near-duplicate|Word-for-word/);
    await page.close();
  });

  it('shows hostile document text as text and runs none of it', async () => {
    const page = await open(`/sources/${hostileId}`);
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await page.locator('mark.claim', { hasText: '$5 billion' }).waitFor();
    const text = await page.locator('.text').innerText();
    expect(text).toContain('<script>window.__xss = 1;');
    expect(text).toContain('<img src=x onerror=');
    expect(await page.locator('.text script, .text img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await shot(page, 'hostile');
    await page.close();
  });

  it('says so when a source or a page does not exist', async () => {
    const page = await open('/sources/s_nothing');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/source s_nothing not found/);
    await page.goto(`${base}/nowhere?lang=pt`);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Não há página em \/nowhere/);
    await page.close();
  });
});
