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

describe('the note of extraction stages that failed', () => {
  const ingested = {
    path: 'a.txt',
    item: null,
    encoding: 'utf-8',
    note: null,
    status: 'ingested',
    sourceId: 's_1',
    paragraphs: 4,
    duplicateParagraphs: 0,
    repeatedParagraphs: 0,
    claims: 2,
    entities: 3,
    duplicateOf: null,
    duplicateKind: null,
    similarity: null,
  } as const;
  const error = (stage: string, paragraph: number, message: string) => ({
    stage,
    paragraph,
    start: 0,
    end: 1,
    message,
  });

  it('names the stage, the paragraph counted from 1 and the message; of several, the count and the first', () => {
    expect(resultLine({ ...ingested, extractionErrors: [] })).toBe(
      'ingested  a.txt -> s_1 (4 paragraphs, 0 duplicate, 2 claims, 3 entities)',
    );
    expect(resultLine({ ...ingested, extractionErrors: [error('figures', 2, 'bad\nfigure')] })).toBe(
      'ingested  a.txt -> s_1 (4 paragraphs, 0 duplicate, 2 claims, 3 entities; 1 extraction stage failed on paragraph 3: figures: bad\\nfigure)',
    );
    expect(
      resultLine({
        ...ingested,
        note: 'read as Windows-1252',
        extractionErrors: [error('quotes', 0, 'x'), error('figures', 3, 'y')],
      }),
    ).toBe(
      'ingested  a.txt -> s_1 (4 paragraphs, 0 duplicate, 2 claims, 3 entities; read as Windows-1252; 2 extraction stages failed, the first on paragraph 1: quotes: x)',
    );
  });
});
