import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { repoRoot } from '../src/reference/paths.js';
import { puente, startPuente } from './helpers/cli.js';
import { samplePath, seedFiles } from './helpers/documents.js';
import { reportPdf } from './helpers/pdf-fixtures.js';

const fixture = (name: string) => join(repoRoot, 'test', 'fixtures', 'documents', name);

const tempDir = () => mkdtempSync(join(tmpdir(), 'puente-cli-'));

describe('puente ingest', () => {
  it('goes on past bad input, names each bad file with its reason, and exits 1', () => {
    const dir = tempDir();
    const batch = join(dir, 'batch');
    mkdirSync(batch);
    mkdirSync(join(dir, 'empty-folder'));
    copyFileSync(samplePath(seedFiles[0]), join(batch, 'a-seed.txt'));
    writeFileSync(
      join(batch, 'b-binary.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    );
    writeFileSync(join(batch, 'c-empty.txt'), '');
    writeFileSync(join(batch, 'd-latin1.txt'), Buffer.from('Per\xfa recibi\xf3 US$ 5 millones.', 'latin1'));
    writeFileSync(join(batch, 'e-good.md'), '# Nota\n\nEl BID prestó US$ 3,5 millones a Bolivia.\n');
    writeFileSync(join(dir, 'f.pdf'), '%PDF-1.7');
    const db = join(dir, 'test.db');
    const run = puente(
      ['ingest', batch, join(dir, 'missing.txt'), join(dir, 'empty-folder'), join(dir, 'f.pdf')],
      { PUENTE_DB: db },
    );

    expect(run.status).toBe(1);
    const errors = run.stderr.trim().split('\n');
    const line = (name: string) => errors.find((l) => l.includes(name)) ?? `(no line for ${name})`;
    expect(line('missing.txt')).toMatch(/no such file or directory/);
    expect(line('empty-folder')).toMatch(/no readable documents \(\.txt, \.md, \.html, \.pdf/);
    expect(line('b-binary.txt')).toMatch(/binary file/);
    expect(line('c-empty.txt')).toMatch(/empty file/);
    expect(run.stdout).toMatch(/ingested {2}.*d-latin1\.txt -> s_\w+ \(.*, read as windows-1252\)/);
    expect(line('f.pdf')).toMatch(/broken PDF: .*\(check that the file opens in a PDF viewer/);
    expect(run.stdout).toMatch(/3 ingested, 0 unchanged, 5 failed/);

    const sqlite = new SQLite(db, { readonly: true });
    const uris = sqlite.prepare('select uri from source order by uri').pluck().all();
    expect(uris).toEqual([
      expect.stringContaining('a-seed.txt'),
      expect.stringContaining('d-latin1.txt'),
      expect.stringContaining('e-good.md'),
    ]);
    expect(sqlite.prepare('select text from source where uri like ?').pluck().get('%d-latin1.txt')).toBe(
      'Perú recibió US$ 5 millones.',
    );
    expect(sqlite.prepare('select language from source where uri like ?').pluck().get('%e-good.md')).toBe(
      'es',
    );
    sqlite.close();

    const again = puente(['ingest', batch], { PUENTE_DB: db });
    expect(again.stdout).toMatch(/0 ingested, 3 unchanged, 2 failed/);
  });

  it('exits 0 and prints JSON results with --json', () => {
    const dir = tempDir();
    const run = puente(['ingest', '--json', samplePath(seedFiles[1])], { PUENTE_DB: join(dir, 'x.db') });
    expect(run.status).toBe(0);
    const body = JSON.parse(run.stdout) as {
      ingested: number;
      results: { status: string; paragraphs: number }[];
    };
    expect(body.ingested).toBe(1);
    expect(body.results[0]).toMatchObject({ status: 'ingested', paragraphs: 7 });
  });

  it.skipIf(!inject('postgresUrl'))(
    '[postgres] ingests into PostgreSQL when DATABASE_URL says so',
    async () => {
      const admin = inject('postgresUrl');
      const name = `cli_${Date.now()}`;
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      const url = admin.replace(/\/postgres$/, `/${name}`);
      const env = { DATABASE_URL: url, PUENTE_DB: '/nonexistent/never.db' };
      const first = puente(['ingest', samplePath(seedFiles[0]), samplePath(seedFiles[1])], env);
      expect(first.status).toBe(0);
      expect(first.stdout).toMatch(
        new RegExp(
          `2 ingested, 0 unchanged, 0 failed; 0 of the ingested copy earlier documents \\(postgres://puente@127.0.0.1:\\d+/${name}\\)`,
        ),
      );
      expect(puente(['ingest', samplePath(seedFiles[0])], env).stdout).toMatch(/0 ingested, 1 unchanged/);
      const db = new pg.Client({ connectionString: url });
      await db.connect();
      const { rows } = await db.query('select duplicate_paragraph_count as d from source order by d desc');
      await db.end();
      await client.query(`DROP DATABASE ${name}`);
      await client.end();
      expect(rows.map((r: { d: number }) => r.d)).toEqual([21, 0]);
    },
  );

  it('refuses a DATABASE_URL that is not PostgreSQL, saying what to do', () => {
    const run = puente(['ingest', samplePath(seedFiles[1])], { DATABASE_URL: 'mysql://x' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/DATABASE_URL must be a postgres:\/\/ URL.*unset DATABASE_URL/);
  });
});

describe('puente ingest: HTML, PDF, feeds and JSON Lines', () => {
  it('stores each item of a feed or JSON Lines file on its own, reports per item, and goes on past a bad one', async () => {
    const dir = tempDir();
    const batch = join(dir, 'batch');
    mkdirSync(batch);
    for (const name of ['noticia-chancay.html', 'inversiones.rss', 'energia.atom', 'registros.jsonl'])
      copyFileSync(fixture(name), join(batch, name));
    // A PDF named .txt is read as a PDF; a binary file named .html is refused.
    writeFileSync(join(batch, 'informe.txt'), await reportPdf());
    writeFileSync(
      join(batch, 'foto.html'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    );
    writeFileSync(join(batch, 'notes.csv'), 'not read: folders take known extensions only');
    const db = join(dir, 'x.db');
    const run = puente(['ingest', batch], { PUENTE_DB: db });
    expect(run.status).toBe(1);
    const out = run.stdout;
    expect(out).toMatch(/ingested {2}.*noticia-chancay\.html -> s_\w+ \(8 paragraphs/);
    expect(out).toMatch(/ingested {2}.*inversiones\.rss item 1 -> /);
    expect(out).toMatch(/ingested {2}.*inversiones\.rss item 3 -> /);
    expect(out).toMatch(/ingested {2}.*energia\.atom item 3 -> /);
    expect(out).toMatch(/ingested {2}.*registros\.jsonl line 6 -> /);
    expect(out).toMatch(/ingested {2}.*informe\.txt -> /);
    expect(run.stderr).toMatch(/inversiones\.rss: item 4: the item has neither a title nor text/);
    expect(run.stderr).toMatch(
      /registros\.jsonl: line 2: not valid JSON .*\(each line must be one JSON object/,
    );
    expect(run.stderr).toMatch(/registros\.jsonl: line 5: no "text" field/);
    expect(run.stderr).toMatch(/foto\.html: binary file: named \.html but holds a PNG image, not HTML/);
    expect(run.stderr).not.toMatch(/notes\.csv/);
    // 1 page + 3 RSS items + 3 Atom entries + 3 records + 1 PDF; 1 empty item + 2 bad lines + 1 binary.
    expect(out).toMatch(/11 ingested, 0 unchanged, 4 failed/);

    const sqlite = new SQLite(db, { readonly: true });
    const row = sqlite
      .prepare('select title, byline, publisher, published_at, media_type from source where uri like ?')
      .get('%noticia-chancay.html');
    expect(row).toEqual({
      title: 'Chancay: el megapuerto financiado por China abre sus muelles',
      byline: 'María Fernanda Quispe',
      publisher: 'Diario del Pacífico',
      published_at: '2024-11-14',
      media_type: 'text/html',
    });
    const pages = sqlite
      .prepare(
        "select p.page from paragraph p join source s on s.id = p.source_id where s.media_type = 'application/pdf' order by p.idx",
      )
      .pluck()
      .all();
    expect(pages).toEqual([1, 1, 1, 1, 2, 2]);
    expect(
      sqlite
        .prepare('select uri from source where media_type = ? order by uri')
        .pluck()
        .all('application/rss+xml'),
    ).toEqual([
      'https://observatorio.example/2023/06/swap-argentina',
      'https://observatorio.example/2024/03/coca-codo',
      'https://observatorio.example/2024/10/byd-camacari',
    ]);
    sqlite.close();
    expect(puente(['ingest', batch], { PUENTE_DB: db }).stdout).toMatch(/0 ingested, 11 unchanged, 4 failed/);
  });
});

describe('puente ingest: folders', () => {
  it('follows links inside a folder, reads a file named twice once, keeps argument order, says what it skips', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'links'));
    copyFileSync(samplePath(seedFiles[1]), join(dir, 'links', 'real.txt'));
    symlinkSync(join(dir, 'links', 'real.txt'), join(dir, 'links', 'linked.txt'));
    writeFileSync(join(dir, 'links', 'noext'), 'China lent Peru $5 billion.');
    const run = puente(
      ['ingest', '--json', join(dir, 'missing.txt'), join(dir, 'links'), join(dir, 'links', 'real.txt')],
      {
        PUENTE_DB: join(dir, 'x.db'),
      },
    );
    const body = JSON.parse(run.stdout) as {
      ingested: number;
      failed: number;
      skipped: number;
      results: { path: string; status: string }[];
    };
    expect(body.results.map((r) => [r.path.split('/').slice(-2).join('/'), r.status])).toEqual([
      [`${dir.split('/').pop()}/missing.txt`, 'failed'],
      ['links/linked.txt', 'ingested'],
      ['links/noext', 'skipped'],
      ['links/real.txt', 'skipped'],
      ['links/real.txt', 'skipped'],
    ]);
    expect(body).toMatchObject({ ingested: 1, failed: 1, skipped: 3 });
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable folder and goes on with the rest', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'a.txt'), 'text');
    chmodSync(join(dir, 'locked'), 0o000);
    const run = puente(['ingest', join(dir, 'locked'), samplePath(seedFiles[1])], {
      PUENTE_DB: join(dir, 'x.db'),
    });
    chmodSync(join(dir, 'locked'), 0o755);
    expect(run.stderr).toMatch(/locked: permission denied/);
    expect(run.stdout).toMatch(/1 ingested, 0 unchanged, 1 failed/);
  });

  it('refuses a --max-bytes that is not a whole number above 0', () => {
    for (const bad of ['abc', '-5', '0', '1.5']) {
      const run = puente(['ingest', '--max-bytes', bad, samplePath(seedFiles[1])]);
      expect(run.status, bad).not.toBe(0);
      expect(run.stderr).toMatch(/not a whole number above 0/);
    }
  });
});

describe('puente extract', () => {
  it('prints the extraction contract without a database, evidence matching the text', () => {
    const dir = tempDir();
    const run = puente(['extract', samplePath(seedFiles[0]), '--format', 'json'], {
      PUENTE_DB: join(dir, 'never.db'),
    });
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as {
      contract: number;
      source: { paragraphs: number; duplicateParagraphs: number; language: string };
      claims: { value: number; unit: string; quote: string }[];
    };
    expect(out.contract).toBe(1);
    expect(out.source.duplicateParagraphs).toBeGreaterThan(0);
    expect(out.claims).toContainEqual(
      expect.objectContaining({ value: 596.2e9, unit: 'USD', quote: '$596.2 billion' }),
    );
    expect(
      puente(['extract', '-', '--format', 'json'], {}, undefined, 'Brasil recebeu R$ 2 bilhões.').stdout,
    ).toContain('"unit": "BRL"');
  });

  it('keeps stdout empty and exits non-zero on an error, naming the path', () => {
    const run = puente(['extract', '/no/such/file.txt', '--format', 'json']);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/\/no\/such\/file\.txt: no such file or directory/);
    const folder = puente(['extract', tempDir()]);
    expect(folder.status).not.toBe(0);
    expect(folder.stderr).toMatch(/is a folder.*puente ingest/);
  });

  it('answers empty and binary input with a valid contract', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(
      join(dir, 'noise.bin'),
      Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 31) % 256)),
    );
    for (const name of ['empty.txt', 'noise.bin']) {
      const run = puente(['extract', join(dir, name), '--format', 'json']);
      expect(run.status, name).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ contract: 1 });
    }
  });

  it('reads the first item of a feed or JSON Lines file, or the one --item names', () => {
    const first = JSON.parse(puente(['extract', fixture('inversiones.rss'), '--format', 'json']).stdout) as {
      source: { title: string; publishedAt: string };
      claims: { quote: string; unit: string }[];
    };
    expect(first.source).toMatchObject({
      title: 'Argentina y China amplían el swap de monedas',
      publishedAt: '2023-06-13',
    });
    expect(first.claims).toContainEqual(
      expect.objectContaining({ quote: '130.000 millones de yuanes', unit: 'CNY' }),
    );
    const second = JSON.parse(
      puente(['extract', fixture('inversiones.rss'), '--item', '2', '--format', 'json']).stdout,
    ) as {
      source: { language: string };
      claims: { quote: string }[];
    };
    expect(second.source.language).toBe('pt');
    expect(second.claims.map((c) => c.quote)).toContain('R$ 5,5 bilhões');
    const html = JSON.parse(
      puente(['extract', fixture('noticia-chancay.html'), '--format', 'json']).stdout,
    ) as {
      claims: { quote: string; value: number }[];
    };
    expect(html.claims).toContainEqual(
      expect.objectContaining({ quote: 'US$ 1.300 millones', value: 1.3e9 }),
    );
    const broken = puente(['extract', fixture('registros.jsonl'), '--item', '2']);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/registros\.jsonl: line 2: not valid JSON/);
    const past = puente(['extract', fixture('energia.atom'), '--item', '9']);
    expect(past.stderr).toMatch(/no item 9 \(the file holds 3 items\)/);
    expect(puente(['extract', '--help']).stdout).toMatch(/--item <n>/);
  });

  it('lists its commands in --help', () => {
    const run = puente(['--help']);
    for (const command of ['ingest', 'extract', 'serve', 'start', 'db'])
      expect(run.stdout).toContain(command);
  });
});

