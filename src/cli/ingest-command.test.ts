import { describe, expect, it } from 'vitest';
import { resultLine, summarize, summaryLine } from './ingest-command.js';

describe('the lines of a batch', () => {
  it('escapes control characters in names and in messages that quote a file', () => {
    const name = Buffer.from([...Buffer.from('docs/caf'), 0xe9, ...Buffer.from('\n.txt')]);
    expect(
      resultLine({
        path: name,
        item: 'line 2',
        status: 'failed',
        message: 'not valid JSON (\x1b[2J)',
        hint: null,
      }),
    ).toBe('puente: docs/caf\\xe9\\n.txt: line 2: not valid JSON (\\x1b[2J)');
    expect(
      resultLine({
        path: 'docs/x\r.txt',
        item: null,
        status: 'skipped',
        reason: 'a symbolic link to /etc/passwd, outside the folder docs: not followed',
        hint: 'add --follow-symlinks',
      }),
    ).toBe(
      'skipped   docs/x\\r.txt: a symbolic link to /etc/passwd, outside the folder docs: not followed (add --follow-symlinks)',
    );
  });

  it('counts skipped entries in the summary, which names them only when there are', () => {
    const skipped = { path: 'a.zip', item: null, status: 'skipped', reason: 'r', hint: null } as const;
    const failed = { path: 'b.txt', item: null, status: 'failed', message: 'm', hint: null } as const;
    expect(summarize([skipped, skipped, failed])).toMatchObject({ skipped: 2, failed: 1, ingested: 0 });
    expect(summaryLine(summarize([skipped, failed]), 'db\n')).toBe(
      '0 ingested, 0 unchanged, 1 failed, 1 skipped; 0 of the ingested copy earlier documents (db\\n)',
    );
    expect(summaryLine(summarize([failed]), 'db')).toMatch(/^0 ingested, 0 unchanged, 1 failed; /);
  });
});
