// A real `puente ingest` batch where some files would stall it: a FIFO and a device (refused by type before any
// read), a deep page (read within its budget), and a JSON Lines item that passes a small time budget (stopped;
// the items around it and the files after it are stored).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { puente } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'puente-budget-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const texts = (db: string) => {
  const sqlite = new SQLite(db, { readonly: true });
  try {
    return sqlite.prepare('select text from source order by text').pluck().all();
  } finally {
    sqlite.close();
  }
};

describe('puente ingest within a budget per document', () => {
  it('refuses a FIFO and a device by type, reads 8 MB of nested markup, stores the good files', () => {
    writeFileSync(join(dir, 'a.txt'), 'Peru got US$ 2 billion from China in 2015.');
    writeFileSync(join(dir, 'z.txt'), 'Chile got US$ 3 billion from China in 2016.');
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    // 1.6 million unclosed elements: the parser's time grew with the square of their depth.
    writeFileSync(
      join(dir, 'nested.html'),
      `<!doctype html><html><body><p>Bolivia got US$ 4 billion from China in 2017.</p>${'<div>'.repeat(1_700_000)}x</body></html>`,
    );
    const db = join(dir, 'batch.db');
    const run = puente(
      [
        'ingest',
        join(dir, 'a.txt'),
        join(dir, 'pipe.txt'),
        '/dev/zero',
        join(dir, 'nested.html'),
        join(dir, 'z.txt'),
      ],
      { PUENTE_DB: db },
    );
    const lines = run.stderr.trim().split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(
        /pipe\.txt: a named pipe \(FIFO\), not a regular file \(save what it holds to a file and ingest that\)$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/dev\/zero: a character device, not a regular file \(/),
    );
    const nested = [...run.stdout.split('\n'), ...lines].find((l) => l.includes('nested.html')) ?? '';
    expect(nested).toMatch(
      /^ingested {2}.*nested\.html -> s_|nested\.html: stopped after the time budget of 60 s/,
    );
    expect(run.stdout).toMatch(/^[34] ingested, 0 unchanged, [23] failed;/m);
    expect(texts(db)).toEqual(
      expect.arrayContaining([
        'Chile got US$ 3 billion from China in 2016.',
        'Peru got US$ 2 billion from China in 2015.',
      ]),
    );
  });

  it('stops a JSON line past --time-budget and stores the lines around it and the files after it', () => {
    // Millions of characters of figures in one line take seconds to extract on any machine; the short lines take
    // about a millisecond each, next to a budget of a fifth of a second.
    const slow =
      'China Eximbank lent Ecuador US$ 1.7 billion in 2010 for the dam, the ministry said. '.repeat(45_000);
    const lines = [
      'Peru got US$ 2 billion from China in 2015.',
      slow,
      'Chile got US$ 3 billion from China in 2016.',
    ];
    writeFileSync(join(dir, 'feed.jsonl'), lines.map((text) => JSON.stringify({ text })).join('\n'));
    writeFileSync(join(dir, 'next.txt'), 'Bolivia got US$ 4 billion from China in 2017.');
    const db = join(dir, 'feed.db');
    const run = puente(
      ['ingest', '--time-budget', '0.2', '--workers', '1', join(dir, 'feed.jsonl'), join(dir, 'next.txt')],
      { PUENTE_DB: db },
    );
    expect(run.stderr.trim()).toMatch(
      /feed\.jsonl: line 2: stopped after the time budget of 0\.2 s for one document \(raise --time-budget \(seconds\) or split the file\)$/,
    );
    expect(run.stdout).toMatch(/feed\.jsonl line 1 -> s_/);
    expect(run.stdout).toMatch(/feed\.jsonl line 3 -> s_/);
    expect(run.stdout).toMatch(/next\.txt -> s_/);
    expect(run.stdout).toMatch(/^3 ingested, 0 unchanged, 1 failed;/m);
    expect(run.status).toBe(1);
    expect(texts(db)).toEqual([
      'Bolivia got US$ 4 billion from China in 2017.',
      'Chile got US$ 3 billion from China in 2016.',
      'Peru got US$ 2 billion from China in 2015.',
    ]);
  });

  it('documents its budget options and their defaults, and refuses a budget that is not a number of seconds', () => {
    const help = puente(['ingest', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toMatch(/--time-budget <seconds> .*\(default: 60\)/);
    expect(help).toMatch(/--max-text-chars <n> .*\(default: 5000000\)/);
    expect(help).toMatch(/--max-pdf-pages <n> .*\(default: 2000\)/);
    const bad = puente(['ingest', '--time-budget', 'soon', join(dir, 'a.txt')]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/"soon" is not a number of seconds above 0/);
  });
});
