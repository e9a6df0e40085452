import { describe, expect, it } from 'vitest';
import { isoDate } from './dates.js';
import { readable, sniffFormat, xmlRoot } from './sniff.js';

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
    expect(sniffFormat('x.html', bytes('abc\u0000def'))).toBe('binary');
    expect(sniffFormat('u16.txt', new Uint8Array([0xff, 0xfe, 0x41, 0, 0x42, 0]))).toBe('text');
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
});
