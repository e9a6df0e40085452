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
