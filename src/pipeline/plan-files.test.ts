import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pathText } from './file-path.js';
import { planFiles, type PlanItem } from './plan-files.js';

const base = mkdtempSync(join(tmpdir(), 'puente-plan-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

let count = 0;
// A fresh folder `docs` with a file outside it, in a folder of its own.
function scene() {
  const dir = join(base, String(count++));
  const docs = join(dir, 'docs');
  mkdirSync(join(docs, 'sub'), { recursive: true });
  mkdirSync(join(dir, 'outside'));
  writeFileSync(join(dir, 'outside', 'secret.txt'), 'root:x:0:0');
  writeFileSync(join(docs, 'a.txt'), 'China lent Peru $5 billion.');
  writeFileSync(join(docs, 'sub', 'b.txt'), 'China lent Chile $6 billion.');
  return { dir, docs };
}

// Each step of a plan as [name relative to the folder, what happens to it].
const steps = (plan: PlanItem[], dir: string) =>
  plan.map((item) => {
    if ('file' in item) return [pathText(item.file).slice(dir.length + 1), 'read'];
    if ('skipped' in item) return [pathText(item.skipped.path).slice(dir.length + 1), item.skipped.reason];
    return [pathText(item.failure.path).slice(dir.length + 1), `failed: ${item.failure.message}`];
  });

describe('planFiles: a folder scan stays inside the folder', () => {
  it('skips a link to a file or a folder outside, follows a link that stays inside', () => {
    const { dir, docs } = scene();
    symlinkSync(join(dir, 'outside', 'secret.txt'), join(docs, 'x.txt'));
    symlinkSync('/etc', join(docs, 'etc'));
    symlinkSync(join(docs, 'sub', 'b.txt'), join(docs, 'inner.txt'));
    symlinkSync('../../outside/secret.txt', join(docs, 'sub', 'relative.txt'));
    expect(steps(planFiles([docs], { recursive: true }), docs)).toEqual([
      ['a.txt', 'read'],
      ['etc', `a symbolic link to /etc, outside the folder ${docs}: not followed`],
      ['inner.txt', 'read'],
      ['sub/b.txt', `the same file as ${join(docs, 'inner.txt')}, already in this batch`],
      [
        'sub/relative.txt',
        `a symbolic link to ${join(dir, 'outside', 'secret.txt')}, outside the folder ${docs}: not followed`,
      ],
      [
        'x.txt',
        `a symbolic link to ${join(dir, 'outside', 'secret.txt')}, outside the folder ${docs}: not followed`,
      ],
    ]);
    const [, link] = planFiles([docs]);
    expect(link).toMatchObject({
      skipped: { status: 'skipped', hint: expect.stringMatching(/--follow-symlinks/) },
    });
  });

  it('follows links out of the folder with followSymlinks, and a link named on the command line', () => {
    const { dir, docs } = scene();
    symlinkSync(join(dir, 'outside', 'secret.txt'), join(docs, 'x.txt'));
    expect(steps(planFiles([docs], { followSymlinks: true }), docs)).toEqual([
      ['a.txt', 'read'],
      ['sub', 'a folder: subfolders are read with --recursive'],
      ['x.txt', 'read'],
    ]);
    expect(planFiles([join(docs, 'x.txt')])).toEqual([{ file: join(docs, 'x.txt') }]);
    // A folder given through a link is the user's own choice too; links inside it stay inside its real path.
    symlinkSync(docs, join(dir, 'docs-link'));
    symlinkSync(join(docs, 'a.txt'), join(docs, 'sub', 'to-a.txt'));
    expect(steps(planFiles([join(dir, 'docs-link')], { recursive: true }), join(dir, 'docs-link'))).toEqual([
      ['a.txt', 'read'],
      ['sub/b.txt', 'read'],
      ['sub/to-a.txt', `the same file as ${join(dir, 'docs-link', 'a.txt')}, already in this batch`],
      [
        'x.txt',
        expect.stringMatching(
          /^a symbolic link to .*secret\.txt, outside the folder .*docs-link: not followed$/,
        ),
      ],
    ]);
  });

  it('skips a link that leads nowhere and a link back to a folder being read', () => {
    const { docs } = scene();
    symlinkSync(join(docs, 'gone.txt'), join(docs, 'dangling.txt'));
    symlinkSync(docs, join(docs, 'sub', 'loop'));
    expect(steps(planFiles([docs], { recursive: true }), docs)).toEqual([
      ['a.txt', 'read'],
      ['dangling.txt', `a symbolic link to ${join(docs, 'gone.txt')}, which does not exist`],
      ['sub/b.txt', 'read'],
      ['sub/loop', 'a link back to a folder already being read'],
    ]);
  });
});

describe('planFiles: every entry passed over has its line', () => {
  it('says why it skips hidden entries, file types it does not read, pipes and subfolders', () => {
    const { docs } = scene();
    writeFileSync(join(docs, '.hidden.txt'), 'hidden');
    mkdirSync(join(docs, '.git'));
    writeFileSync(join(docs, 'a.zip'), Buffer.from([0x50, 0x4b, 3, 4]));
    writeFileSync(join(docs, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(join(docs, 'notes'), 'text');
    execFileSync('mkfifo', [join(docs, 'pipe.txt')]);
    expect(steps(planFiles([docs]), docs)).toEqual([
      ['.git', 'a hidden folder: its name starts with a dot'],
      ['.hidden.txt', 'a hidden file: its name starts with a dot'],
      ['a.txt', 'read'],
      ['a.zip', 'a .zip archive, not a document type folder scans read'],
      [
        'notes',
        expect.stringMatching(/^a file without an extension, not a type folder scans read \(they read \.txt/),
      ],
      ['photo.png', 'a .png image, not a document type folder scans read'],
      ['pipe.txt', 'a named pipe (FIFO), not a regular file'],
      ['sub', 'a folder: subfolders are read with --recursive'],
    ]);
    // Named on the command line, a hidden file is read and a pipe is refused (reading it could wait for ever).
    expect(planFiles([join(docs, '.hidden.txt')])).toEqual([{ file: join(docs, '.hidden.txt') }]);
    expect(planFiles([join(docs, 'pipe.txt')])).toEqual([
      {
        failure: expect.objectContaining({
          message: 'a named pipe (FIFO), not a regular file',
          hint: 'save what it holds to a file and ingest that',
        }),
      },
    ]);
  });

  it('still fails a folder with nothing to read, after the lines of what it passed over', () => {
    const { docs } = scene();
    rmSync(join(docs, 'a.txt'));
    expect(steps(planFiles([docs]), docs)).toEqual([
      ['sub', 'a folder: subfolders are read with --recursive'],
      ['', expect.stringMatching(/^failed: no readable documents .* in directory \(subfolders not read\)$/)],
    ]);
  });
});

describe('planFiles: names that are not UTF-8', () => {
  it('plans a file whose name is not UTF-8 as the exact bytes of its path', () => {
    const { docs } = scene();
    const name = Buffer.concat([Buffer.from(`${docs}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]);
    writeFileSync(name, 'China lent Peru $3 billion.');
    const plan = planFiles([docs]);
    expect(plan).toContainEqual({ file: name });
    expect(steps(plan, docs)).toContainEqual(['caf\\xe9.txt', 'read']);
  });

  it('finds an argument that Node decoded into U+FFFD, and refuses one that matches several names', () => {
    const { docs } = scene();
    const bytes = (last: number) =>
      Buffer.concat([Buffer.from(`${docs}/caf`), Buffer.from([last]), Buffer.from('.txt')]);
    writeFileSync(bytes(0xe9), 'China lent Peru $3 billion.');
    // What process.argv holds for the name: the byte 0xe9 mangled into U+FFFD.
    const mangled = bytes(0xe9).toString('utf8');
    expect(mangled).toBe(`${docs}/caf\ufffd.txt`);
    expect(planFiles([mangled])).toEqual([{ file: bytes(0xe9) }]);
    writeFileSync(bytes(0xe8), 'China lent Chile $2 billion.');
    expect(planFiles([mangled])).toEqual([
      {
        failure: expect.objectContaining({
          path: mangled,
          message: `2 entries of ${docs} read "caf\ufffd.txt" once their bytes that are not UTF-8 are replaced (caf\\xe8.txt, caf\\xe9.txt)`,
        }),
      },
    ]);
    expect(planFiles([`${docs}/nothing\ufffd.txt`])).toEqual([
      { failure: expect.objectContaining({ message: 'no such file or directory' }) },
    ]);
  });
});
