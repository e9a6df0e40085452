import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PuenteError } from '../domain/errors.js';
import { readRegularFile } from './regular-file.js';

const dir = mkdtempSync(join(tmpdir(), 'puente-regular-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const budget = { maxBytes: 1024 };

const refusal = (path: string | Buffer) => {
  try {
    readRegularFile(path, budget);
  } catch (error) {
    return error instanceof PuenteError ? `${error.message} (${error.hint ?? ''})` : String(error);
  }
  return 'read';
};

describe('only regular files are read', () => {
  it('reads a regular file, by a string or by the bytes of a name that is not UTF-8', () => {
    writeFileSync(join(dir, 'a.txt'), 'China lent Peru US$ 1 billion.');
    expect(readRegularFile(join(dir, 'a.txt'), budget).toString()).toBe('China lent Peru US$ 1 billion.');
    const latin1 = Buffer.concat([Buffer.from(join(dir, 'caf')), Buffer.from([0xe9]), Buffer.from('.txt')]);
    writeFileSync(latin1, 'Café de Colombia.');
    expect(readRegularFile(latin1, budget).toString()).toBe('Café de Colombia.');
  });

  it('refuses a FIFO without waiting for a writer, a device, a socket and a folder, by their type', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(refusal(fifo)).toMatch(/^a named pipe \(FIFO\), not a regular file \(save what it holds/);
    expect(refusal('/dev/zero')).toMatch(/^a character device, not a regular file/);
    mkdirSync(join(dir, 'folder'));
    expect(refusal(join(dir, 'folder'))).toMatch(/^a folder, not a regular file/);
    const socket = join(dir, 'socket');
    const server = createServer();
    await new Promise<void>((done) => server.listen(socket, done));
    try {
      expect(refusal(socket)).toMatch(/^a socket, not a regular file/);
    } finally {
      server.close();
    }
  });

  it('says a file is gone in a sentence, and refuses one larger than the budget', () => {
    expect(refusal(join(dir, 'gone.txt'))).toBe(
      'the file was removed or renamed after the batch started (put it back, or leave it out, and run the batch again)',
    );
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(2000));
    expect(refusal(join(dir, 'big.txt'))).toBe(
      'file is 2,000 bytes, larger than the limit of 1,024 (raise --max-bytes or split the file)',
    );
  });
});
