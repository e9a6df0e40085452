import { readyStore } from './ready.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { badRequest } from '../domain/errors.js';
import { loadLimitsFrom, type LoadLimits, type LoadOptions } from '../api/load-limit.js';
import { startServer } from '../api/server.js';
import { LoginLimiter } from '../auth/login-limiter.js';
import { ingestPaths } from '../pipeline/ingest-paths.js';
import { dataDir } from '../reference/paths.js';
import { openStore, type Store } from '../store/connect.js';
import { getMeta, setMeta } from '../store/meta.js';
import { runGcdfImport } from './import-command.js';
import { resultLine, summarize } from './ingest-command.js';
import { say, warn } from './output.js';
import { buildWebApp, webBuildIsStale } from './web-build.js';

/** The port from --port, else PORT, else 8080. */
export function portFrom(option: string | undefined, env = process.env): number {
  const raw = option ?? env.PORT ?? '8080';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw badRequest(`invalid port "${raw}"`, 'give a whole number from 0 to 65535');
  }
  return port;
}

/** On a database's first start, ingests the bundled sample documents once; later starts skip it. */
export async function loadSamplesOnce(store: Store): Promise<void> {
  if (await getMeta(store.db, 'samples_loaded')) return;
  say('first start: ingesting the bundled samples from data/samples');
  const folder = join(dataDir, 'samples');
  // The folder's README is the samples' origin note, not a sample.
  const files = readdirSync(folder)
    .filter((name) => name !== 'README.md' && !name.startsWith('.'))
    .sort()
    .map((name) => join(folder, name));
  const results = await ingestPaths(store.db, files);
  for (const r of results) (r.status === 'failed' ? warn : say)(resultLine(r));
  const { failed } = summarize(results);
  if (failed === 0) await setMeta(store.db, 'samples_loaded', new Date().toISOString());
}

/** On a database's first start, imports the bundled GCDF 3.0 LAC records once (about 10 s); later starts skip it. */
export async function loadGcdfOnce(store: Store): Promise<void> {
  if (await getMeta(store.db, 'gcdf_loaded')) return;
  say('first start: importing AidData GCDF 3.0 LAC records from data/gcdf3-lac');
  const { summary } = await runGcdfImport(store, join(dataDir, 'gcdf3-lac'), true);
  if (summary.failed === 0) await setMeta(store.db, 'gcdf_loaded', new Date().toISOString());
}

/** How many reverse proxies to trust for X-Forwarded-For: --trust-proxy, else PUENTE_TRUST_PROXY, else none. */
export function trustProxyFrom(option: string | undefined, env = process.env): number {
  const raw = option ?? env.PUENTE_TRUST_PROXY ?? '0';
  const hops = Number(raw);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10)
    throw badRequest(
      `invalid --trust-proxy "${raw}"`,
      'give how many reverse proxies stand in front of Puente (0 to 10; 1 for one nginx or Caddy)',
    );
  return hops;
}

const trustProxyHelp =
  'reverse proxies in front whose X-Forwarded-For to trust for the sign-in throttle (default: PUENTE_TRUST_PROXY or 0)';

// The load-limit options of `serve` and `start` (README, "Load limits").
const maxDownloads = [
  '--max-downloads <n>',
  'downloads answered at once (default: PUENTE_MAX_DOWNLOADS, else 4 on SQLite, 8 on PostgreSQL)',
] as const;
const maxSearches = [
  '--max-searches <n>',
  'searches answered at once (default: PUENTE_MAX_SEARCHES, else 4 on SQLite, 16 on PostgreSQL)',
] as const;
const downloadTimeLimit = [
  '--download-time-limit <seconds>',
  'the longest a download may stream (default: PUENTE_DOWNLOAD_TIME_LIMIT or 300)',
] as const;

async function serveUntilStopped(store: Store, port: number, trustProxy: number, load: Partial<LoadLimits>) {
  const server = await startServer(store, port, { limiter: new LoginLimiter({ trustProxy }), load });
  say(`Puente is serving on http://localhost:${server.port} (${store.backend}: ${store.location})`);
  const stop = async () => {
    await server.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** `puente serve` (API and web app) and `puente start` (first-run setup, web build if needed, then serve). */
export function registerServe(program: Command) {
  program
    .command('serve')
    .description('serve the API and the web app on an existing database')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 8080)')
    .option('--trust-proxy <hops>', trustProxyHelp)
    .option(...maxDownloads)
    .option(...maxSearches)
    .option(...downloadTimeLimit)
    .action(async (opts: { port?: string; trustProxy?: string } & LoadOptions) => {
      const port = portFrom(opts.port);
      const trustProxy = trustProxyFrom(opts.trustProxy);
      const load = loadLimitsFrom(opts);
      const store = openStore();
      await readyStore(store);
      await serveUntilStopped(store, port, trustProxy, load);
    });

  program
    .command('start')
    .description(
      'create and migrate the database, load the samples on first start, build the web app if needed, serve',
    )
    .option('-p, --port <port>', 'port to listen on (default: PORT or 8080)')
    .option('--trust-proxy <hops>', trustProxyHelp)
    .option(...maxDownloads)
    .option(...maxSearches)
    .option(...downloadTimeLimit)
    .action(async (opts: { port?: string; trustProxy?: string } & LoadOptions) => {
      const port = portFrom(opts.port);
      const trustProxy = trustProxyFrom(opts.trustProxy);
      const load = loadLimitsFrom(opts);
      const store = openStore();
      const applied = await readyStore(store);
      if (applied.length > 0) say(`database ready: ${store.location} (applied ${applied.join(', ')})`);
      await loadGcdfOnce(store);
      await loadSamplesOnce(store);
      if (webBuildIsStale()) {
        say('building the web app (web/dist)...');
        await buildWebApp();
      }
      await serveUntilStopped(store, port, trustProxy, load);
    });

  program
    .command('db')
    .description('database maintenance')
    .command('migrate')
    .description('bring the database schema up to date')
    .action(async () => {
      const store = openStore();
      try {
        const applied = await readyStore(store);
        say(
          applied.length
            ? `applied ${applied.join(', ')} (${store.location})`
            : `up to date (${store.location})`,
        );
      } finally {
        await store.close();
      }
    });
}
