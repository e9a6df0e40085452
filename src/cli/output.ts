import { describeError } from '../domain/errors.js';

/** One readable line for an error: what, where, and what to do. */
export function errorLine(where: string | null, error: unknown): string {
  const prefix = where ? `puente: ${where}: ` : 'puente: ';
  const { message, hint } = describeError(error);
  return `${prefix}${message}${hint ? ` (${hint})` : ''}`;
}

/** Writes a line to stdout. */
export const say = (line: string) => void process.stdout.write(`${line}\n`);

/** Writes a line to stderr. */
export const warn = (line: string) => void process.stderr.write(`${line}\n`);
