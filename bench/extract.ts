// `npm run bench:extract`: times Puente's full extraction (read + extract + contract JSON shape, the path of
// `puente extract`) over a corpus of at least 5 MiB, and in the same run compromise's bare entity pass over the
// same documents (people, places, organizations, money). Prints MiB/s for both and the ratio Puente/compromise.
// The corpus is built in memory from the dev passages (eval/docs): each copy is one document of a few KB, its
// paragraphs shuffled, padded with paragraphs of other passages in the same language, and every number and
// year changed by a seeded PRNG, so no copy repeats another and no cache can help.
// Options: --mb N (corpus size in MiB, default 5), --runs N (timed runs per engine, default 3; median reported).
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { readDocument } from '../src/ingest/read-document.js';
import { toContract } from '../src/pipeline/contract.js';
import { defaultLexicon } from '../src/reference/lexicon.js';
import { numberOption as option, pick, prng, shuffled, varyNumbers } from '../src/util/random.js';

const MiB = 1024 * 1024;

interface BenchDoc {
  name: string;
  text: string;
  bytes: Uint8Array;
}

interface Passage {
  title: string | null;
  language: string;
  publishedAt: string | null;
  paragraphs: string[];
}

interface RunResult {
  seconds: number;
  peakHeap: number;
  counts: Record<string, number>;
}

function readPassages(): Passage[] {
  const docs = fileURLToPath(new URL('../eval/docs/', import.meta.url));
  const passages: Passage[] = [];
  for (const name of readdirSync(docs).sort()) {
    if (!['.txt', '.md'].includes(extname(name))) continue;
    const doc = readDocument(name, readFileSync(join(docs, name)));
    passages.push({
      title: doc.title,
      language: doc.language ?? 'en',
      publishedAt: doc.publishedAt,
      paragraphs: doc.paragraphs.map((p) => doc.text.slice(p.start, p.end)),
    });
  }
  return passages;
}

/** Varied copies of the dev passages, each its own Markdown document of a few KB, until `targetBytes`. */
function buildCorpus(passages: Passage[], targetBytes: number): BenchDoc[] {
  const random = prng(20240611);
  const encoder = new TextEncoder();
  const docs: BenchDoc[] = [];
  let total = 0;
  for (let copy = 0; total < targetBytes; copy++) {
    const base = passages[copy % passages.length] as Passage;
    const sameLanguage = passages.filter((p) => p !== base && p.language === base.language);
    const yearShift = Math.floor(random() * 10) - 6;
    const size = 3000 + Math.floor(random() * 4000);
    const paragraphs = shuffled(base.paragraphs, random);
    let length = paragraphs.reduce((sum, p) => sum + p.length + 2, 0);
    while (length < size && sameLanguage.length > 0) {
      const extra = pick(pick(sameLanguage, random).paragraphs, random);
      paragraphs.splice(Math.floor(random() * (paragraphs.length + 1)), 0, extra);
      length += extra.length + 2;
    }
    const front = ['---'];
    if (base.title) front.push(`title: ${JSON.stringify(varyNumbers(base.title, random, yearShift))}`);
    front.push(`language: ${base.language}`);
    if (base.publishedAt) front.push(`date: ${varyNumbers(base.publishedAt, random, yearShift)}`);
    front.push('---');
    const text = `${front.join('\n')}\n${paragraphs.map((p) => varyNumbers(p, random, yearShift)).join('\n\n')}\n`;
    const bytes = encoder.encode(text);
    docs.push({ name: `copy-${copy}.md`, text, bytes });
    total += bytes.length;
  }
  return docs;
}

const lexicon = defaultLexicon();

function puente(docs: BenchDoc[], sample: () => void): Record<string, number> {
  const counts = { documents: 0, entities: 0, mentions: 0, claims: 0, quotes: 0 };
  for (const [i, doc] of docs.entries()) {
    const result = toContract(readDocument(doc.name, doc.bytes), lexicon);
    counts.documents++;
    counts.entities += result.entities.length;
    counts.mentions += result.entities.reduce((sum, e) => sum + e.mentions.length, 0);
    counts.claims += result.claims.length;
    counts.quotes += result.quotes.length;
    if (i % 64 === 0) sample();
  }
  return counts;
}

