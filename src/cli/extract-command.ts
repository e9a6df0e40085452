import { readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { badRequest } from '../domain/errors.js';
import { readDocument } from '../ingest/read-document.js';
import { toContract } from '../pipeline/contract.js';
import { say } from './output.js';

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
  return lines.join('\n');
}

/** `puente extract FILE`: runs the extractor on one document without touching any database. */
export function registerExtract(program: Command) {
  program
    .command('extract')
    .description('extract entities and claims from one document and print them (no database is used)')
    .argument('<file>', 'the document, or - for standard input')
    .option('--format <format>', 'table or json (the extraction contract)', 'table')
    .action((file: string, opts: { format: string }) => {
      if (opts.format !== 'json' && opts.format !== 'table') {
        throw badRequest(`unknown format "${opts.format}"`, 'use --format json or --format table');
      }
      if (file !== '-' && statSync(file).isDirectory()) {
        throw badRequest(`${file}: is a folder`, 'extract reads one document; use puente ingest for folders');
      }
      const bytes = file === '-' ? readFileSync(0) : readFileSync(file);
      const result = toContract(readDocument(file === '-' ? 'stdin.txt' : file, bytes, { lenient: true }));
      say(opts.format === 'json' ? JSON.stringify(result, null, 2) : table(result));
    });
}
