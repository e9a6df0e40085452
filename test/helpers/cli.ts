import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../src/reference/paths.js';
import { hangTimeoutMs } from './timeouts.js';

const bin = join(repoRoot, 'bin', 'puente.js');

/** The result of one run of the `puente` command. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `puente ARGS` to completion, as a user would from a shell. */
export function puente(
  args: string[],
  env: Record<string, string> = {},
  cwd = repoRoot,
  input?: string,
): CliRun {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    env: { ...process.env, DATABASE_URL: '', ...env },
    encoding: 'utf8',
    input,
    timeout: hangTimeoutMs,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Starts `puente start` (or serve) in the background and resolves once it says where it serves.
 * Resolves with the URL, everything it printed, and a stop function.
 */
export function startPuente(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise<{ url: string; output: () => string; stop: () => Promise<void> }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`puente did not start in time:\n${output}`)),
      hangTimeoutMs,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /serving on (http:\/\/localhost:\d+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          output: () => output,
          stop: () =>
            new Promise<void>((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`puente exited with ${code}:\n${output}`)));
  });
}
