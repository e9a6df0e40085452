import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../reference/paths.js';
import { boundNesting, nestingLimit } from './html-depth.js';
import { readHtml } from './html.js';

interface Node {
  firstChild: Node | null;
  nextSibling: Node | null;
  parentNode: Node | null;
}

// The deepest nesting of a parsed page, in a loop (a recursive walk would overflow on the pages tested here).
function depthOf(html: string): number {
  const { document } = parseHTML(html) as unknown as { document: { documentElement: Node } };
  const root = document.documentElement;
  let deepest = 0;
  let depth = 1;
  let node: Node | null = root.firstChild;
  while (node) {
    deepest = Math.max(deepest, depth);
    if (node.firstChild) {
      node = node.firstChild;
      depth++;
      continue;
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      depth--;
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  return deepest;
}

describe('the nesting the HTML parser is given', () => {
  it('leaves real pages as they are', () => {
    for (const file of [
      join('documents', 'noticia-chancay.html'),
      join('bad', 'html-hostile.html'),
      join('bad', 'html-malformed.html'),
      join('bad', 'latin1-labelled-utf8.html'),
    ]) {
      const html = readFileSync(join(repoRoot, 'test', 'fixtures', file), 'latin1');
      expect(boundNesting(html), file).toBe(html);
    }
    // Tags that close others, void elements, raw text and quoted ">" do not count as nesting.
    const flat = [
      '<ul>' + '<li>a'.repeat(2000) + '</ul>',
      '<p>x'.repeat(2000),
      '<table>' + '<tr><td>a<td>b'.repeat(1000) + '</table>',
      '<br><img src="a>b">'.repeat(2000),
      `<script>${'<div>'.repeat(2000)}</script>`,
      `<svg>${'<path d="M0 0"/>'.repeat(2000)}</svg>`,
      '<div></div>'.repeat(2000),
    ];
    for (const html of flat) expect(boundNesting(html)).toBe(html);
  });

  it('gives the parser no more than the limit, and keeps the text and its paragraphs', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `palabra${i}`);
    const deep = `<!doctype html><html><body>${words.map((w) => `<div>${w}`).join('')}</body></html>`;
    const bounded = boundNesting(deep, nestingLimit, new Set(['b']));
    expect(depthOf(deep)).toBeGreaterThan(5000);
    expect(depthOf(bounded)).toBeLessThanOrEqual(nestingLimit + 2);
    expect(readHtml(deep).paragraphs).toEqual(words);
    // Inline elements left out leave no break; a run of block elements left out, one break (here two runs).
    const inline = `<!doctype html><html><body>${'<div>'.repeat(600)}${'<b>'.repeat(100)}uno dos${'</b>'.repeat(100)}${'<div>'.repeat(1000)}tres</body></html>`;
    expect(readHtml(inline).paragraphs).toEqual(['uno dos', 'tres']);
    expect(boundNesting(inline, nestingLimit, new Set(['b'])).match(/<br>/g)).toHaveLength(2);
  });

  it('reads an unclosed quote or comment to the end, in one pass', () => {
    // The tag left out runs to the end, as the parser would read it: an attribute, no text.
    expect(boundNesting(`${'<div>'.repeat(600)}<a href="x>y`)).toBe(`${'<div>'.repeat(512)}<br>`);
    expect(boundNesting(`<!-- ${'<div>'.repeat(600)}`)).toBe(`<!-- ${'<div>'.repeat(600)}`);
  });
});
