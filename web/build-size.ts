import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The JavaScript a first visit loads: the built index.html's entry script and the chunks it preloads. */
export function firstPageJs(dist: string) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const sizes = files.map((file) => {
    const bytes = readFileSync(join(dist, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const sum = (key: 'raw' | 'gzip') => sizes.reduce((s, x) => s + x[key], 0);
  return { files: sizes, raw: sum('raw'), gzip: sum('gzip') };
}

/** One line saying how much JavaScript the first page loads, against the 400 kB gzip target. */
export function firstPageLine(dist: string): string {
  const js = firstPageJs(dist);
  return (
    `first page JavaScript: ${js.files.length} files, ${(js.raw / 1024).toFixed(1)} kB, ` +
    `${(js.gzip / 1024).toFixed(1)} kB gzip (target <= 400 kB gzip); the map and the charts load on demand`
  );
}