describe('puente user, token, release and export', () => {
  it('adds users and tokens without putting secrets on the command line, freezes a release, exports it', () => {
    const dir = tempDir();
    const env = { PUENTE_DB: join(dir, 'x.db') };
    expect(puente(['ingest', samplePath(seedFiles[0])], env).status).toBe(0);
    const added = puente(
      ['user', 'add', 'ed', '--role', 'editor', '--password-stdin'],
      env,
      repoRoot,
      'correct horse battery\n',
    );
    expect([added.status, added.stdout.trim()]).toEqual([0, 'added user ed (editor)']);
    const again = puente(['user', 'add', 'ed', '--password-stdin'], env, repoRoot, 'correct horse battery\n');
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/puente: user ed already exists \(choose another name\)/);
    expect(puente(['user', 'add', 'bob', '--role', 'boss'], env).stderr).toMatch(
      /unknown role "boss" \(use viewer, editor or admin\)/,
    );
    const generated = puente(['user', 'add', 'ada', '--role', 'admin'], env);
    expect(generated.stdout).toMatch(/password \(shown once\): \S{20}/);
    const made = puente(['token', 'create', 'ed', '--name', 'ci'], env);
    expect(made.status).toBe(0);
    const token = made.stdout.trim();
    expect(token).toMatch(/^puente_[\w-]{12}\.[\w-]{43}$/);
    const sqlite = new SQLite(env.PUENTE_DB, { readonly: true });
    const stored = sqlite.prepare('select id, secret_hash from api_token').all() as {
      id: string;
      secret_hash: string;
    }[];
    const passwords = sqlite.prepare('select password_hash from user_account').pluck().all() as string[];
    sqlite.close();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.secret_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(token).not.toContain(stored[0]?.secret_hash.split('$')[5]);
    expect(passwords.every((h) => h.startsWith('scrypt$') && !h.includes('correct horse'))).toBe(true);
    expect(puente(['token', 'create', 'nobody'], env).stderr).toMatch(/no user nobody \(add the user first/);

    const release = puente(['release', 'create', '2026-11.1', '--include-proposed', '--note', 'seed'], env);
    expect(release.status).toBe(0);
    const claims = Number(/release 2026-11\.1: (\d+) claims/.exec(release.stdout)?.[1]);
    expect(claims).toBeGreaterThan(10);
    expect(puente(['release', 'create', '2026-11.1'], env).stderr).toMatch(
      /release 2026-11\.1 already exists/,
    );
    expect(puente(['release', 'list'], env).stdout).toMatch(/^2026-11\.1\t.*\tseed$/m);
    const out = join(dir, 'package');
    const exported = puente(['export', '--datapackage', out], env);
    expect(exported.stdout).toMatch(
      new RegExp(`data package of release 2026-11\\.1 in .*: ${claims} claims`),
    );
    const descriptor = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')) as {
      resources: { path: string }[];
    };
    expect(descriptor.resources.map((r) => r.path)).toEqual(['claims.csv', 'entities.csv', 'sources.csv']);
    const missing = puente(['export', '--datapackage', join(dir, 'other'), '--release', 'nope'], env);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/release nope not found \(GET \/api\/v1\/releases lists them/);
    expect(puente(['token', 'revoke', stored[0]?.id ?? ''], env).stdout).toMatch(/revoked token/);
    // Thirteen runs of the command, each starting Node and tsx (2 to 3 s apiece on a two-core machine).
  });
});

