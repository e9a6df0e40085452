import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { readable, unreadType } from '../ingest/sniff.js';
import { kindOf, onlyRegular } from './regular-file.js';
import { bytesAsText, childPath, pathKey, showPath, type FilePath } from './file-path.js';

/** A path a batch passes over, and why: a line of its own in the batch's output, not a failure. */
export interface Skipped {
  path: FilePath;
  item: null;
  status: 'skipped';
  reason: string;
  hint: string | null;
}

/** A path of a batch that cannot be read: what was wrong and what to do. */
export interface PlanFailure {
  path: FilePath;
  item: string | null;
  status: 'failed';
  message: string;
  hint: string | null;
}

/** One step of a batch, in the order the paths were given: a file to read, a path that failed, or one passed over. */
export type PlanItem = { file: FilePath } | { failure: PlanFailure } | { skipped: Skipped };

/** How a folder is scanned. */
export interface PlanOptions {
  /** also read subfolders */
  recursive?: boolean;
  /** follow symbolic links that lead out of the folder given (off: they are skipped) */
  followSymlinks?: boolean;
}

const fail = (path: FilePath, message: string, hint: string | null): PlanItem => ({
  failure: { path, item: null, status: 'failed', message, hint },
});

const skip = (path: FilePath, reason: string, hint: string | null): PlanItem => ({
  skipped: { path, item: null, status: 'skipped', reason, hint },
});

/** The file name extensions a folder scan takes, for the message of a folder that has none. */
const readableList = '.txt, .md, .html, .pdf, .xml/.rss/.atom or .jsonl';

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code;

const reason = (error: unknown) => {
  const code = errorCode(error);
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return error instanceof Error ? error.message : String(error);
};

// The native realpath: Node's own works on strings and cannot resolve a name that is not UTF-8.
const realBytes = (path: FilePath) => realpathSync.native(path, { encoding: 'buffer' });

// Whether a real path is the folder `root` or lies under it (byte for byte: names need not be UTF-8).
function inside(real: Buffer, root: Buffer): boolean {
  if (real.equals(root)) return true;
  if (real.length <= root.length || !real.subarray(0, root.length).equals(root)) return false;
  return root[root.length - 1] === 0x2f || real[root.length] === 0x2f;
}

const byName = (a: Buffer, b: Buffer) => bytesAsText(a).localeCompare(bytesAsText(b)) || Buffer.compare(a, b);

type Recovered = { path: FilePath } | { several: Buffer[]; dir: FilePath; part: string };

/**
 * The file a command-line argument names when Node decoded its bytes that are not UTF-8 into U+FFFD (so that the
 * string no longer opens anything): each component holding U+FFFD is matched against the entries of its folder
 * whose names decode (lossily) to the same string. Null when a component matches nothing.
 */
export function recoverMangled(path: string): Recovered | null {
  let current: FilePath | null = path.startsWith('/') ? '/' : null;
  for (const part of path.split('/')) {
    if (part === '') continue;
    let name: Buffer = Buffer.from(part, 'utf8');
    if (part.includes('\ufffd')) {
      const dir = current ?? '.';
      let matches: Buffer[];
      try {
        matches = readdirSync(dir, { encoding: 'buffer' }).filter((n) => n.toString('utf8') === part);
      } catch {
        return null;
      }
      const [only] = matches;
      if (!only) return null;
      if (matches.length > 1) return { several: matches.sort(byName), dir, part };
      name = only;
    }
    current = current === null ? childPath('', name) : childPath(current, name);
  }
  return current === null ? null : { path: current };
}

/**
 * Expands the given paths into the files to read, in the order given, a file named twice read once. A path given
 * is the user's own choice: a symbolic link is followed, a hidden file read. A folder gives its readable files
 * (subfolders with `recursive`) and a skipped line for every other entry: a symbolic link that leads out of the
 * folder (unless `followSymlinks`; real paths are compared, so a link that stays inside is followed), a hidden
 * entry, a file type the scan does not read, a FIFO, device or socket, a subfolder without `recursive`. Names are
 * read as bytes, so a name that is not UTF-8 is a Buffer path. A path that cannot be read becomes a failure in its
 * place without stopping the others.
 */
