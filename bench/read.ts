// `npm run bench:read`: times the reading and extraction of one document (`prepareFile`, what a worker thread of
// `puente ingest` runs: open, decode, sniff, HTML/PDF/JSON reading, normalize, extract, fingerprint) on hostile
// inputs (deep unclosed HTML, a deep table, one very long line of text and of Markdown, a 10 MB JSON line, a PDF of
// many pages) and, in the same run, on its named baseline: ordinary text of the same size in the same format (the
// same dev passages as paragraphs, a PDF of the same lines on full pages). Each input is read in a child process
// of its own, after a warm-up on a small file of its format, with no budget but a timeout (`> N s` when it passes
// it).
// Options: --scale X (sizes times X, default 1), --timeout S (seconds per input, default 300).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { readDocument } from '../src/ingest/read-document.js';
import { defaultBudget, type Budget } from '../src/pipeline/budget.js';
import { prepareFile } from '../src/pipeline/prepare.js';
import { numberOption as option, prng, varyNumbers } from '../src/util/random.js';

const MiB = 1024 * 1024;
const here = fileURLToPath(import.meta.url);
// Reading without limits: the bench measures the work, the parent's timeout stops what never ends.
const unbounded: Budget = {
  maxBytes: Infinity,
  maxTextChars: Infinity,
  maxPdfPages: Infinity,
  timeBudgetMs: Infinity,
};

interface Measured {
  seconds: number;
  ok: boolean;
  documents: number;
  chars: number;
  claims: number;
  message: string | null;
}

/** In a child process: warms up on a small file, then reads and extracts one file and prints what it took. */
async function measure(path: string, warmUp: string, budget: Budget) {
  await prepareFile(warmUp, budget);
  const started = process.hrtime.bigint();
  const prepared = await prepareFile(path, budget);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const measured: Measured = prepared.ok
    ? {
        seconds,
        ok: true,
        documents: prepared.documents.length,
        chars: prepared.documents.reduce((sum, d) => sum + d.doc.text.length, 0),
        claims: prepared.documents.reduce((sum, d) => sum + d.found.claims.length, 0),
        message: prepared.failures[0]?.message ?? null,
      }
    : { seconds, ok: false, documents: 0, chars: 0, claims: 0, message: prepared.message };
  console.log(JSON.stringify(measured));
}

// The dev passages' paragraphs, every number varied, until `bytes`: the same text for a hostile input and its
// baseline.
function paragraphs(bytes: number, seed: number): string[] {
  const docs = join(here, '..', '..', 'eval', 'docs');
  const passages = readdirSync(docs)
    .filter((n) => ['.txt', '.md'].includes(extname(n)))
    .sort()
    .map((n) => readDocument(n, readFileSync(join(docs, n))))
    .map((doc) => doc.paragraphs.map((p) => doc.text.slice(p.start, p.end)));
  const random = prng(seed);
  const out: string[] = [];
  let total = 0;
  for (let i = 0; total < bytes; i++) {
    const passage = passages[i % passages.length] ?? [];
    for (const p of passage) {
      const varied = varyNumbers(p, random, (i % 7) - 3);
      out.push(varied);
      total += Buffer.byteLength(varied) + 2;
    }
  }
  return out;
}

// A word at a time: a deep page puts a little text in each of very many elements.
const chunks = (paras: string[]) => paras.join(' ').match(/\S+\s+/g) ?? [];
const page = (body: string) =>
  `<!doctype html><html><head><title>Informe</title></head><body>${body}</body></html>`;
const fit = (text: string, bytes: number) => text.slice(0, bytes);

async function pdf(lines: string[], perPage: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < lines.length; i += perPage) {
    const page = doc.addPage([595, 842]);
    lines
      .slice(i, i + perPage)
      .forEach((line, j) => page.drawText(line, { x: 40, y: 800 - j * 14, size: 9, font }));
  }
  return doc.save({ useObjectStreams: false });
}
// Short lines a PDF page can hold (Helvetica covers WinAnsi only).
const pdfLines = (paras: string[], count: number) =>
  (
    paras
      .join(' ')
      .replace(/[^\x20-\x7e\u00a0-\u00ff]/g, ' ')
      .match(/.{1,90}(?:\s|$)/g) ?? []
  ).slice(0, count);

