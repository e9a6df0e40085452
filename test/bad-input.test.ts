// Every file of the bad-input corpus (test/fixtures/bad/, plus two generated here because they are big) goes
// through one real `puente ingest` batch: each gets a clean result or one clear error line naming it, nothing
// crashes, the good files of the same batch are stored, and what is stored is whole.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
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
  note?: string | null;
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
  });

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

  it('reads text with a trailing NUL or a few control characters, and UTF-16 without a byte order mark', async () => {
    const of = (name: string) => results.filter((r) => r.path.endsWith(`/${name}`)).map((r) => r.status);
    for (const name of ['trailing-nul.txt', 'three-controls.txt', 'utf16le-no-bom.txt', 'utf16be-no-bom.txt'])
      expect(of(name), name).toEqual(['ingested']);
    const store = openStore({ sqlitePath: db });
    try {
      const text = async (name: string) =>
        (
          await store.db
            .selectFrom('source')
            .select('text')
            .where('uri', 'like', `%/${name}`)
            .executeTakeFirst()
        )?.text;
      expect(await text('three-controls.txt')).toBe(
        'China lent Peru $3 billion for the Chancay port in 2021.',
      );
      expect(await text('utf16be-no-bom.txt')).toBe(
        'Cooperação China–América Latina: US$ 2.000 millones en 2024.',
      );
    } finally {
      await store.close();
    }
  });

  it('stores documents without an invalid date or a javascript:/data: address, with a note, and no lone surrogate', async () => {
    const notes = (name: string) =>
      results.filter((r) => r.path.endsWith(`/${name}`)).map((r) => [r.status, r.note ?? null]);
    expect(notes('jsonl-bad-dates-urls.jsonl')).toEqual([
      [
        'ingested',
        expect.stringMatching(
          /^url "javascript:.*" refused .*; publishedAt "2024-02-30" refused \(February 2024 has 29 days\): stored without a date$/,
        ),
      ],
      ['ingested', expect.stringMatching(/^url "data:.*" refused .*; publishedAt "yesterday" refused/)],
      ['ingested', 'publishedAt "2024-13-01" refused (there is no month 13): stored without a date'],
    ]);
    expect(notes('feed-javascript-link.xml')).toEqual([
      ['ingested', expect.stringMatching(/^link "javascript:alert\(1\)" refused/)],
      ['ingested', expect.stringMatching(/^link "data:text\/html,x" refused/)],
    ]);
    const store = openStore({ sqlitePath: db });
    try {
      const rows = await store.db.selectFrom('source').select(['uri', 'published_at']).execute();
      expect(rows.filter((r) => !/^(?:\/|https?:)/.test(r.uri)).map((r) => r.uri)).toEqual([]);
      expect(rows.find((r) => r.uri === 'https://example.org/bolivia')?.published_at).toBeNull();
      // A lone surrogate would be stored as the bytes ED A0 80 (and ED B0 80), which are not UTF-8.
      const sqlite = new SQLite(db, { readonly: true });
      const invalid = sqlite
        .prepare(
          "select uri from source where instr(hex(text), 'EDA080') > 0 or instr(hex(coalesce(title, '')), 'EDB080') > 0",
        )
        .pluck()
        .all();
      const surrogate = sqlite
        .prepare('select text, title from source where uri like ?')
        .get('%jsonl-lone-surrogate.jsonl#line-1');
      sqlite.close();
      expect(invalid).toEqual([]);
      expect(surrogate).toEqual({
        text: 'China lent Cuba \ufffd $4 billion in 2023.',
        title: 'Lone \ufffd surrogate',
      });
    } finally {
      await store.close();
    }
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

// One real `puente ingest` of a folder holding what a scan must pass over or name with care.
describe('a folder scan in one batch: links out of it, archives, hidden files, odd names', () => {
  const dir = mkdtempSync(join(tmpdir(), 'puente-scan-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores nothing from outside, gives every skipped entry its line, prints odd names escaped', async () => {
    const docs = join(dir, 'docs');
    mkdirSync(docs);
    mkdirSync(join(dir, 'outside'));
    writeFileSync(
      join(dir, 'outside', 'passwd'),
      'root:x:0:0:root:/root:/bin/bash\nChina lent Peru $9 billion.',
    );
    symlinkSync(join(dir, 'outside', 'passwd'), join(docs, 'x.txt'));
    writeFileSync(join(docs, 'a.zip'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]));
    writeFileSync(join(docs, '.hidden.txt'), 'China lent Chile $8 billion.');
    writeFileSync(join(docs, 'new\nline.txt'), 'China lent Bolivia $7 billion.');
    writeFileSync(join(docs, 'esc\x1b[31mred.txt'), 'China lent Cuba $6 billion.');
    writeFileSync(
      Buffer.from([...Buffer.from(`${docs}/caf`), 0xe9, ...Buffer.from('.txt')]),
      'China lent Haiti $5 billion.',
    );
    const run = puente(['ingest', 'docs'], { PUENTE_DB: join(dir, 'scan.db') }, dir);
    // Skips are lines, not failures.
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toEqual([
      'skipped   docs/.hidden.txt: a hidden file: its name starts with a dot (name it on the command line to read it)',
      'skipped   docs/a.zip: a .zip archive, not a document type folder scans read (unpack it and ingest its files)',
      expect.stringMatching(/^ingested {2}docs\/caf\\xe9\.txt -> s_\w+ \(1 paragraphs/),
      expect.stringMatching(/^ingested {2}docs\/esc\\x1b\[31mred\.txt -> s_\w+ /),
      expect.stringMatching(/^ingested {2}docs\/new\\nline\.txt -> s_\w+ /),
      `skipped   docs/x.txt: a symbolic link to ${join(dir, 'outside', 'passwd')}, outside the folder docs: not followed (add --follow-symlinks to follow links out of the folder, or name the file itself)`,
      expect.stringMatching(/^3 ingested, 0 unchanged, 0 failed, 3 skipped; /),
    ]);
    expect(run.stdout).not.toContain('\x1b');
    const store = openStore({ sqlitePath: join(dir, 'scan.db') });
    try {
      const rows = await store.db.selectFrom('source').select(['uri', 'text']).execute();
      expect(rows.map((r) => r.text).sort()).toEqual([
        'China lent Bolivia $7 billion.',
        'China lent Cuba $6 billion.',
        'China lent Haiti $5 billion.',
      ]);
      expect(rows.some((r) => r.text.includes('root:'))).toBe(false);
      expect(rows.map((r) => r.uri)).toContain(join(docs, 'caf\\xe9.txt'));
    } finally {
      await store.close();
    }
  });
});
