// `npm run bench:ingest`: builds the planted corpus of bench/ingest-corpus.ts (default 20,000 Markdown documents,
// variations of the dev passages with 10% near-copies and 2% exact copies), writes it to a temporary folder, and
// ingests the folder into a fresh SQLite database with the same code as `puente ingest` (read, extract, store,
// one transaction per document). Prints documents/s, MiB/s, peak RSS, and the precision and recall of the
// near-duplicate links stored in the database against the planted truth. In the same run, a named baseline:
// the same documents stored without extraction (read + store only), which bounds what extraction costs.
// Options: --docs N (default 20000).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestPaths } from '../src/pipeline/ingest-paths.js';
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
  const { mkdirSync } = await import('node:fs');
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

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);

const store = openStore({ sqlitePath: join(dir, 'bench.db') });
await migrate(store.db);
peak = process.memoryUsage().rss;
const started = process.hrtime.bigint();
let done = 0;
const results = await ingestPaths(store.db, [docsDir], {
  recursive: false,
  maxBytes: 20 * MiB,
  onResult: () => {
    done++;
    if (process.stderr.isTTY && done % 250 === 0) process.stderr.write(`\r${done}/${count}`);
  },
});
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
if (process.stderr.isTTY) process.stderr.write('\r');
clearInterval(sampler);

// The links made, against the planted families: a stored near-duplicate link, or a file recognised as bytes
// already stored (`unchanged`, which names the source it repeats).
const nameOf = new Map<string, string>();
for (const r of results)
  if (r.status === 'ingested') nameOf.set(r.sourceId, r.path.split('/').at(-1)?.replace(/\.md$/, '') ?? '');
const family = (id: string) => corpus.truth.get(id)?.of ?? id;
let links = 0;
let right = 0;
let recalled = 0;
let unchanged = 0;
for (const r of results) {
  const id = r.path.split('/').at(-1)?.replace(/\.md$/, '') ?? '';
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
    `puente ingest   ${count} documents in ${seconds.toFixed(1)} s: ${(count / seconds).toFixed(0)} docs/s, ` +
      `${(bytes / MiB / seconds).toFixed(2)} MiB/s, peak RSS ${(peak / MiB).toFixed(0)} MiB`,
    `near-duplicates: ${links} links (${unchanged} of them byte-identical files reported unchanged), ` +
      `precision ${(links ? right / links : 1).toFixed(4)}, recall ${(recalled / planted).toFixed(4)} (${planted} planted)`,
    failed.length ? `failed: ${failed.length} (first: ${JSON.stringify(failed[0])})` : 'failed: 0',
    'targets: >= 200 docs/s on 2 cores; near-duplicate recall >= 0.95 at precision >= 0.98',
  ].join('\n'),
);
await store.close();
rmSync(dir, { recursive: true, force: true });