interface Input {
  name: string;
  file: string;
  baseline: string;
  baselineFile: string;
  make: (dir: string) => Promise<void>;
  budget?: Budget;
}

function inputs(scale: number): Input[] {
  const size = (bytes: number) => Math.round(bytes * scale);
  const list: Input[] = [];
  const html = (kb: number, label: string) => {
    const bytes = size(kb * 1024);
    list.push({
      name: `nested unclosed <div>, ${label}`,
      file: `nested-${kb}k.html`,
      baseline: 'ordinary HTML (<p>)',
      baselineFile: `ordinary-${kb}k.html`,
      make: async (dir) => {
        const paras = paragraphs(bytes, kb);
        writeFileSync(
          join(dir, `nested-${kb}k.html`),
          page(
            fit(
              chunks(paras)
                .map((c) => `<div>${c}`)
                .join(''),
              bytes,
            ),
          ),
        );
        writeFileSync(
          join(dir, `ordinary-${kb}k.html`),
          page(fit(paras.map((p) => `<p>${p}</p>`).join('\n'), bytes)),
        );
      },
    });
  };
  html(512, '512 KiB');
  html(1024, '1 MiB');
  html(8192, '8 MiB');
  const table = size(3 * MiB);
  list.push({
    name: 'nested unclosed <table><tr><td>, 3 MiB',
    file: 'table-3m.html',
    baseline: 'ordinary HTML (<p>)',
    baselineFile: 'ordinary-3m.html',
    make: async (dir) => {
      const paras = paragraphs(table, 3);
      writeFileSync(
        join(dir, 'table-3m.html'),
        page(
          fit(
            chunks(paras)
              .map((c) => `<table><tr><td>${c}`)
              .join(''),
            table,
          ),
        ),
      );
      writeFileSync(
        join(dir, 'ordinary-3m.html'),
        page(fit(paras.map((p) => `<p>${p}</p>`).join('\n'), table)),
      );
    },
  });
  const line = size(15 * MiB);
  for (const ext of ['txt', 'md']) {
    list.push({
      name: `one line of ${ext === 'md' ? 'Markdown' : 'text'}, 15 MiB`,
      file: `line-15m.${ext}`,
      baseline: `ordinary ${ext === 'md' ? 'Markdown' : 'text'} (paragraphs)`,
      baselineFile: `ordinary-15m.${ext}`,
      make: async (dir) => {
        const paras = paragraphs(line, 15);
        writeFileSync(join(dir, `line-15m.${ext}`), fit(paras.join(' '), line));
        writeFileSync(join(dir, `ordinary-15m.${ext}`), fit(paras.join('\n\n'), line));
      },
    });
  }
  const json = size(10 * MiB);
  list.push({
    name: 'one JSON line, 10 MiB',
    file: 'line-10m.jsonl',
    baseline: 'ordinary JSON Lines (one article a line)',
    baselineFile: 'ordinary-10m.jsonl',
    make: async (dir) => {
      const paras = paragraphs(json, 10);
      writeFileSync(
        join(dir, 'line-10m.jsonl'),
        `${JSON.stringify({ title: 'Informe', text: paras.join(' ') })}\n`,
      );
      const records: string[] = [];
      for (let i = 0; i < paras.length; i += 12)
        records.push(JSON.stringify({ title: `Nota ${i}`, text: paras.slice(i, i + 12).join('\n\n') }));
      writeFileSync(join(dir, 'ordinary-10m.jsonl'), `${records.join('\n')}\n`);
    },
  });
  const pages = Math.max(2, Math.round(2000 * scale));
  list.push({
    name: `PDF of ${pages} pages of one line`,
    file: 'pages.pdf',
    baseline: `the same lines on ${Math.ceil(pages / 50)} full pages`,
    baselineFile: 'pages-full.pdf',
    make: async (dir) => {
      const lines = pdfLines(paragraphs(pages * 100, 2), pages);
      writeFileSync(join(dir, 'pages.pdf'), await pdf(lines, 1));
      writeFileSync(join(dir, 'pages-full.pdf'), await pdf(lines, 50));
    },
  });
  const many = Math.max(4, Math.round(20_000 * scale));
  list.push({
    name: `PDF of ${many} pages, default budget`,
    file: 'many-pages.pdf',
    baseline: `the same lines on ${Math.ceil(many / 50)} full pages`,
    baselineFile: 'many-pages-full.pdf',
    budget: defaultBudget,
    make: async (dir) => {
      const lines = pdfLines(paragraphs(many * 100, 4), many);
      writeFileSync(join(dir, 'many-pages.pdf'), await pdf(lines, 1));
      writeFileSync(join(dir, 'many-pages-full.pdf'), await pdf(lines, 50));
    },
  });
  return list;
}

