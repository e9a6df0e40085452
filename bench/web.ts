// `npm run bench:web`: the time until the dashboard and the map (all ~1,200 bundled GCDF projects) are
// interactive in Chromium on localhost, and the JavaScript the first page loads (gzip). A fresh SQLite
// database gets the registry, the bundled samples and the whole bundled GCDF file, as on a first `npm start`;
// the built app is served by the same server as `puente serve`. Each page is opened `--runs` times in a new
// browser context (cold cache); the median is printed. Named baseline in the same run: the sources list, the
// app's only page before the web app grew (one small API call, no chart, no map).
// "Interactive" is when the page's content is drawn (dashboard: indicator cards and both ranked tables; map:
// its points or clusters) and a click on it is handled (the map: zoom in, redrawn).
// Options: --runs N (default 5).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer } from '../src/api/server.js';
import { readyStore } from '../src/cli/ready.js';
import { buildWebApp, webBuildIsStale } from '../src/cli/web-build.js';
import { importGcdf } from '../src/import/gcdf.js';
import { ingestPaths } from '../src/pipeline/ingest-paths.js';
import { dataDir, repoRoot } from '../src/reference/paths.js';
import { openStore } from '../src/store/connect.js';
import { launchChromium } from '../test/helpers/browser.js';
import { firstPageLine } from '../web/build-size.js';

const at = process.argv.indexOf('--runs');
const runs = at >= 0 ? Number(process.argv[at + 1]) : 5;
if (!Number.isInteger(runs) || runs <= 0) throw new Error('--runs takes a positive whole number');

const dist = join(repoRoot, 'web', 'dist');
if (webBuildIsStale()) await buildWebApp();

const dir = mkdtempSync(join(tmpdir(), 'puente-bench-web-'));
const store = openStore({ sqlitePath: join(dir, 'web.db') });
await readyStore(store);
await ingestPaths(store.db, [join(dataDir, 'samples')], {
  recursive: false,
  maxBytes: 20 * 2 ** 20,
  workers: 0,
});
const imported = await importGcdf(store.db, join(dataDir, 'gcdf3-lac'));
const server = await startServer(store, 0, { hostname: '127.0.0.1' });
const base = `http://127.0.0.1:${server.port}`;
const points = (await (await fetch(`${base}/api/v1/projects/points`)).json()) as { items: unknown[] };
console.log(
  `data: ${imported.length} GCDF records imported, ${points.items.length} located projects on the map; ${runs} runs per page`,
);

type Ready = (page: Page) => Promise<void>;
const pages: [name: string, path: string, ready: Ready][] = [
  [
    'baseline: sources list',
    '/sources',
    async (page) => {
      await page.locator('a.source-link').first().waitFor();
      await page.getByRole('button', { name: 'Dataset records' }).click();
      await page.getByText(/dataset records \(AidData/).waitFor();
    },
  ],
  [
    'dashboard',
    '/',
    async (page) => {
      await page.locator('.indicator-card').first().waitFor();
      await page.locator('table.bars').nth(1).locator('tbody tr').first().waitFor();
      await page.locator('.source-list li').first().waitFor();
    },
  ],
  [
    'map, all projects',
    '/map',
    async (page) => {
      await page.locator('.map-svg .cluster, .map-svg .point').first().waitFor();
      const before = await page.locator('.map-svg .point').count();
      await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
      await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
      await page.waitForFunction((n) => document.querySelectorAll('.map-svg .point').length !== n, before);
    },
  ],
];

async function timeOnce(browser: Browser, path: string, ready: Ready): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(base + path, { waitUntil: 'commit' });
  await ready(page);
  const ms = performance.now() - started;
  await context.close();
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const browser = await launchChromium();
try {
  for (const [, path, ready] of pages) await timeOnce(browser, path, ready); // warm-up: server caches, disk
  console.log('\npage                      | median ms | min ms | max ms | target');
  console.log('------------------------- | --------: | -----: | -----: | ------');
  for (const [name, path, ready] of pages) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await timeOnce(browser, path, ready));
    const target = name.startsWith('baseline') ? '' : '<= 1500';
    console.log(
      `${name.padEnd(25)} | ${median(times).toFixed(0).padStart(9)} | ${Math.min(...times)
        .toFixed(0)
        .padStart(6)} | ${Math.max(...times)
        .toFixed(0)
        .padStart(6)} | ${target}`,
    );
  }
} finally {
  await browser.close();
  await server.close();
  await store.close();
}

console.log(`\n${firstPageLine(dist)}`);
rmSync(dir, { recursive: true, force: true });