describe('puente start', () => {
  it('creates the database and loads the samples on first start only', async () => {
    const dir = tempDir();
    const env = { PUENTE_DB: join(dir, 'first.db'), PORT: '0' };
    const first = await startPuente(['start'], env);
    const body = (await (await fetch(`${first.url}/api/v1/sources?limit=500`)).json()) as {
      total: number;
      items: { duplicateParagraphs: number; uri: string }[];
    };
    const projects = (await (await fetch(`${first.url}/api/v1/projects?limit=1`)).json()) as {
      total: number;
    };
    const gcdf = (await (await fetch(`${first.url}/api/v1/projects?q=gcdf&limit=1`)).json()) as {
      total: number;
    };
    await first.stop();
    expect(first.output()).toMatch(/first start: ingesting the bundled samples/);
    expect(first.output()).toMatch(/GCDF 3.0: 1179 records imported, 0 unchanged, 0 failed/);
    // The 1,179 GCDF records are sources too (each cited by its AidData page), then the two samples.
    expect(body.total).toBe(1181);
    const samples = body.items.filter((s) => s.uri.endsWith('.txt'));
    expect(samples).toHaveLength(2);
    expect(samples.some((s) => s.duplicateParagraphs > 0)).toBe(true);
    // Every GCDF project, and the projects the samples name.
    expect(projects.total).toBeGreaterThan(1179);
    expect(gcdf.total).toBe(1179);

    const second = await startPuente(['start'], env);
    const again = (await (await fetch(`${second.url}/api/v1/sources`)).json()) as { total: number };
    const page = await (await fetch(`${second.url}/`)).text();
    await second.stop();
    expect(second.output()).not.toMatch(/first start|ingested/);
    expect(again.total).toBe(1181);
    expect(page).toContain('<div id="app">');
  });
});