function compromise(docs: BenchDoc[], sample: () => void): Record<string, number> {
  const counts = { documents: 0, people: 0, places: 0, organizations: 0, money: 0 };
  for (const [i, item] of docs.entries()) {
    const doc = nlp(item.text);
    counts.documents++;
    counts.people += (doc.people().out('array') as string[]).length;
    counts.places += (doc.places().out('array') as string[]).length;
    counts.organizations += (doc.organizations().out('array') as string[]).length;
    counts.money += (doc.money().out('array') as string[]).length;
    if (i % 64 === 0) sample();
  }
  return counts;
}

type Engine = (docs: BenchDoc[], sample: () => void) => Record<string, number>;

function timed(engine: Engine, docs: BenchDoc[]): RunResult {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  let peakHeap = 0;
  const sample = () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  const start = process.hrtime.bigint();
  const counts = engine(docs, sample);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  sample();
  return { seconds, peakHeap, counts };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

const targetMiB = option('--mb', 5);
const runs = Math.max(1, Math.round(option('--runs', 3)));
const corpus = buildCorpus(readPassages(), targetMiB * MiB);
const corpusBytes = corpus.reduce((sum, d) => sum + d.bytes.length, 0);
const sizes = corpus.map((d) => d.bytes.length).sort((a, b) => a - b);
console.log(
  `corpus: ${corpus.length} documents, ${(corpusBytes / MiB).toFixed(2)} MiB ` +
    `(document size median ${median(sizes)} B, max ${sizes[sizes.length - 1] ?? 0} B), ${runs} runs per engine`,
);

const engines: [string, Engine][] = [
  ['puente', puente],
  ['compromise', compromise],
];
// Warm-up: JIT, reference lists, compromise's lexicon, on a small slice of the corpus.
const warmUp = corpus.slice(0, Math.max(20, Math.floor(corpus.length / 50)));
for (const [, engine] of engines) engine(warmUp, () => undefined);

const results = new Map<string, RunResult[]>(engines.map(([name]) => [name, []]));
for (let run = 0; run < runs; run++) {
  // Alternate which engine goes first, so neither always runs on the other's garbage.
  const order = run % 2 === 0 ? engines : [...engines].reverse();
  for (const [name, engine] of order) results.get(name)?.push(timed(engine, corpus));
}

const mib = corpusBytes / MiB;
const rows = engines.map(([name]) => {
  const all = results.get(name) ?? [];
  const seconds = median(all.map((r) => r.seconds));
  const peak = Math.max(...all.map((r) => r.peakHeap));
  const spread = `${Math.min(...all.map((r) => r.seconds)).toFixed(2)}-${Math.max(...all.map((r) => r.seconds)).toFixed(2)}`;
  return { name, seconds, spread, peak, counts: all[0]?.counts ?? {} };
});
const pad = (s: string, n: number) => s.padStart(n);
console.log(
  `\n${'engine'.padEnd(12)}${pad('MiB', 8)}${pad('s (median)', 12)}${pad('runs s', 13)}${pad('MiB/s', 9)}` +
    `${pad('heap peak MiB', 15)}`,
);
for (const r of rows) {
  console.log(
    `${r.name.padEnd(12)}${pad(mib.toFixed(2), 8)}${pad(r.seconds.toFixed(3), 12)}${pad(r.spread, 13)}` +
      `${pad((mib / r.seconds).toFixed(2), 9)}${pad((r.peak / MiB).toFixed(0), 15)}`,
  );
}
console.log('');
for (const r of rows) {
  const found = Object.entries(r.counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  console.log(`${r.name} found: ${found}`);
}
const [p, c] = rows;
if (p && c) {
  const ratio = p.seconds / c.seconds;
  console.log(`\nratio Puente/compromise (time): ${ratio.toFixed(2)} (target <= 1.00)`);
}
if (!(globalThis as { gc?: unknown }).gc)
  console.log('(heap figures without --expose-gc include earlier garbage)');
