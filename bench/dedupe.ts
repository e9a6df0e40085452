// `npm run bench:dedupe`: runs duplicate detection over the planted corpus of bench/ingest-corpus.ts
// (default 20,000 documents, 10% near-copies and 2% exact copies of earlier originals), one document at a
// time in arrival order, as ingest would: each document is matched against the earlier ones, then added.
// Engines, in the same run on the same texts:
// - exact-hash: sha256 of the document's text, the naive baseline (what ingest does with raw bytes today);
// - minhash: NearDuplicateIndex with the default config (decides on the signature estimate);
// - minhash+verify: the same with verifyWithShingles on (candidates confirmed on exact shingle Jaccard).
// Prints docs/s, MiB/s, RSS (peak of the process while the engine runs, and its growth during the run: the
// engine's index plus garbage), candidate pairs, and precision and recall of the links against the planted truth.
// A link is right when both documents belong to the same planted family (an original and its copies).
// Options: --docs N, --threshold X, --bands N, --rows N, --k N (override the config, for tuning).
import { createHash } from 'node:crypto';
import { DEDUPE_CONFIG, type DedupeConfig } from '../src/dedupe/config.js';
import { NearDuplicateIndex } from '../src/dedupe/lsh.js';
import { exactJaccard, fingerprint } from '../src/dedupe/minhash.js';
import { numberOption as option } from '../src/util/random.js';
import { buildCorpus, plainText } from './ingest-corpus.js';

const MiB = 1024 * 1024;

const overrides: Partial<DedupeConfig> = {
  threshold: option('--threshold', DEDUPE_CONFIG.threshold),
  bands: option('--bands', DEDUPE_CONFIG.bands),
  rowsPerBand: option('--rows', DEDUPE_CONFIG.rowsPerBand),
  shingleSize: option('--k', DEDUPE_CONFIG.shingleSize),
};

interface Doc {
  id: string;
  text: string;
}

/** One engine: called once per document in arrival order, returns the earlier id it links to, if any. */
type Engine = () => { link: (doc: Doc) => string | null; stats: () => string };

const engines: [string, Engine][] = [
  [
    'exact-hash',
    () => {
      const seen = new Map<string, string>();
      return {
        link: (doc) => {
          const hash = createHash('sha256').update(doc.text).digest('hex');
          const earlier = seen.get(hash);
          if (earlier === undefined) seen.set(hash, doc.id);
          return earlier ?? null;
        },
        stats: () => '',
      };
    },
  ],
  ...(['minhash', 'minhash+verify'] as const).map((name): [string, Engine] => [
    name,
    () => {
      const index = new NearDuplicateIndex<string>({ ...overrides, verifyWithShingles: name !== 'minhash' });
      return {
        link: (doc) => index.matchAndAdd(doc.id, doc.text)?.id ?? null,
        stats: () => `${(index.candidatePairs / index.size).toFixed(2)} candidates/doc`,
      };
    },
  ]),
];

const gc = (globalThis as { gc?: () => void }).gc;
const count = Math.round(option('--docs', 20_000));

let start = process.hrtime.bigint();
const corpus = buildCorpus({ documents: count });
const docs: Doc[] = corpus.documents.map((d) => ({ id: d.id, text: plainText(d) }));
const buildSeconds = Number(process.hrtime.bigint() - start) / 1e9;
const bytes = docs.reduce((sum, d) => sum + Buffer.byteLength(d.text), 0);
const near = [...corpus.truth.values()].filter((t) => t.kind === 'near').length;
const exact = corpus.truth.size - near;
console.log(
  `corpus: ${docs.length} documents, ${(bytes / MiB).toFixed(2)} MiB, built in ${buildSeconds.toFixed(1)} s; ` +
    `planted ${near} near-copies and ${exact} exact copies`,
);
const config = { ...DEDUPE_CONFIG, ...overrides };
console.log(
  `config: k=${config.shingleSize}, ${config.numHashes} hashes, ${config.bands} bands x ${config.rowsPerBand} rows, ` +
    `threshold ${config.threshold}`,
);

