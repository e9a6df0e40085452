import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PuenteError } from '../domain/errors.js';
import { dataDir, repoRoot } from '../reference/paths.js';
import { extract } from '../extract/extract.js';
import { readDocument, readDocuments } from './read-document.js';
import { encryptedPdf, reportPdf } from '../../test/helpers/pdf-fixtures.js';
import { defaultLexicon } from '../reference/lexicon.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const seed000 = join(dataDir, 'samples', '000_c73c21d3761c4f3d.txt');
const fixture = (name: string) => join(repoRoot, 'test', 'fixtures', 'documents', name);
const fixtureBytes = (name: string) => readFileSync(fixture(name));

describe('readDocument', () => {
  it('reads seed 000: byline, language, and its repeated half marked as duplicate paragraphs', () => {
    const doc = readDocument('000.txt', readFileSync(seed000));
    expect(doc.byline).toBe('Li Jiabao');
    expect(doc.language).toBe('en');
    expect(doc.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const duplicates = doc.paragraphs.filter((p) => p.duplicateOf !== null);
    expect(duplicates.length).toBeGreaterThan(10);
    for (const p of duplicates) {
      const original = doc.paragraphs[p.duplicateOf ?? -1];
      expect(original && doc.text.slice(original.start, original.end)).toBe(doc.text.slice(p.start, p.end));
    }
  });

  it('reads Markdown front matter and strips inline markup', () => {
    const md =
      '---\ntitle: "Chancay opens"\ndate: 2024-11-14\nlanguage: en\n---\n# Ignored heading\n\nThe **port** cost [about $1.3 billion](http://x).\n';
    const doc = readDocument('a.md', utf8(md));
    expect(doc).toMatchObject({
      title: 'Chancay opens',
      publishedAt: '2024-11-14',
      language: 'en',
      mediaType: 'text/markdown',
    });
    expect(doc.text).toBe('Ignored heading\n\nThe port cost about $1.3 billion.');
  });

  it('takes a short first line of a text as its title', () => {
    const doc = readDocument(
      'b.txt',
      utf8('China and Peru sign deal\nThe two countries signed a deal on Monday. It covers ports.\n'),
    );
    expect(doc.title).toBe('China and Peru sign deal');
  });

  it('refuses other file types with what to do', () => {
    expect(() => readDocument('a.csv', utf8('a,b\n1,2\n'))).toThrow(PuenteError);
    expect(() => readDocument('a.csv', utf8('a,b\n1,2\n'))).toThrow(
      /^named \.csv, a type ingest does not read, but its content is plain text$/,
    );
    expect(() => readDocument('a.pdf', utf8('%PDF-1.7'))).toThrow(/PDF is read asynchronously/);
  });
});

describe('readDocument: edge cases', () => {
  it('keeps text between --- lines in plain text, and in Markdown unless every line is key: value', () => {
    const txt = readDocument(
      'fm.txt',
      utf8('---\nChina lent Peru $5 billion in 2020.\n---\nEnd of report.\n'),
    );
    expect(txt.text).toContain('China lent Peru $5 billion in 2020.');
    const md = readDocument('rule.md', utf8('---\nChina lent Peru $5 billion.\n---\n\nEnd.\n'));
    expect(md.text).toContain('China lent Peru $5 billion.');
    expect(readDocument('fm.md', utf8('---\ntitle: T\n---\nBody text here.\n')).title).toBe('T');
  });

  it('refuses a Markdown file of only markup, and does not take a heading from the next line', () => {
    expect(() => readDocument('markup.md', utf8('# \n\n***\n\n---\n\n- \n'))).toThrow(/only markup/);
    expect(readDocument('h.md', utf8('#\nPeru got $5 billion.\n')).title).toBeNull();
  });

  it('reads text with a NUL byte or a few control characters, its claims quoting the text stored', () => {
    expect(readDocument('late-nul.txt', utf8(`${'a'.repeat(9000)}\u0000def`)).text).toBe(
      `${'a'.repeat(9000)}def`,
    );
    const doc = readDocument(
      'controls.txt',
      utf8('China \u0001Eximbank lent\u0002 Peru US$ 1.3 billion\u001b in 2021.\n\nThe port opened.\u0000'),
    );
    expect(doc.text).toBe('China Eximbank lent Peru US$ 1.3 billion in 2021.\n\nThe port opened.');
    const { claims } = extract(doc, defaultLexicon());
    expect(claims.length).toBeGreaterThan(0);
    for (const c of claims) expect(doc.text.slice(c.start, c.end)).toBe(c.quote);
  });

  it('reads anything in lenient mode: empty, binary, Windows-1252', () => {
    expect(readDocument('e.txt', new Uint8Array(), { lenient: true }).paragraphs).toEqual([]);
    const latin = readDocument(
      'l.txt',
      Uint8Array.from(Buffer.from('Perú recibió US$ 5 millones.', 'latin1')),
      { lenient: true },
    );
    expect(latin.text).toBe('Perú recibió US$ 5 millones.');
    // A broken feed or JSON Lines file is read as text rather than refused.
    const feed = readDocument('x.rss', utf8('<rss><channel><item>Chile got $2 billion'), { lenient: true });
    expect(feed.text).toContain('Chile got $2 billion');
    expect(readDocument('x.jsonl', utf8('{"nope": 1}'), { lenient: true }).text).toBe('{"nope": 1}');
  });
});

// The figures the extractor finds in a read document, as "value unit" strings.
const figures = (doc: Parameters<typeof extract>[0]) =>
  extract(doc, defaultLexicon())
    .claims.filter((c) => typeof c.value === 'number')
    .map((c) => `${c.quote} = ${c.value} ${c.unit}`);

describe('readDocuments: HTML', () => {
  it('reads a saved news page: article text without navigation, ads, scripts or footer, and its metadata', async () => {
    const { documents, failures } = await readDocuments('nota.html', fixtureBytes('noticia-chancay.html'));
    expect(failures).toEqual([]);
    const [doc] = documents;
    expect(doc).toMatchObject({
      mediaType: 'text/html',
      title: 'Chancay: el megapuerto financiado por China abre sus muelles',
      byline: 'María Fernanda Quispe',
      publisher: 'Diario del Pacífico',
      publishedAt: '2024-11-14',
      language: 'es',
      encoding: 'utf-8',
    });
    const paragraphs = doc?.paragraphs.map((p) => doc.text.slice(p.start, p.end)) ?? [];
    expect(paragraphs[0]).toBe('Chancay: el megapuerto financiado por China abre sus muelles');
    expect(paragraphs[1]).toMatch(/^El puerto de Chancay, a 80 kilómetros al norte de Lima/);
    expect(paragraphs).toContain('Una ruta más corta hacia Asia');
    expect(paragraphs).toContain(
      'El proyecto completo demandará una inversión de US$ 3.600 millones hasta 2032, de acuerdo con COSCO Shipping.',
    );
    // Script, style, noscript, menus, ads and the footer never become text.
    for (const noise of ['7.777', '9.999', '5.555', 'Suscríbete', 'Publicidad', 'Términos', 'dataLayer', '©'])
      expect(doc?.text).not.toContain(noise);
    expect(doc ? figures(doc) : []).toEqual(
      expect.arrayContaining(['US$ 1.300 millones = 1300000000 USD', 'US$ 3.600 millones = 3600000000 USD']),
    );
  });

  it('reads a page with 100,000 nested elements without overflowing the stack', () => {
    const depth = 100_000;
    const html = `<!doctype html><html><body>${'<div>'.repeat(depth)}<p>China lent Peru $5 billion.</p>${'</div>'.repeat(depth)}</body></html>`;
    const doc = readDocument('deep.html', utf8(html));
    expect(doc.text).toBe('China lent Peru $5 billion.');
  });

  it('catches a charset label that the bytes contradict', async () => {
    const page = (charset: string, body: string) =>
      `<html><head><meta charset="${charset}"><title>T</title></head><body><p>${body}</p></body></html>`;
    const lying = readDocument(
      'a.html',
      utf8(page('iso-8859-1', 'Inversión china en Perú y Brasil: São Paulo.')),
    );
    expect(lying.text).toContain('Inversión china en Perú y Brasil: São Paulo.');
    expect(lying.note).toMatch(/declared iso-8859-1 but the bytes are valid UTF-8/);
    const latin = Uint8Array.from(Buffer.from(page('utf-8', 'Açúcar e café do Brasil.'), 'latin1'));
    const read = (await readDocuments('b.html', latin)).documents[0];
    expect(read?.text).toContain('Açúcar e café do Brasil.');
    expect(read).toMatchObject({
      encoding: 'windows-1252',
      note: expect.stringMatching(/declared utf-8 but not valid UTF-8/),
    });
  });

  it('fetches nothing the page points to and refuses a binary file named .html', () => {
    const html =
      '<html><head><link rel="stylesheet" href="http://127.0.0.1:9/x.css"><script src="http://127.0.0.1:9/x.js"></script></head>' +
      '<body><img src="http://127.0.0.1:9/i.png"><iframe src="http://127.0.0.1:9/"></iframe><p>Chile firmó con China un acuerdo.</p></body></html>';
    expect(readDocument('p.html', utf8(html)).text).toBe('Chile firmó con China un acuerdo.');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(() => readDocument('photo.html', png)).toThrow(
      /^binary file: named \.html but holds a PNG image, not HTML$/,
    );
  });
});

describe('readDocuments: PDF', () => {
  it('reads a two-page report: paragraphs with their page, joined lines, de-hyphenated words, metadata', async () => {
    const { documents } = await readDocuments('informe.pdf', await reportPdf());
    const [doc] = documents;
    expect(doc).toMatchObject({
      mediaType: 'application/pdf',
      title: 'El litio boliviano y China',
      byline: 'Observatorio Andino',
      publishedAt: '2024-03-18',
      language: 'es',
    });
    const rows = doc?.paragraphs.map((p) => [p.page, doc.text.slice(p.start, p.end)]) ?? [];
    expect(rows[0]).toEqual([1, 'Informe 2024: el litio y la inversión china en Bolivia']);
    expect(rows[1]).toEqual([
      1,
      'La Paz, marzo de 2024. Este informe resume los acuerdos firmados por Yacimientos de Litio Bolivianos (YLB) con empresas chinas para explotar el salar de Uyuni.',
    ]);
    expect(rows[2]?.[1]).toContain('La inversión comprometida es de US$ 1.000 millones');
    expect(rows.filter(([page]) => page === 2).map(([, text]) => text)).toEqual([
      'En junio de 2023 se sumaron CITIC Guoan y la rusa Uranium One con otros US$ 1.400 millones. La producción comenzaría en 2025, según el Ministerio de Hidrocarburos y Energías.',
      'Anexo: metodología y fuentes consultadas.',
    ]);
    // Running page numbers are not text.
    expect(doc?.text).not.toMatch(/Página \d/);
    expect(doc ? figures(doc) : []).toEqual(
      expect.arrayContaining([
        'US$ 1.000 millones = 1000000000 USD',
        '25.000 toneladas = 25000 t',
        'US$ 1.400 millones = 1400000000 USD',
      ]),
    );
  });

  it('reads a PDF named .txt as PDF', async () => {
    const { documents } = await readDocuments('misnamed.txt', await reportPdf());
    expect(documents[0]?.mediaType).toBe('application/pdf');
  });

  it('refuses encrypted and broken PDFs with the reason and what to do', async () => {
    await expect(readDocuments('locked.pdf', await encryptedPdf())).rejects.toMatchObject({
      code: 'unsupported_input',
      message: 'encrypted PDF: it needs a password to open',
      hint: expect.stringMatching(/qpdf --decrypt/),
    });
    await expect(readDocuments('broken.pdf', utf8('%PDF-1.7\nnot a PDF at all'))).rejects.toMatchObject({
      message: expect.stringMatching(/^broken PDF: /),
      hint: expect.stringMatching(/PDF viewer/),
    });
  });
});

describe('readDocuments: feeds', () => {
  it('reads each RSS item as its own document, with link, title, date, author and content:encoded', async () => {
    const { documents, failures } = await readDocuments(
      '/feeds/inversiones.rss',
      fixtureBytes('inversiones.rss'),
    );
    expect(documents.map((d) => [d.uri, d.title, d.publishedAt, d.byline, d.language, d.item])).toEqual([
      [
        'https://observatorio.example/2023/06/swap-argentina',
        'Argentina y China amplían el swap de monedas',
        '2023-06-13',
        'Lucía Benítez',
        'es',
        1,
      ],
      [
        'https://observatorio.example/2024/10/byd-camacari',
        'BYD inaugura fábrica de veículos elétricos em Camaçari',
        '2024-10-09',
        'Paulo Nogueira',
        'pt',
        2,
      ],
      // An unreadable date is null, not a crash.
      [
        'https://observatorio.example/2024/03/coca-codo',
        "Chinese lenders back Ecuador's Coca Codo Sinclair repairs",
        null,
        null,
        'en',
        3,
      ],
    ]);
    expect(failures).toEqual([
      expect.objectContaining({
        where: 'item 4',
        item: 4,
        message: expect.stringMatching(/neither a title nor text/),
      }),
    ]);
    const [swap, byd, coca] = documents;
    expect(swap?.mediaType).toBe('application/rss+xml');
    expect(swap?.publisher).toBe('Observatorio China–América Latina');
    // content:encoded wins over the description; its script is not text.
    expect(swap?.text).toContain('renovaron el swap de monedas por 130.000 millones de yuanes');
    expect(swap?.text).not.toMatch(/trackRead|amplió el acuerdo/);
    expect(byd?.text).toContain('5.000 empregos diretos & indiretos.');
    expect(new Set(documents.map((d) => d.contentHash)).size).toBe(3);
    expect(swap ? figures(swap) : []).toContain('130.000 millones de yuanes = 130000000000 CNY');
    expect(byd ? figures(byd) : []).toContain('R$ 5,5 bilhões = 5500000000 BRL');
    expect(coca ? figures(coca) : []).toEqual(
      expect.arrayContaining(['$1.7 billion = 1700000000 USD', '1,500 MW = 1500 MW']),
    );
  });

  it('reads Atom entries: html, text and xhtml content, published or updated dates, file#item-N without a link', async () => {
    const { documents, failures } = await readDocuments('/feeds/energia.atom', fixtureBytes('energia.atom'));
    expect(failures).toEqual([]);
    expect(documents.map((d) => [d.uri, d.publishedAt, d.byline, d.mediaType])).toEqual([
      [
        'https://energiasulsul.example/2024/belo-monte',
        '2024-08-20',
        'Carla Menezes',
        'application/atom+xml',
      ],
      ['https://energiasulsul.example/2024/piaui-solar', '2024-05-02', 'Rafael Lima', 'application/atom+xml'],
      ['/feeds/energia.atom#item-3', null, null, 'application/atom+xml'],
    ]);
    expect(documents[2]?.paragraphs).toHaveLength(3);
    expect(documents[0] ? figures(documents[0]) : []).toEqual(
      expect.arrayContaining(['800 kV = 800 kV', 'US$ 3,7 bilhões = 3700000000 USD']),
    );
    expect(documents[2] ? figures(documents[2]) : []).toContain('$233 million = 233000000 USD');
  });

  it('catches an XML encoding declaration that the bytes contradict', async () => {
    const feed = (encoding: string) =>
      `<?xml version="1.0" encoding="${encoding}"?><rss version="2.0"><channel><item><title>Inversión en Perú</title>` +
      '<description>El puerto de Chancay costó US$ 1.300 millones.</description></item></channel></rss>';
    const lying = (await readDocuments('a.rss', utf8(feed('ISO-8859-1')))).documents[0];
    expect(lying).toMatchObject({ title: 'Inversión en Perú', encoding: 'utf-8' });
    expect(lying?.note).toMatch(/declared ISO-8859-1 but the bytes are valid UTF-8/);
    const latin = Uint8Array.from(Buffer.from(feed('UTF-8'), 'latin1'));
    const read = (await readDocuments('b.rss', latin)).documents[0];
    expect(read).toMatchObject({ title: 'Inversión en Perú', encoding: 'windows-1252' });
    expect(read?.text).toContain('El puerto de Chancay costó US$ 1.300 millones.');
  });

  it('refuses a feed nested 100,000 deep with a clear error, not a crash', async () => {
    const depth = 100_000;
    const xml = `<?xml version="1.0"?><rss><channel><item><title>${'<b>'.repeat(depth)}x${'</b>'.repeat(depth)}</title></item></channel></rss>`;
    await expect(readDocuments('deep.rss', utf8(xml))).rejects.toThrow(/XML nested too deep to read/);
  });

  it('refuses entity declarations (billion laughs) and malformed XML clearly', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>' +
      '<rss version="2.0"><channel><item><title>&lol2;</title></item></channel></rss>';
    await expect(readDocuments('laughs.xml', utf8(laughs))).rejects.toThrow(
      /entity declarations .* are refused/,
    );
    const external =
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><item><title>&xxe;</title></item></channel></rss>';
    await expect(readDocuments('xxe.rss', utf8(external))).rejects.toThrow(/entity declarations/);
    await expect(
      readDocuments('bad.rss', utf8('<rss><channel><item><title>x</channel></rss>')),
    ).rejects.toThrow(/not well-formed XML/);
  });
});