export function planFiles(paths: string[], options: PlanOptions = {}): PlanItem[] {
  const plan: PlanItem[] = [];
  // The real path of each file planned, and the path it was planned as.
  const seen = new Map<string, FilePath>();
  const addFile = (path: FilePath) => {
    const key = pathKey(realBytes(path));
    const first = seen.get(key);
    if (first !== undefined) {
      plan.push(skip(path, `the same file as ${showPath(first)}, already in this batch`, null));
      return false;
    }
    seen.set(key, path);
    plan.push({ file: path });
    return true;
  };

  // The folder given on the command line, as given and as its real path: links may not lead out of it.
  interface Root {
    given: FilePath;
    real: Buffer;
    /** whether a subfolder was passed over (no `recursive`) */
    subfolders: boolean;
  }

  // Returns how many plan items (files or failures) the folder gave.
  const walk = (dir: FilePath, root: Root, visited: Set<string>): number => {
    let names: Buffer[];
    try {
      names = readdirSync(dir, { encoding: 'buffer' }).sort(byName);
    } catch (error) {
      plan.push(fail(dir, reason(error), 'check the folder and its permissions'));
      return 1;
    }
    let files = 0;
    for (const name of names) {
      const path = childPath(dir, name);
      try {
        files += entry(path, bytesAsText(name), root, visited);
      } catch (error) {
        plan.push(fail(path, reason(error), 'check the file and its permissions'));
        files++;
      }
    }
    return files;
  };

  // One entry of a folder: a file to read, a folder to walk, or a skipped line. Returns the plan items it gave.
  const entry = (path: FilePath, name: string, root: Root, visited: Set<string>): number => {
    const own = lstatSync(path);
    if (name.startsWith('.')) {
      const what = own.isDirectory() ? 'folder' : own.isSymbolicLink() ? 'link' : 'file';
      plan.push(
        skip(path, `a hidden ${what}: its name starts with a dot`, 'name it on the command line to read it'),
      );
      return 0;
    }
    let stat = own;
    if (own.isSymbolicLink()) {
      let real: Buffer;
      try {
        real = realBytes(path);
      } catch (error) {
        const code = errorCode(error);
        if (code !== 'ENOENT' && code !== 'ELOOP') throw error;
        const target = showPath(readlinkSync(path, { encoding: 'buffer' }));
        plan.push(
          skip(
            path,
            code === 'ENOENT'
              ? `a symbolic link to ${target}, which does not exist`
              : `a symbolic link to ${target}, in a loop of links`,
            null,
          ),
        );
        return 0;
      }
      if (!options.followSymlinks && !inside(real, root.real)) {
        plan.push(
          skip(
            path,
            `a symbolic link to ${showPath(real)}, outside the folder ${showPath(root.given)}: not followed`,
            'add --follow-symlinks to follow links out of the folder, or name the file itself',
          ),
        );
        return 0;
      }
      stat = statSync(path);
    }
    if (stat.isDirectory()) {
      if (!options.recursive) {
        root.subfolders = true;
        plan.push(skip(path, 'a folder: subfolders are read with --recursive', 'add --recursive to read it'));
        return 0;
      }
      const key = pathKey(realBytes(path));
      if (visited.has(key)) {
        plan.push(skip(path, 'a link back to a folder already being read', null));
        return 0;
      }
      return walk(path, root, new Set([...visited, key]));
    }
    if (stat.isFile()) {
      if (readable(name)) return addFile(path) ? 1 : 0;
      const type = unreadType(name);
      plan.push(skip(path, type.reason, type.hint));
      return 0;
    }
    plan.push(skip(path, `${kindOf(stat)}, not a regular file`, null));
    return 0;
  };

  for (const given of paths) {
    let path: FilePath = given;
    try {
      let stat: Stats;
      try {
        stat = statSync(given);
      } catch (error) {
        // Node reads arguments as UTF-8: a name that is not has come through with U+FFFD in it.
        const found =
          errorCode(error) === 'ENOENT' && given.includes('\ufffd') ? recoverMangled(given) : null;
        if (!found) throw error;
        if ('several' in found) {
          plan.push(
            fail(
              given,
              `${found.several.length} entries of ${showPath(found.dir)} read "${found.part}" once their bytes that are not UTF-8 are replaced (${found.several.map((n) => showPath(n)).join(', ')})`,
              'name their folder instead, or rename them apart',
            ),
          );
          continue;
        }
        path = found.path;
        stat = statSync(path);
      }
      if (stat.isFile()) {
        addFile(path);
        continue;
      }
      if (!stat.isDirectory()) {
        plan.push(fail(path, `${kindOf(stat)}, not a regular file`, onlyRegular));
        continue;
      }
      const root: Root = { given: path, real: realBytes(path), subfolders: false };
      const files = walk(path, root, new Set([pathKey(root.real)]));
      if (files === 0) {
        plan.push(
          fail(
            path,
            `no readable documents (${readableList}) in directory${root.subfolders ? ' (subfolders not read)' : ''}`,
            root.subfolders ? 'add --recursive to read subfolders' : `put ${readableList} documents in it`,
          ),
        );
      }
    } catch (error) {
      plan.push(fail(path, reason(error), 'check the path'));
    }
  }
  return plan;
}
