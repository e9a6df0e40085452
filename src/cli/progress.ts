import { statSync } from 'node:fs';
import { pathKey, type FilePath } from '../pipeline/file-path.js';

/** Formats seconds as m:ss or h:mm:ss. */
export function clock(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
}

/**
 * A one-line progress bar for a batch on a terminal: files done out of the total, files/s, MB/s and the time
 * left, redrawn at most ten times a second on stderr. `log` prints a line above the bar.
 */
export class ProgressBar {
  private readonly sizes = new Map<string, number>();
  private readonly seen = new Set<string>();
  private readonly started: number;
  private totalBytes = 0;
  private doneBytes = 0;
  private lastDraw = 0;

  constructor(
    private readonly out: NodeJS.WriteStream = process.stderr,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  /** The files of the batch, to know the totals. */
  plan(files: FilePath[]): void {
    for (const file of files) {
      let size = 0;
      try {
        size = statSync(file).size;
      } catch {
        // A file that cannot be read fails in the batch; it counts as nothing here.
      }
      this.sizes.set(pathKey(file), size);
      this.totalBytes += size;
    }
  }

  /** A result for a file: the file counts as done at its first result. */
  advance(path: FilePath): void {
    const key = pathKey(path);
    if (!this.seen.has(key)) {
      this.seen.add(key);
      this.doneBytes += this.sizes.get(key) ?? 0;
    }
    if (this.now() - this.lastDraw >= 100) this.draw();
  }

  /** The current line (for tests and for drawing). */
  line(): string {
    const total = this.sizes.size;
    const done = Math.min(this.seen.size, total);
    const seconds = Math.max(0.001, (this.now() - this.started) / 1000);
    const share = this.totalBytes > 0 ? this.doneBytes / this.totalBytes : total > 0 ? done / total : 1;
    const width = 24;
    const filled = Math.round(share * width);
    const bytesPerSecond = this.doneBytes / seconds;
    const left = bytesPerSecond > 0 ? (this.totalBytes - this.doneBytes) / bytesPerSecond : Number.NaN;
    return (
      `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} files · ` +
      `${(done / seconds).toFixed(1)} files/s · ${(bytesPerSecond / 1e6).toFixed(2)} MB/s · ETA ${clock(left)}`
    );
  }

  /** Prints a line above the bar. */
  log(write: () => void): void {
    this.out.write('\r\x1b[K');
    write();
    this.draw();
  }

  private draw(): void {
    this.lastDraw = this.now();
    this.out.write(`\r\x1b[K${this.line()}`);
  }

  /** Removes the bar. */
  done(): void {
    this.out.write('\r\x1b[K');
  }
}