describe('readDocuments: JSON Lines', () => {
  it('reads one document per line and names each broken line, reading the others', async () => {
    const { documents, failures } = await readDocuments(
      '/data/registros.jsonl',
      fixtureBytes('registros.jsonl'),
    );
    expect(documents.map((d) => [d.uri, d.title, d.publishedAt, d.language, d.where])).toEqual([
      [
        'https://registro.example/cdb-venezuela',
        'Préstamo del CDB a Venezuela',
        '2015-09-03',
        'es',
        'line 1',
      ],
      ['/data/registros.jsonl#line-3', 'Ambulances for Bolivia', null, 'en', 'line 3'],
      ['/data/registros.jsonl#line-6', null, '2025-01-15', 'pt', 'line 6'],
    ]);
    expect(failures.map((f) => [f.where, f.message])).toEqual([
      ['line 2', expect.stringMatching(/^not valid JSON/)],
      ['line 5', 'no "text" field'],
    ]);
    expect(documents[1]?.paragraphs).toHaveLength(2);
    expect(documents[0]?.mediaType).toBe('application/x-ndjson');
    expect(documents[0] ? figures(documents[0]) : []).toContain('US$ 2.500 millones = 2500000000 USD');
  });

  it('says a pretty-printed JSON file is not JSON Lines', async () => {
    await expect(readDocuments('a.json', utf8('{\n  "text": "x",\n  "title": "y"\n}\n'))).rejects.toThrow(
      /not JSON Lines/,
    );
  });
});