// A small file of the input's format (the start of its baseline), so that the measure does not pay for loading
// that format's modules (linkedom, pdf.js) and the first runs of its code.
async function warmUpFile(dir: string, baselineFile: string): Promise<string> {
  const ext = extname(baselineFile);
  const path = join(dir, `warm-up${ext}`);
  if (ext === '.pdf') writeFileSync(path, await pdf(pdfLines(paragraphs(8192, 5), 60), 30));
  else {
    const head = readFileSync(join(dir, baselineFile), 'utf8').slice(0, 32 * 1024);
    writeFileSync(path, ext === '.jsonl' ? head.slice(0, head.lastIndexOf('\n') + 1) : head);
  }
  return path;
}

function run(path: string, warmUp: string, timeout: number, budget: Budget): Measured | null {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, here, '--measure', path, warmUp, JSON.stringify(budget)],
    { encoding: 'utf8', timeout: timeout * 1000, maxBuffer: 64 * MiB },
  );
  const last = child.stdout?.trim().split('\n').pop() ?? '';
  if (child.error || child.status !== 0 || !last.startsWith('{')) return null;
  return JSON.parse(last) as Measured;
}

async function main() {
  const scale = option('--scale', 1);
  const timeout = option('--timeout', 300);
  const dir = mkdtempSync(join(tmpdir(), 'puente-bench-read-'));
  const pad = (s: string, n: number) => s.padStart(n);
  const shown = (m: Measured | null) => (m ? m.seconds.toFixed(2) : `> ${timeout}`);
  console.log(
    `bench:read, sizes x${scale}, timeout ${timeout} s per input; seconds to read and extract one file`,
  );
  console.log(
    `\n${'input'.padEnd(42)}${pad('MiB', 7)}${pad('s', 9)}  ${'baseline'.padEnd(42)}${pad('s', 8)}${pad('ratio', 7)}  notes`,
  );
  try {
    for (const input of inputs(scale)) {
      await input.make(dir);
      const warmUp = await warmUpFile(dir, input.baselineFile);
      const budget = input.budget ?? unbounded;
      const hostile = run(join(dir, input.file), warmUp, timeout, budget);
      const baseline = run(join(dir, input.baselineFile), warmUp, timeout, unbounded);
      const ratio = hostile && baseline ? (hostile.seconds / baseline.seconds).toFixed(2) : '-';
      const note = hostile
        ? hostile.ok
          ? `${hostile.documents} doc, ${(hostile.chars / 1e6).toFixed(2)} M chars, ${hostile.claims} claims` +
            (baseline
              ? ` (baseline ${(baseline.chars / 1e6).toFixed(2)} M chars, ${baseline.claims} claims)`
              : '')
          : `refused: ${hostile.message ?? ''}`
        : 'stopped at the timeout';
      const mib = statSync(join(dir, input.file)).size / MiB;
      console.log(
        `${input.name.padEnd(42)}${pad(mib.toFixed(2), 7)}${pad(shown(hostile), 9)}  ${input.baseline.padEnd(42)}` +
          `${pad(shown(baseline), 8)}${pad(ratio, 7)}  ${note}`,
      );
      for (const file of [input.file, input.baselineFile, warmUp]) rmSync(join(dir, file), { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--measure') {
  const [path = '', warmUp = '', budget = '{}'] = process.argv.slice(3);
  // JSON has no Infinity: a limit written as null is none.
  const parsed = JSON.parse(budget, (_key, value: unknown) => (value === null ? Infinity : value)) as Budget;
  await measure(path, warmUp, parsed);
} else await main();
