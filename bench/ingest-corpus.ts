// A deterministic corpus of news-like documents for the ingest and dedupe benchmarks, with planted exact and
// near-duplicates and the truth about them.
//
// Every document is built from the dev passages (eval/docs/*.md|txt, read with plain fs; front matter lines
// between `---` are dropped, its title and language kept). An original document takes a share of the
// sentences of one passage and fills up with sentences of other passages in the same language, in a new
// order and new paragraphs; in each document names are swapped for other names of the corpus and numbers
// redrawn, and it gets its own headline and byline. So originals share topics, entities and stock phrases but
// not their text. Then, in arrival order:
// - near-copies (default 10% of documents) of an earlier original with 1 to 3 light edits: a new headline,
//   another byline, a few words of one or two sentences changed, a number corrected, a paragraph dropped, a
//   paragraph moved, a boilerplate line added, or typography changed (quotes, spacing);
// - exact copies (default 2%) of an earlier original, byte for byte.
// The same options give the same corpus on every run (seeded PRNG, sorted file order).
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pick, prng, shuffled, varyNumbers, type Random } from '../src/util/random.js';

export interface Passage {
  name: string;
  title: string | null;
  language: string;
  paragraphs: string[];
}

export interface CorpusDocument {
  /** `doc-000123` */
  id: string;
  /** A file name for it (`doc-000123.md`). */
  name: string;
  language: string;
  /** ISO date, for the front matter. */
  date: string;
  title: string;
  /** Body paragraphs; the first is the byline. */
  paragraphs: string[];
}

export type PlantedKind = 'near' | 'exact';

export interface PlantedDuplicate {
  /** The earlier original the document copies. */
  of: string;
  kind: PlantedKind;
  /** The edits of a near-copy (empty for an exact copy). */
  edits: string[];
}

export interface Corpus {
  documents: CorpusDocument[];
  /** Planted duplicates: document id -> the original it copies. Documents not here are originals. */
  truth: Map<string, PlantedDuplicate>;
}

export interface CorpusOptions {
  /** Number of documents (default 20,000). */
  documents?: number;
  /** Share of documents that are near-copies of an earlier original (default 0.10). */
  nearDuplicateRate?: number;
  /** Share of documents that are exact copies of an earlier original (default 0.02). */
  exactDuplicateRate?: number;
  /** PRNG seed (default 20240611). */
  seed?: number;
  /** Folder of the passages (default eval/docs). */
  passagesDir?: string;
}

/** The document as plain text: headline, then its paragraphs, separated by blank lines. */
export const plainText = (doc: CorpusDocument): string => [doc.title, ...doc.paragraphs].join('\n\n');

/** The document as a Markdown file with front matter (title, language, date), as ingest reads it. */
export const markdown = (doc: CorpusDocument): string =>
  `---\ntitle: ${JSON.stringify(doc.title)}\nlanguage: ${doc.language}\ndate: ${doc.date}\n---\n` +
  `${doc.paragraphs.join('\n\n')}\n`;

const between = (min: number, max: number, random: Random) => min + Math.floor(random() * (max - min + 1));

/** Reads the dev passages: front matter dropped (title and language kept), paragraphs split on blank lines. */
export function readPassages(dir = fileURLToPath(new URL('../eval/docs/', import.meta.url))): Passage[] {
  const passages: Passage[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!['.txt', '.md'].includes(extname(name))) continue;
    const lines = readFileSync(join(dir, name), 'utf8').replace(/\r\n?/g, '\n').split('\n');
    const front: Record<string, string> = {};
    if (lines[0]?.trim() === '---') {
      const end = lines.indexOf('---', 1);
      for (const line of lines.slice(1, end)) {
        const m = /^(\w+):\s*(.*)$/.exec(line);
        if (m) front[m[1] as string] = (m[2] as string).replace(/^"(.*)"$/, '$1');
      }
      lines.splice(0, end + 1);
    }
    const body = lines.join('\n').trim();
    // Blank lines separate paragraphs when there are any; otherwise one paragraph per line.
    const paragraphs = (/\n\s*\n/.test(body) ? body.split(/\n\s*\n/) : body.split('\n'))
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter((p) => p.length > 0);
    passages.push({ name, title: front.title ?? null, language: front.language ?? 'en', paragraphs });
  }
  return passages;
}