// The family of a document: its original's id (itself for an original).
const family = (id: string) => corpus.truth.get(id)?.of ?? id;
const textOf = new Map(docs.map((d) => [d.id, d.text]));
const jaccard = (a: string, b: string) =>
  exactJaccard(
    fingerprint(textOf.get(a) ?? '', config).shingles,
    fingerprint(textOf.get(b) ?? '', config).shingles,
  );

// Warm-up on a slice, so the first engine does not pay for the JIT alone.
for (const [, make] of engines) {
  const engine = make();
  for (const doc of docs.slice(0, 500)) engine.link(doc);
}

const pad = (s: string, n: number) => s.padStart(n);
console.log(
  `\n${'engine'.padEnd(16)}${pad('s', 7)}${pad('docs/s', 9)}${pad('MiB/s', 8)}${pad('RSS peak MiB', 14)}${pad('RSS +MiB', 10)}` +
    `${pad('links', 7)}${pad('precision', 11)}${pad('recall', 8)}${pad('near R', 8)}${pad('exact R', 9)}  notes`,
);
const details: string[] = [];
for (const [name, make] of engines) {
  gc?.();
  const engine = make();
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const links = new Map<string, string>();
  start = process.hrtime.bigint();
  for (const [i, doc] of docs.entries()) {
    const link = engine.link(doc);
    if (link !== null) links.set(doc.id, link);
    if (i % 256 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);

  let right = 0;
  const wrong: [string, string][] = [];
  for (const [id, to] of links) {
    if (family(id) === family(to)) right++;
    else wrong.push([id, to]);
  }
  const found = { near: 0, exact: 0 };
  const missed: string[] = [];
  for (const [id, planted] of corpus.truth) {
    const to = links.get(id);
    if (to !== undefined && family(to) === planted.of) found[planted.kind]++;
    else if (planted.kind === 'near') missed.push(id);
  }
  const precision = links.size === 0 ? 1 : right / links.size;
  const recall = (found.near + found.exact) / corpus.truth.size;
  console.log(
    `${name.padEnd(16)}${pad(seconds.toFixed(2), 7)}${pad((docs.length / seconds).toFixed(0), 9)}` +
      `${pad((bytes / MiB / seconds).toFixed(2), 8)}${pad((peakRss / MiB).toFixed(0), 14)}${pad(((peakRss - rssBefore) / MiB).toFixed(0), 10)}${pad(String(links.size), 7)}` +
      `${pad(precision.toFixed(4), 11)}${pad(recall.toFixed(4), 8)}${pad((found.near / near).toFixed(4), 8)}` +
      `${pad((found.exact / exact).toFixed(4), 9)}  ${engine.stats()}`,
  );
  if (name === 'exact-hash') continue;
  // Why links are wrong or missing: a wrong link between documents whose shingle sets really are that similar
  // is the corpus's doing; a missed near-copy below the threshold was edited beyond it.
  const wrongAbove = wrong.filter(([a, b]) => jaccard(a, b) >= config.threshold).length;
  const missedJ = missed.map((id) => jaccard(id, corpus.truth.get(id)?.of ?? id));
  const missedAbove = missedJ.filter((j) => j >= config.threshold).length;
  const edits = new Map<string, number>();
  for (const id of missed)
    for (const e of corpus.truth.get(id)?.edits ?? []) edits.set(e, (edits.get(e) ?? 0) + 1);
  details.push(
    `${name}: ${wrong.length} wrong links (${wrongAbove} between texts with true Jaccard >= threshold); ` +
      `${missed.length} near-copies missed (${missedAbove} with true Jaccard >= threshold; ` +
      `median true Jaccard of the missed ${median(missedJ).toFixed(3)}; their edits: ` +
      `${[...edits].map(([e, n]) => `${e} ${n}`).join(', ')})`,
  );
}
console.log(`\n${details.join('\n')}`);
console.log(
  `\nprocess max RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (corpus and all engines)` +
    (gc ? '' : '; run with --expose-gc for comparable RSS figures'),
);
console.log('targets: recall >= 0.95 at precision >= 0.98');

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