describe('readDocuments: encodings of plain text', () => {
  it('reads Windows-1252 Portuguese and UTF-16 text with their accents', async () => {
    const pt = (await readDocuments('pt.txt', fixtureBytes('portugues-cp1252.txt'))).documents[0];
    expect(pt).toMatchObject({
      encoding: 'windows-1252',
      language: 'pt',
      title: 'Investimento chinês no Brasil',
    });
    expect(pt ? figures(pt) : []).toContain('R$ 14 bilhões = 14000000000 BRL');
    const u16 = (await readDocuments('u.txt', fixtureBytes('utf16le-bom.txt'))).documents[0];
    expect(u16?.title).toBe('Cooperação China–América Latina');
    expect(u16 ? figures(u16) : []).toContain('US$ 1.000 millones = 1000000000 USD');
  });
});

describe('readDocuments: no network', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('never calls fetch while reading a page, a feed or a PDF that point elsewhere', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    const page =
      '<html><head><base href="http://127.0.0.1:9/"><link rel="stylesheet" href="x.css"></head>' +
      '<body><img src="i.png" srcset="a.png 2x"><video src="v.mp4"></video><a href="/n">n</a><p>China lent Peru $5 billion.</p></body></html>';
    await readDocuments('p.html', utf8(page));
    await readDocuments('f.rss', fixtureBytes('inversiones.rss'));
    await readDocuments('r.pdf', await reportPdf());
    expect(fetch).not.toHaveBeenCalled();
  });
});

