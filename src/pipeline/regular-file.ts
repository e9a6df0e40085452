// A batch reads regular files only. A FIFO or a device named on the command line would block the read forever
// (/dev/zero never ends, a FIFO waits for a writer), so the file is opened without blocking, its type checked on
// that descriptor and its bytes read from the same descriptor: a file swapped for a FIFO between a check by name
// and the read cannot slip through.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { PuenteError } from '../domain/errors.js';
import { fileTooLarge, type Budget } from './budget.js';
import type { FilePath } from './file-path.js';

/** What to do with something that is not a regular file. */
export const onlyRegular = 'save what it holds to a file and ingest that';

/** What a file system entry that is not a regular file is, for messages ("a named pipe (FIFO)"). */
export function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isDirectory()) return 'a folder';
  return 'not a file';
}

const notRegular = (kind: string) =>
  new PuenteError('unsupported_input', `${kind}, not a regular file`, onlyRegular);

// The error of opening a file that the batch's plan found, as a sentence.
function openError(path: FilePath, error: unknown): PuenteError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new PuenteError(
      'not_found',
      'the file was removed or renamed after the batch started',
      'put it back, or leave it out, and run the batch again',
    );
  if (code === 'EACCES' || code === 'EPERM')
    return new PuenteError('forbidden', 'permission denied', 'check the file and its permissions');
  if (code === 'ENXIO') {
    // A socket (or a device with nothing behind it) cannot be opened at all: its type says which.
    let kind = 'a device with nothing behind it';
    try {
      kind = kindOf(statSync(path));
    } catch {
      // gone as well: the device's description stands
    }
    return notRegular(kind);
  }
  return new PuenteError('internal', error instanceof Error ? error.message : String(error));
}

/**
 * The bytes of a regular file, read through one descriptor opened without blocking. Throws a PuenteError for
 * anything else (FIFO, device, socket, folder), for a file larger than the budget, and for a file gone since
 * the batch started.
 */
export function readRegularFile(path: FilePath, budget: Pick<Budget, 'maxBytes'>): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw openError(path, error);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw notRegular(kindOf(stat));
    if (stat.size > budget.maxBytes) throw fileTooLarge(stat.size, budget.maxBytes);
    // Read what the file held when it was opened; a file cut shorter meanwhile gives what is left.
    const bytes = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, bytes, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
