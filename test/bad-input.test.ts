// Every file of the bad-input corpus (test/fixtures/bad/, plus two generated here because they are big) goes
// through one real `puente ingest` batch: each gets a clean result or one clear error line naming it, nothing
// crashes, the good files of the same batch are stored, and what is stored is whole.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/reference/paths.js';
import { openStore } from '../src/store/connect.js';
import { puente } from './helpers/cli.js';
import { checkWhole } from './helpers/store-checks.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'bad');

interface Result {
  path: string;
  status: 'ingested' | 'unchanged' | 'failed';
  message?: string;
  claims?: number;
}

describe('the bad-input corpus in one batch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'puente-bad-'));
  const db = join(dir, 'bad.db');
  let files: string[] = [];
  let good: string[] = [];
  let run: ReturnType<typeof puente>;
  let results: Result[] = [];

  beforeAll(() => {
    // 100,000 nested elements, and a 50 MB single line: too big to keep in the repository.
    const nested = join(dir, 'deep-nesting.html');
    writeFileSync(
      nested,
      `<!doctype html><html><body>${'<div>'.repeat(100_000)}China lent $1 billion.${'</div>'.repeat(100_000)}</body></html>`,
    );
    const line = join(dir, 'fifty-megabyte-line.txt');
    writeFileSync(line, `China invested $2 billion. ${'x'.repeat(50 * 1024 * 1024)}`);
    good = ['good-en.txt', 'good-es.md', 'good-pt.txt'].map((n) => join(dir, n));
    writeFileSync(good[0] ?? '', 'Chinese banks lent Peru US$ 3.2 billion for the Chancay Port in 2021.');
    writeFileSync(
      good[1] ?? '',
      '---\ntitle: Metro\n---\n\nEl metro de Bogotá costará 13,8 billones de pesos en Colombia.',
    );
    writeFileSync(good[2] ?? '', 'A BYD vai investir R$ 5,5 bilhões na fábrica de Camaçari, na Bahia.');
    files = [
      ...readdirSync(fixtures)
        .filter((n) => n !== 'README.md')
        .map((n) => join(fixtures, n)),
      nested,
      line,
      ...good,
    ];
    run = puente(['ingest', '--json', ...files], { PUENTE_DB: db });
    results = (JSON.parse(run.stdout) as { results: Result[] }).results;
  }, 240_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds at least 40 committed files', () => {
    expect(readdirSync(fixtures).filter((n) => n !== 'README.md').length).toBeGreaterThanOrEqual(40);
  });

  it('gives every file a clean result or an error that says what was wrong, and exits 1 without crashing', () => {
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(
      /\n\s+at .+:\d+:\d+\)?\n|TypeError|RangeError|ReferenceError|Maximum call stack/,
    );
    for (const file of files) {
      const own = results.filter((r) => r.path === file || r.path.startsWith(`${file}#`));
      expect(own.length, file).toBeGreaterThan(0);
      for (const r of own) {
        expect(['ingested', 'unchanged', 'failed'], file).toContain(r.status);
        // A failure says what was wrong (the result names the file by its path).
        if (r.status === 'failed') expect(r.message, file).toMatch(/\w{4,}/);
      }
    }
  });

  it('stores the good files of the same batch, and only whole documents', async () => {
    for (const file of good) {
      const r = results.find((x) => x.path === file);
      expect(r?.status, file).toBe('ingested');
      expect(r?.claims, file).toBeGreaterThan(0);
    }
    const store = openStore({ sqlitePath: db });
    try {
      const { sources } = await checkWhole(store);
      expect(sources).toBe(results.filter((r) => r.status === 'ingested').length);
    } finally {
      await store.close();
    }
  });

  it('refuses what is too big, binary or empty, and reads what is odd but text', () => {
    const status = (name: string) => results.find((r) => r.path.endsWith(`/${name}`))?.status;
    for (const refused of [
      'fifty-megabyte-line.txt',
      'empty.txt',
      'random-binary.txt',
      'zeros-bomb-named.txt',
      'image-named.txt',
      'only-markup.md',
    ])
      expect(status(refused), refused).toBe('failed');
    for (const clean of ['mixed-scripts.txt', 'unbalanced-quotes.txt', 'rtl-override.txt', 'utf8-bom.txt'])
      expect(status(clean), clean).toBe('ingested');
  });

  it('reads legacy encodings and lying charsets, and refuses entity tricks, locked PDFs and fake formats', () => {
    const of = (name: string) => results.filter((r) => r.path.endsWith(`/${name}`));
    for (const read of [
      'latin1-portuguese.txt',
      'windows1252-quotes.txt',
      'utf16le-bom.txt',
      'utf16be-bom.txt',
      'latin1-labelled-utf8.html',
      'utf8-labelled-latin1.html',
      'pdf-named.txt',
      'html-named.md',
    ])
      expect(
        of(read).map((r) => r.status),
        read,
      ).toEqual(['ingested']);
    for (const refused of [
      'billion-laughs.xml',
      'xxe.xml',
      'encrypted.pdf',
      'truncated.pdf',
      'zeros-bomb.gz',
      'image.png',
    ])
      expect(
        of(refused).map((r) => r.status),
        refused,
      ).toEqual(['failed']);
    // A broken line in the middle of JSON Lines fails alone; the lines around it are stored.
    expect(of('jsonl-broken-middle.jsonl').map((r) => r.status)).toEqual(['ingested', 'failed', 'ingested']);
  });

  it('keeps accents and curly quotes of legacy encodings, and never expands an external entity', async () => {
    const store = openStore({ sqlitePath: db });
    try {
      const texts = await store.db.selectFrom('source').select(['uri', 'text']).execute();
      const text = (name: string) => texts.find((t) => t.uri.endsWith(name))?.text ?? '';
      expect(text('latin1-portuguese.txt')).toContain('investimento chinês');
      expect(text('latin1-portuguese.txt')).toContain('São Paulo');
      expect(text('windows1252-quotes.txt')).toContain('“Es un gran paso”');
      expect(text('utf8-labelled-latin1.html')).toContain('inversión china en Perú');
      expect(texts.some((t) => t.text.includes('root:'))).toBe(false);
    } finally {
      await store.close();
    }
  });
});