// The message and hint a read refuses the bytes with.
const refusal = (name: string, bytes: Uint8Array) => {
  try {
    readDocument(name, bytes);
  } catch (error) {
    return error instanceof PuenteError
      ? { message: error.message, hint: error.hint }
      : { message: String(error) };
  }
  return { message: 'read' };
};

describe('readDocument: refusals say what the content is and what to do', () => {
  const text = utf8('Plain text pretending to be another format. China invested $2 billion.');
  it.each([
    ['a.pdf', text, 'named .pdf but holds plain text, not a PDF', 'rename it .txt to read it as plain text'],
    ['a.xml', text, 'named .xml but holds plain text, not an RSS or Atom feed', /^rename it \.txt/],
    [
      'a.jsonl',
      text,
      /^named \.jsonl but holds plain text, not JSON Lines \(its first line/,
      /one JSON object per line/,
    ],
    ['a.html', text, 'named .html but holds plain text without HTML markup', /^rename it \.txt/],
    [
      'a.csv',
      text,
      'named .csv, a type ingest does not read, but its content is plain text',
      /^rename it \.txt/,
    ],
    ['README', text, 'no file name extension to say what it is; its content is plain text', /^name it \.txt/],
    [
      'logo.svg',
      utf8('<svg xmlns="http://www.w3.org/2000/svg"><text>China $5 billion</text></svg>'),
      'an SVG image (XML whose root is <svg>), not a document Puente reads',
      /reads no images/,
    ],
    [
      'site.xml',
      utf8('<?xml version="1.0"?><urlset><url>x</url></urlset>'),
      'XML whose root is <urlset>, not an RSS or Atom feed',
      /save the text of other XML as \.txt/,
    ],
    ['notes.txt', utf8('<config><a>1</a></config>'), 'read', undefined],
    [
      'a.gz',
      new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0]),
      'binary file: gzip-compressed data, not a document Puente reads',
      /never decompresses/,
    ],
    [
      'report.docx',
      new Uint8Array([0x50, 0x4b, 3, 4, 0x14, 0]),
      /^binary file: a ZIP archive \(\.docx, .*\), not a document Puente reads$/,
      /save a Word, spreadsheet or e-book document as PDF or plain text/,
    ],
    [
      'scan.pdf',
      new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
      'binary file: named .pdf but holds a JPEG image, not a PDF',
      /OCR/,
    ],
    [
      'noise.txt',
      new Uint8Array(256).map((_, i) => i),
      /^binary file: named \.txt but holds binary data, not plain text \(\d+ of its 256 bytes .* are control characters/,
      /convert it to UTF-8/,
    ],
  ])('%s', (name, bytes, message, hint) => {
    const got = refusal(name, bytes);
    if (typeof message === 'string') expect(got.message).toBe(message);
    else expect(got.message).toMatch(message);
    if (hint !== undefined) expect(got.hint).toMatch(hint);
  });
});

