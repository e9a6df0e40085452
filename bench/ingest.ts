// `npm run bench:ingest`: builds the planted corpus of bench/ingest-corpus.ts (default 20,000 Markdown documents,
// variations of the dev passages with 10% near-copies and 2% exact copies), writes it to a temporary folder, and
// ingests the folder into a fresh SQLite database with the same code as `puente ingest` (read, extract, store,
// one transaction per document). Prints documents/s, MiB/s, peak RSS, and the precision and recall of the
// near-duplicate links stored in the database against the planted truth. In the same run, a named baseline:
// the same code without worker threads (`--workers 0`) over the first 2,000 documents.
// Options: --docs N (default 20000).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestPaths } from '../src/pipeline/ingest-paths.js';
import { defaultWorkers } from '../src/pipeline/prepare-pool.js';
import { migrate, openStore } from '../src/store/connect.js';
import { buildCorpus, markdown } from './ingest-corpus.js';

const MiB = 1024 * 1024;
const at = process.argv.indexOf('--docs');
const count = at >= 0 ? Number(process.argv[at + 1]) : 20_000;
if (!Number.isInteger(count) || count <= 0) throw new Error('--docs takes a positive whole number');

const corpus = buildCorpus({ documents: count });
const dir = mkdtempSync(join(tmpdir(), 'puente-bench-ingest-'));
const docsDir = join(dir, 'docs');
let bytes = 0;
{
  mkdirSync(docsDir);
  for (const doc of corpus.documents) {
    const text = markdown(doc);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(docsDir, doc.name), text);
  }
}
console.log(
  `corpus: ${corpus.documents.length} documents, ${(bytes / MiB).toFixed(1)} MiB, ` +
    `${[...corpus.truth.values()].filter((t) => t.kind === 'near').length} near-copies and ` +
    `${[...corpus.truth.values()].filter((t) => t.kind === 'exact').length} exact copies planted`,
);

/** One ingest of a folder into a fresh SQLite database: seconds, peak RSS and the results. */
async function run(folder: string, workers: number) {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  const dbPath = join(dir, `bench-${workers}-${Date.now()}.db`);
  const store = openStore({ sqlitePath: dbPath });
  await migrate(store.db);
  const started = process.hrtime.bigint();
  let done = 0;
  const results = await ingestPaths(store.db, [folder], {
    recursive: false,
    maxBytes: 20 * MiB,
    workers,
    onResult: () => {
      done++;
      if (process.stderr.isTTY && done % 250 === 0) process.stderr.write(`\r${done} documents`);
    },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (process.stderr.isTTY) process.stderr.write('\r');
  clearInterval(sampler);
  await store.close();
  return { seconds, peak, results };
}

const workers = defaultWorkers();
const main = await run(docsDir, workers);
const { results, seconds, peak } = main;

// The baseline: the same code without worker threads, on the first documents only (it is the slow one).
const baselineCount = Math.min(count, 2000);
const baselineDir = join(dir, 'baseline');
mkdirSync(baselineDir);
let baselineBytes = 0;
for (const doc of corpus.documents.slice(0, baselineCount)) {
  const text = markdown(doc);
  baselineBytes += Buffer.byteLength(text);
  writeFileSync(join(baselineDir, doc.name), text);
}
const baseline = await run(baselineDir, 0);

// The links made, against the planted families: a stored near-duplicate link, or a file recognised as bytes
// already stored (`unchanged`, which names the source it repeats).
const nameOf = new Map<string, string>();
for (const r of results)
  if (r.status === 'ingested')
    nameOf.set(r.sourceId, String(r.path).split('/').at(-1)?.replace(/\.md$/, '') ?? '');
const family = (id: string) => corpus.truth.get(id)?.of ?? id;
let links = 0;
let right = 0;
let recalled = 0;
let unchanged = 0;
for (const r of results) {
  const id = String(r.path).split('/').at(-1)?.replace(/\.md$/, '') ?? '';
  const to = r.status === 'unchanged' ? r.sourceId : r.status === 'ingested' ? r.duplicateOf : null;
  if (r.status === 'unchanged') unchanged++;
  if (!to) continue;
  links++;
  const same = family(nameOf.get(to) ?? '') === family(id);
  if (same) right++;
  if (same && corpus.truth.has(id)) recalled++;
}
const planted = corpus.truth.size;
const failed = results.filter((r) => r.status === 'failed');
console.log(
  [
    `puente ingest, ${workers} worker threads: ${count} documents in ${seconds.toFixed(1)} s: ` +
      `${(count / seconds).toFixed(0)} docs/s, ${(bytes / MiB / seconds).toFixed(2)} MiB/s, peak RSS ${(peak / MiB).toFixed(0)} MiB`,
    `baseline, no worker threads:  ${baselineCount} documents in ${baseline.seconds.toFixed(1)} s: ` +
      `${(baselineCount / baseline.seconds).toFixed(0)} docs/s, ${(baselineBytes / MiB / baseline.seconds).toFixed(2)} MiB/s, ` +
      `peak RSS ${(baseline.peak / MiB).toFixed(0)} MiB`,
    `near-duplicates: ${links} links (${unchanged} of them byte-identical files reported unchanged), ` +
      `precision ${(links ? right / links : 1).toFixed(4)}, recall ${(recalled / planted).toFixed(4)} (${planted} planted)`,
    failed.length ? `failed: ${failed.length} (first: ${JSON.stringify(failed[0])})` : 'failed: 0',
    'targets: >= 200 docs/s on 2 cores; near-duplicate recall >= 0.95 at precision >= 0.98',
  ].join('\n'),
);
rmSync(dir, { recursive: true, force: true });
