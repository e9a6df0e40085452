import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../reference/paths.js';

const webDir = join(repoRoot, 'web');

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** Whether web/dist is missing or older than the web app's sources. */
export function webBuildIsStale(): boolean {
  const built = join(webDir, 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const sources = ['src', 'index.html', 'vite.config.ts']
    .map((p) => join(webDir, p))
    .filter((p) => existsSync(p));
  return Math.max(...sources.map(newestChange)) > statSync(built).mtimeMs;
}

/**
 * Builds the web app with Vite into web/dist, always as a production build: Vite follows NODE_ENV, and under the
 * test runner (NODE_ENV=test) it made a larger build with development code that `npm start` then served.
 */
export async function buildWebApp(): Promise<void> {
  const { build } = await import('vite');
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