const sentenceBreak = /(?<=[.!?])\s+(?=["“«(]?[\p{Lu}\d])/u;
const nameWord = /(?<=\S\s+)\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?/gu;
const wordPattern = /\p{L}[\p{L}\p{M}]+/gu;

const surnames = [
  'Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa', 'Rodrigues', 'Almeida', 'García', 'Martínez',
  'López', 'González', 'Hernández', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Flores', 'Rivera', 'Gómez',
  'Díaz', 'Reyes', 'Morales', 'Castro', 'Ortiz', 'Chávez', 'Vargas', 'Rojas', 'Wang', 'Li', 'Zhang', 'Liu',
  'Chen', 'Yang', 'Huang', 'Zhao', 'Smith', 'Johnson', 'Brown', 'Miller', 'Wilson', 'Taylor',
]; // prettier-ignore

const bylineWords: Record<string, string[]> = {
  en: ['By', 'Reporting by', 'Written by'],
  es: ['Por', 'Redacción:', 'Escrito por'],
  pt: ['Por', 'Da redação:', 'Reportagem de'],
};

const boilerplate: Record<string, string[]> = {
  en: [
    'Subscribe to our newsletter for the latest news on trade and investment in Latin America.',
    'Additional reporting by our correspondents; editing by the news desk.',
    'This article was originally published by a partner agency and is republished with permission.',
    'Read more: the latest on China and Latin America.',
  ],
  es: [
    'Suscríbase a nuestro boletín para recibir las últimas noticias sobre comercio e inversión en América Latina.',
    'Con información de agencias; edición a cargo de la mesa de noticias.',
    'Este artículo fue publicado originalmente por una agencia asociada y se reproduce con autorización.',
    'Lea también: lo último sobre China y América Latina.',
  ],
  pt: [
    'Assine nossa newsletter para receber as últimas notícias sobre comércio e investimento na América Latina.',
    'Com informações de agências; edição da redação.',
    'Este artigo foi publicado originalmente por uma agência parceira e é reproduzido com autorização.',
    'Leia também: as últimas sobre China e América Latina.',
  ],
};

interface Pools {
  /** Sentences by language, each with the passage it came from. */
  sentences: Map<string, { text: string; passage: number }[]>;
  /** Capitalized words that are not sentence-initial (mostly names), by language. */
  names: Map<string, string[]>;
  /** Words of four letters or more, by language (for word edits). */
  words: Map<string, string[]>;
  givenNames: string[];
}

function buildPools(passages: Passage[]): Pools {
  const sentences = new Map<string, { text: string; passage: number }[]>();
  const names = new Map<string, Set<string>>();
  const words = new Map<string, Set<string>>();
  passages.forEach((passage, index) => {
    const lang = passage.language;
    if (!sentences.has(lang)) {
      sentences.set(lang, []);
      names.set(lang, new Set());
      words.set(lang, new Set());
    }
    for (const paragraph of passage.paragraphs) {
      for (const sentence of paragraph.split(sentenceBreak)) {
        if (sentence.split(' ').length < 4) continue;
        sentences.get(lang)?.push({ text: sentence, passage: index });
        for (const m of sentence.matchAll(nameWord)) names.get(lang)?.add(m[0]);
        for (const m of sentence.matchAll(wordPattern)) if (m[0].length >= 4) words.get(lang)?.add(m[0]);
      }
    }
  });
  const sorted = (m: Map<string, Set<string>>) => new Map([...m].map(([k, v]) => [k, [...v].sort()]));
  const tsv = fileURLToPath(new URL('../data/reference/person-names.tsv', import.meta.url));
  const givenNames = readFileSync(tsv, 'utf8')
    .split('\n')
    .map((line) => line.split('\t'))
    .filter(([kind]) => kind === 'given')
    .map(([, name]) => name as string)
    .sort();
  return { sentences, names: sorted(names), words: sorted(words), givenNames };
}

function byline(language: string, pools: Pools, random: Random): string {
  return `${pick(bylineWords[language] ?? ['By'], random)} ${pick(pools.givenNames, random)} ${pick(surnames, random)}`;
}

function headline(language: string, pools: Pools, random: Random, yearShift: number): string {
  const words = pick(pools.sentences.get(language) ?? [], random).text.split(' ');
  const start = between(0, Math.max(0, words.length - 8), random);
  const text = words
    .slice(start, start + between(6, 12, random))
    .join(' ')
    .replace(/[,;:.]+$/, '');
  return varyNumbers(text.charAt(0).toUpperCase() + text.slice(1), random, yearShift);
}

/** Swaps about half of the distinct names of a text for other names of the same language, consistently. */
function swapNames(sentences: string[], names: readonly string[], random: Random): string[] {
  const mapping = new Map<string, string>();
  return sentences.map((s) =>
    s.replace(nameWord, (name) => {
      let to = mapping.get(name);
      if (to === undefined) mapping.set(name, (to = random() < 0.5 ? pick(names, random) : name));
      return to;
    }),
  );
}

function original(index: number, passages: Passage[], pools: Pools, random: Random): CorpusDocument {
  const baseIndex = Math.floor(random() * passages.length);
  const base = passages[baseIndex] as Passage;
  const language = base.language;
  const pool = pools.sentences.get(language) ?? [];
  const own = shuffled(
    pool.filter((s) => s.passage === baseIndex),
    random,
  );
  const others = pool.filter((s) => s.passage !== baseIndex);
  const count = between(12, 30, random);
  // Up to 40% of the sentences from the base passage, the rest from others in the same language.
  const chosen = own.slice(0, Math.min(own.length, Math.ceil(count * 0.4))).map((s) => s.text);
  for (const s of shuffled(others, random).slice(0, count - chosen.length)) chosen.push(s.text);
  const yearShift = between(-6, 3, random);
  const sentences = swapNames(shuffled(chosen, random), pools.names.get(language) ?? [], random).map((s) =>
    varyNumbers(s, random, yearShift),
  );
  const paragraphs = [byline(language, pools, random)];
  for (let i = 0; i < sentences.length;) {
    const size = between(1, 4, random);
    paragraphs.push(sentences.slice(i, i + size).join(' '));
    i += size;
  }
  const title =
    base.title && random() < 0.3
      ? varyNumbers(base.title, random, yearShift)
      : headline(language, pools, random, yearShift);
  const date = `${2018 + between(0, 7, random)}-${String(between(1, 12, random)).padStart(2, '0')}-${String(between(1, 28, random)).padStart(2, '0')}`;
  const id = `doc-${String(index).padStart(6, '0')}`;
  return { id, name: `${id}.md`, language, date, title, paragraphs };
}

type Edit = (doc: CorpusDocument, pools: Pools, random: Random) => string | null;

const bodyIndex = (doc: CorpusDocument, random: Random) =>
  1 + Math.floor(random() * (doc.paragraphs.length - 1));

const edits: Edit[] = [
  (doc, pools, random) => {
    doc.title = headline(doc.language, pools, random, 0);
    return 'headline';
  },
  (doc, pools, random) => {
    doc.paragraphs[0] = byline(doc.language, pools, random);
    return 'byline';
  },
  (doc, pools, random) => {
    // A few words of one or two sentences changed.
    const times = between(1, 2, random);
    for (let t = 0; t < times; t++) {
      const i = bodyIndex(doc, random);
      const words = (doc.paragraphs[i] as string).split(' ');
      for (let n = between(1, 3, random); n > 0; n--)
        words[Math.floor(random() * words.length)] = pick(pools.words.get(doc.language) ?? ['x'], random);
      doc.paragraphs[i] = words.join(' ');
    }
    return 'words';
  },
  (doc, _pools, random) => {
    const i = bodyIndex(doc, random);
    const paragraph = doc.paragraphs[i] as string;
    if (!/\d/.test(paragraph)) return null;
    doc.paragraphs[i] = paragraph.replace(/\d+/, (d) => varyNumbers(d, random, 1));
    return 'number';
  },
  (doc, _pools, random) => {
    if (doc.paragraphs.length < 6) return null;
    doc.paragraphs.splice(bodyIndex(doc, random), 1);
    return 'drop-paragraph';
  },
  (doc, _pools, random) => {
    if (doc.paragraphs.length < 4) return null;
    const [moved] = doc.paragraphs.splice(bodyIndex(doc, random), 1);
    doc.paragraphs.splice(bodyIndex(doc, random), 0, moved as string);
    return 'move-paragraph';
  },
  (doc, _pools, random) => {
    const line = pick(boilerplate[doc.language] ?? boilerplate.en ?? [], random);
    if (random() < 0.5) doc.paragraphs.push(line);
    else doc.paragraphs.splice(1, 0, line);
    return 'boilerplate';
  },
  (doc) => {
    doc.title = doc.title.replace(/'/g, '’').replace(/"([^"]*)"/g, '“$1”');
    doc.paragraphs = doc.paragraphs.map((p) =>
      p
        .replace(/"([^"]*)"/g, '“$1”')
        .replace(/'/g, '’')
        .replace(/, /g, ',  ')
        .replace(/ - /g, ' — '),
    );
    return 'typography';
  },
];

/** Builds the corpus: originals, near-copies and exact copies in arrival order, and the planted truth. */
export function buildCorpus(options: CorpusOptions = {}): Corpus {
  const total = options.documents ?? 20_000;
  const nearRate = options.nearDuplicateRate ?? 0.1;
  const exactRate = options.exactDuplicateRate ?? 0.02;
  const random = prng(options.seed ?? 20240611);
  const passages = readPassages(options.passagesDir);
  if (passages.length === 0) throw new Error('no passages to build a corpus from');
  const pools = buildPools(passages);
  const documents: CorpusDocument[] = [];
  const originals: CorpusDocument[] = [];
  const truth = new Map<string, PlantedDuplicate>();
  for (let index = 0; index < total; index++) {
    const roll = random();
    const id = `doc-${String(index).padStart(6, '0')}`;
    if (originals.length > 0 && roll < exactRate + nearRate) {
      const source = pick(originals, random);
      const copy: CorpusDocument = { ...source, id, name: `${id}.md`, paragraphs: [...source.paragraphs] };
      const applied: string[] = [];
      if (roll >= exactRate) {
        const wanted = between(1, 3, random);
        for (let attempts = 0; applied.length < wanted && attempts < 20; attempts++) {
          const done = pick(edits, random)(copy, pools, random);
          if (done) applied.push(done);
        }
      }
      documents.push(copy);
      truth.set(id, { of: source.id, kind: applied.length > 0 ? 'near' : 'exact', edits: applied });
    } else {
      const doc = original(index, passages, pools, random);
      documents.push(doc);
      originals.push(doc);
    }
  }
  return { documents, truth };
}
