import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PuenteError } from '../domain/errors.js';
import { dataDir } from '../reference/paths.js';
import { readDocument } from './read-document.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const seed000 = join(dataDir, 'samples', '000_c73c21d3761c4f3d.txt');

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
    expect(() => readDocument('a.pdf', utf8('%PDF-1.7'))).toThrow(PuenteError);
    expect(() => readDocument('a.pdf', utf8('%PDF-1.7'))).toThrow(/unsupported file type ".pdf"/);
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

  it('refuses a NUL byte anywhere, not only in the first 8 KiB', () => {
    const bytes = utf8(`${'a'.repeat(9000)}\u0000def`);
    expect(() => readDocument('late-nul.txt', bytes)).toThrow(/binary file/);
  });

  it('reads anything in lenient mode: empty, binary, Windows-1252', () => {
    expect(readDocument('e.txt', new Uint8Array(), { lenient: true }).paragraphs).toEqual([]);
    const latin = readDocument(
      'l.txt',
      Uint8Array.from(Buffer.from('Perú recibió US$ 5 millones.', 'latin1')),
      { lenient: true },
    );
    expect(latin.text).toBe('Perú recibió US$ 5 millones.');
  });
});
