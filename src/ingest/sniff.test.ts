import { describe, expect, it } from 'vitest';
import { isoDate, readDate } from './dates.js';
import { describeBinary, readable, sniffFormat, unreadType, xmlRoot } from './sniff.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('sniffFormat', () => {
  it('tells the format from the content, whatever the name says', () => {
    expect(sniffFormat('report.txt', bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe('pdf');
    expect(
      sniffFormat('page.txt', bytes('\n  <!DOCTYPE html>\n<html lang="es"><body>Hola</body></html>')),
    ).toBe('html');
    expect(sniffFormat('x.md', bytes('<head><title>T</title></head><p>x</p>'))).toBe('html');
    expect(
      sniffFormat('feed', bytes('<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0"><channel/></rss>')),
    ).toBe('rss');
    expect(sniffFormat('feed.txt', bytes('<feed xmlns="http://www.w3.org/2005/Atom"></feed>'))).toBe('atom');
    expect(sniffFormat('r.xml', bytes('<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"></rdf:RDF>'))).toBe('rss');
    expect(sniffFormat('data.txt', bytes('{"text":"a"}\n\n{"text":"b"}\n'))).toBe('jsonl');
    expect(sniffFormat('notes.txt', bytes('{not json}\nplain text'))).toBe('text');
    expect(sniffFormat('notes.md', bytes('# Title\n\nText'))).toBe('markdown');
  });

  it('uses the extension only to break ties', () => {
    // A JSON Lines file with a broken line is still JSON Lines when it is named so.
    expect(sniffFormat('data.jsonl', bytes('{"text":"a"}\n{broken\n'))).toBe('jsonl');
    expect(sniffFormat('data.txt', bytes('{"text":"a"}\n{broken\n'))).toBe('text');
    // Loose markup is HTML in an .html file.
    expect(sniffFormat('frag.html', bytes('<p>Hola</p>'))).toBe('html');
    expect(sniffFormat('sitemap.xml', bytes('<?xml version="1.0"?><urlset></urlset>'))).toBe('xml');
  });

  it('calls images, archives and other binary data binary, whatever their name', () => {
    expect(sniffFormat('page.html', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
      'binary',
    );
    expect(sniffFormat('doc.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0]))).toBe('binary');
    expect(sniffFormat('x.html', bytes('abc\u0000\u0001\u0002\u0003\u0004def'))).toBe('binary');
    expect(sniffFormat('u16.txt', new Uint8Array([0xff, 0xfe, 0x41, 0, 0x42, 0]))).toBe('text');
    for (const [magic, what] of [
      [[0x1f, 0x8b, 0x08, 0], 'gzip-compressed data'],
      [
        [0x50, 0x4b, 0x03, 0x04],
        'a ZIP archive (.docx, .xlsx, .odt and .epub documents are ZIP archives too)',
      ],
      [[0xff, 0xd8, 0xff, 0xe0], 'a JPEG image'],
    ] as const) {
      expect(sniffFormat('x.txt', new Uint8Array(magic))).toBe('binary');
      expect(describeBinary(new Uint8Array(magic)).what).toBe(what);
    }
  });

  it('takes a NUL or a few control characters in text as text, and UTF-16 without a byte order mark', () => {
    expect(sniffFormat('a.txt', bytes('China lent Peru $5 billion.\u0000'))).toBe('text');
    expect(sniffFormat('a.txt', bytes('abc\u0000def'))).toBe('text');
    const page = Buffer.from(
      '<!doctype html><html><body><p>China lent Peru $5 billion.</p></body></html>',
      'utf16le',
    );
    expect(sniffFormat('a.html', page)).toBe('html');
    expect(sniffFormat('a.txt', Buffer.from(page).swap16())).toBe('html');
  });

  it('finds the XML root past the declaration, comments and a doctype', () => {
    expect(xmlRoot('<?xml version="1.0"?>\n<!DOCTYPE rss [ <!ELEMENT x ANY> ]>\n<!-- hi --><rss>')).toBe(
      'rss',
    );
    expect(xmlRoot('plain')).toBeNull();
  });

  it('lets folder scans take every readable extension', () => {
    for (const name of [
      'a.html',
      'a.HTM',
      'a.pdf',
      'a.xml',
      'a.rss',
      'a.atom',
      'a.jsonl',
      'a.ndjson',
      'a.json',
      'a.txt',
      'a.md',
    ])
      expect(readable(name), name).toBe(true);
    expect(readable('a.docx')).toBe(false);
  });

  it('says why a folder scan passes over a file, by what its extension names', () => {
    expect(unreadType('a.zip')).toEqual({
      reason: 'a .zip archive, not a document type folder scans read',
      hint: 'unpack it and ingest its files',
    });
    expect(unreadType('photo.JPG').reason).toMatch(/^a \.jpg image, /);
    expect(unreadType('report.docx')).toMatchObject({ hint: 'save it as PDF or plain text to read it' });
    expect(unreadType('data.csv')).toMatchObject({
      reason: expect.stringMatching(
        /^a \.csv file, not a type folder scans read \(they read \.txt .*\.md .*\.jsonl/,
      ),
      hint: 'rename it .txt if it is plain text',
    });
    expect(unreadType('README').reason).toMatch(/^a file without an extension, /);
  });
});

describe('isoDate', () => {
  it.each([
    ['2024-11-14T07:30:00-05:00', '2024-11-14'],
    ['2024/03/05', '2024-03-05'],
    ['Tue, 13 Jun 2023 14:05:00 -0300', '2023-06-13'],
    ['13 June 2023', '2023-06-13'],
    ['D:20240318120000Z', '2024-03-18'],
    ['2023-02-30T10:00:00Z', null],
    ['sometime in March', null],
    ['', null],
  ])('reads %j as %j', (value, day) => expect(isoDate(value)).toBe(day));

  it.each([
    ['2024-02-30', 'February 2024 has 29 days'],
    ['2023-02-29T10:00:00Z', 'February 2023 has 28 days'],
    ['2024-13-01', 'there is no month 13'],
    ['2024-04-00', 'there is no day 0'],
    ['0999-01-01', 'the year 999 is out of range'],
    ['45 Foo 2023', '"Foo" is not a month'],
    ['yesterday', 'not a date Puente reads (YYYY-MM-DD, an ISO 8601 time or an RFC 822 date)'],
  ])('says why %j names no day', (value, problem) =>
    expect(readDate(value)).toEqual({ date: null, problem }),
  );

  it('has no problem with an absent or blank date', () => {
    expect(readDate(null)).toEqual({ date: null, problem: null });
    expect(readDate('  ')).toEqual({ date: null, problem: null });
  });
});
