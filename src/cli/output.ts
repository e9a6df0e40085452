import { describeError } from '../domain/errors.js';
import { escapeControls } from '../pipeline/file-path.js';

/**
 * One readable line for an error: what, where, and what to do; control characters escaped (a path or a message can
 * hold a newline or a terminal escape code).
 */
export function errorLine(where: string | null, error: unknown): string {
  const prefix = where ? `puente: ${where}: ` : 'puente: ';
  const { message, hint } = describeError(error);
  return escapeControls(`${prefix}${message}${hint ? ` (${hint})` : ''}`);
}

/** Writes a line to stdout. */
export const say = (line: string) => void process.stdout.write(`${line}\n`);

/** Writes a line to stderr. */
export const warn = (line: string) => void process.stderr.write(`${line}\n`);