describe('readDocuments: values refused with a note', () => {
  it('stores a JSON line without an invalid date or an address that is not http(s), and says so', async () => {
    const lines = [
      { text: 'China lent Peru $5 billion.', publishedAt: '2024-02-30', url: 'https://example.org/a' },
      { text: 'China lent Chile $6 billion.', publishedAt: 'yesterday', url: 'javascript:alert(1)' },
      { text: 'China lent Bolivia $7 billion.', publishedAt: '2024-13-01', url: 'data:text/html,<b>x</b>' },
      { text: 'China lent Cuba $8 billion.', publishedAt: '2024-02-29' },
    ].map((o) => JSON.stringify(o));
    const { documents } = await readDocuments('/d/a.jsonl', utf8(lines.join('\n')));
    expect(documents.map((d) => [d.uri, d.publishedAt, d.note])).toEqual([
      [
        'https://example.org/a',
        null,
        'publishedAt "2024-02-30" refused (February 2024 has 29 days): stored without a date',
      ],
      [
        '/d/a.jsonl#line-2',
        null,
        'url "javascript:alert(1)" refused (a javascript: address: only http and https addresses are kept): the file\'s own address is used; publishedAt "yesterday" refused (not a date Puente reads (YYYY-MM-DD, an ISO 8601 time or an RFC 822 date)): stored without a date',
      ],
      [
        '/d/a.jsonl#line-3',
        null,
        expect.stringMatching(
          /^url "data:text\/html,<b>x<\/b>" refused .*; publishedAt "2024-13-01" refused \(there is no month 13\)/,
        ),
      ],
      ['/d/a.jsonl#line-4', '2024-02-29', null],
    ]);
  });

  it('refuses a feed item link that is not http(s) and an invalid date, in RSS and Atom', async () => {
    const rss =
      '<rss version="2.0"><channel><item><title>Uno</title><link>javascript:alert(1)</link><pubDate>2024-02-30</pubDate>' +
      '<description>China lent Peru $2 billion.</description></item>' +
      '<item><title>Dos</title><link>data:text/html,x</link><guid>https://example.org/dos</guid><pubDate>not a date</pubDate>' +
      '<dc:date>2024-03-01</dc:date><description>China lent Chile $3 billion.</description></item></channel></rss>';
    const { documents } = await readDocuments('/f/a.rss', utf8(rss));
    expect(documents.map((d) => [d.uri, d.publishedAt, d.note])).toEqual([
      [
        '/f/a.rss#item-1',
        null,
        expect.stringMatching(
          /^link "javascript:alert\(1\)" refused .*file's own address is used; pubDate "2024-02-30" refused \(February 2024 has 29 days\): stored without a date$/,
        ),
      ],
      [
        'https://example.org/dos',
        '2024-03-01',
        expect.stringMatching(
          /^link "data:text\/html,x" refused .*: the guid is used instead; pubDate "not a date" refused .*: dc:date used instead$/,
        ),
      ],
    ]);
    const atom =
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Tres</title><link href="javascript:alert(1)"/>' +
      '<published>2024-04-31</published><content type="text">China lent Peru $4 billion.</content></entry></feed>';
    const [entry] = (await readDocuments('/f/b.atom', utf8(atom))).documents;
    expect(entry).toMatchObject({ uri: '/f/b.atom#item-1', publishedAt: null });
    expect(entry?.note).toMatch(
      /^link "javascript:alert\(1\)" refused .*; published "2024-04-31" refused \(April 2024 has 30 days\)/,
    );
  });

  it('takes an http(s) front-matter url as the address, and refuses another address or a bad date', () => {
    const md = (url: string, date: string) =>
      utf8(`---\ntitle: T\nurl: ${url}\ndate: ${date}\n---\n\nChina lent Peru $1 billion.\n`);
    expect(readDocument('/m/a.md', md('https://example.org/nota', '2024-11-14'))).toMatchObject({
      uri: 'https://example.org/nota',
      publishedAt: '2024-11-14',
      note: null,
    });
    const bad = readDocument('/m/b.md', md('javascript:alert(1)', '2024-02-30'));
    expect(bad).toMatchObject({ uri: '/m/b.md', publishedAt: null });
    expect(bad.note).toMatch(
      /^url "javascript:alert\(1\)" refused .*; date "2024-02-30" refused \(February 2024 has 29 days\): stored without a date$/,
    );
  });
});

