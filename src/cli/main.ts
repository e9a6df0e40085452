import { Command, CommanderError } from 'commander';
import { registerAdmin } from './admin-commands.js';
import { registerExtract } from './extract-command.js';
import { registerImport } from './import-command.js';
import { registerIngest } from './ingest-command.js';
import { errorLine, warn } from './output.js';
import { registerServe } from './serve-command.js';

/** The `puente` program with every command registered. */
export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('puente')
    .description(
      'Puente: sourced, versioned claims about Chinese investment and cooperation in Latin America and the Caribbean',
    )
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerIngest(program, setExit);
  registerExtract(program);
  registerServe(program);
  registerImport(program, setExit);
  registerAdmin(program);
  return program;
}

// Node's file errors name the file in their own words; say it as Puente does.
function describe(error: unknown): unknown {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT' && e.path) return new Error(`${e.path}: no such file or directory`);
  if (e?.code === 'EISDIR' && e.path) return new Error(`${e.path}: is a directory, not a file`);
  if (e?.code === 'EACCES' && e.path) return new Error(`${e.path}: permission denied`);
  return error;
}

/** Runs the CLI with the given arguments; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    warn(errorLine(null, describe(error)));
    return 1;
  }
}
