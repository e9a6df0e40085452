import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clock, ProgressBar } from './progress.js';

const dir = mkdtempSync(join(tmpdir(), 'puente-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the ingest progress bar', () => {
  it('shows files done, files/s, MB/s and the time left from the bytes still to read', () => {
    const files = ['a.txt', 'b.txt', 'c.txt', 'd.txt'].map((n) => join(dir, n));
    for (const f of files) writeFileSync(f, 'x'.repeat(1_000_000));
    let now = 0;
    const written: string[] = [];
    const out = { write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    const bar = new ProgressBar(out, () => now);
    bar.plan([...files, join(dir, 'missing.txt')]);
    now = 2000;
    bar.advance(files[0] ?? '');
    bar.advance(files[0] ?? '');
    bar.advance(files[1] ?? '');
    // 2 of 5 files (the missing one counts as a file of no bytes), 2 MB in 2 s, 2 MB left.
    expect(bar.line()).toBe('[############------------] 2/5 files · 1.0 files/s · 1.00 MB/s · ETA 0:02');
    bar.log(() => written.push('a result line\n'));
    expect(written.join('')).toContain('\r\x1b[Ka result line\n\r\x1b[K[');
  });

  it('formats times', () => {
    expect(clock(59.4)).toBe('0:59');
    expect(clock(3725)).toBe('1:02:05');
    expect(clock(Number.NaN)).toBe('--:--');
  });
});