describe('readDocuments: well-formed text', () => {
  const lone = /[\ud800-\udfff]/u;
  it('replaces lone surrogates from JSON escapes and XML references with U+FFFD, offsets unmoved', async () => {
    const line =
      '{"text": "China lent Peru \\ud800 US$ 5 billion in 2020.", "title": "T\\udc00", "author": "A\\ud800"}';
    const [doc] = (await readDocuments('a.jsonl', utf8(line))).documents;
    expect(doc?.text).toBe('China lent Peru \ufffd US$ 5 billion in 2020.');
    expect(doc?.title).toBe('T\ufffd');
    expect(doc?.byline).toBe('A\ufffd');
    const claims = doc ? extract(doc, defaultLexicon()).claims : [];
    expect(claims.length).toBeGreaterThan(0);
    for (const c of claims) expect(doc?.text.slice(c.start, c.end)).toBe(c.quote);
    const rss =
      '<rss><channel><item><title>Uno &#xD800;</title><description>China lent Peru &amp;#xDC00; $2 billion.</description></item></channel></rss>';
    const [item] = (await readDocuments('a.rss', utf8(rss))).documents;
    expect(item?.title).toBe('Uno \ufffd');
    expect(lone.test(item?.text ?? '')).toBe(false);
    expect(item?.text).toContain('Peru \ufffd $2 billion.');
  });
});
