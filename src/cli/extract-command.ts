import { readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { PuenteError, badRequest, unsupportedInput } from '../domain/errors.js';
import { readDocuments } from '../ingest/read-document.js';
import { positiveInteger } from './ingest-command.js';
import { toContract } from '../pipeline/contract.js';
import { defaultLexicon } from '../reference/lexicon.js';
import { escapeControls } from '../pipeline/file-path.js';
import { say } from './output.js';
import { stageErrorsNote } from './stage-errors.js';

function table(result: ReturnType<typeof toContract>): string {
  const lines = [
    `${result.source.title ?? '(no title)'} · ${result.source.language ?? '?'} · ${result.source.paragraphs} paragraphs (${result.source.duplicateParagraphs} duplicate)`,
    `entities: ${result.entities.map((e) => e.name).join(', ') || 'none'}`,
    `claims: ${result.claims.length}`,
  ];
  for (const c of result.claims) {
    lines.push(
      `  ${c.subject ?? '?'} · ${c.property} ${c.qualifier ? `${c.qualifier} ` : ''}${c.value} ${c.unit ?? ''}${c.time ? ` @${c.time}` : ''}  "${c.quote}" [${c.start}-${c.end}]`,
    );
  }
  const failed = stageErrorsNote(result.errors ?? []);
  if (failed) lines.push(escapeControls(failed));
  return lines.join('\n');
}

/** `puente extract FILE`: runs the extractor on one document without touching any database. */
export function registerExtract(program: Command) {
  program
    .command('extract')
    .description(
      'extract entities and claims from one document and print them (no database is used); of a feed or JSON Lines file, the first item, or the one --item names',
    )
    .argument('<file>', 'the document, or - for standard input')
    .option('--format <format>', 'table or json (the extraction contract)', 'table')
    .option(
      '--item <n>',
      'which item of an RSS/Atom feed or record of a JSON Lines file (1 = the first)',
      positiveInteger,
    )
    .action(async (file: string, opts: { format: string; item?: number }) => {
      if (opts.format !== 'json' && opts.format !== 'table') {
        throw badRequest(`unknown format "${opts.format}"`, 'use --format json or --format table');
      }
      if (file !== '-' && statSync(file).isDirectory()) {
        throw badRequest(`${file}: is a folder`, 'extract reads one document; use puente ingest for folders');
      }
      const bytes = file === '-' ? readFileSync(0) : readFileSync(file);
      const name = file === '-' ? 'stdin.txt' : file;
      const { documents, failures } = await readDocuments(name, bytes, { lenient: true }).catch(
        (error: unknown) => {
          // Name the file in the message, as every other error of the command does.
          if (error instanceof PuenteError)
            throw new PuenteError(error.code, `${name}: ${error.message}`, error.hint);
          throw error;
        },
      );
      const wanted = opts.item ?? 1;
      const doc = documents.find((d) => (d.item ?? 1) === wanted);
      if (!doc) {
        const failure = failures.find((f) => f.item === wanted);
        if (failure) throw unsupportedInput(`${name}: ${failure.where}: ${failure.message}`, failure.hint);
        const count = Math.max(0, ...documents.map((d) => d.item ?? 1), ...failures.map((f) => f.item ?? 0));
        throw badRequest(
          `${name}: no item ${wanted} (the file holds ${count} item${count === 1 ? '' : 's'})`,
          'give --item a number from 1 to the count',
        );
      }
      const result = toContract(doc, defaultLexicon());
      say(opts.format === 'json' ? JSON.stringify(result, null, 2) : table(result));
    });
}
