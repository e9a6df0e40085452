// `npm run eval`: runs the extraction on every document of the dev set and prints the scorer's report.
// Documents are eval/docs/ID.txt or ID.md (Markdown front matter may give the date); gold is eval/gold/ID.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDocument } from '../src/ingest/read-document.js';
import { toContract } from '../src/pipeline/contract.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const docs = join(here, 'docs');
const out = join(here, 'out');
const verbose = process.argv.includes('-v') || process.argv.includes('--verbose');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const failed: string[] = [];
for (const name of readdirSync(docs).sort()) {
  if (!['.txt', '.md'].includes(extname(name))) continue;
  const id = basename(name, extname(name));
  try {
    const result = toContract(readDocument(name, readFileSync(join(docs, name))));
    writeFileSync(join(out, `${id}.json`), JSON.stringify(result, null, 1));
  } catch (error) {
    failed.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
if (failed.length) console.error(`extraction failed on:\n  ${failed.join('\n  ')}`);
const args = [join(here, 'score.mjs'), join(here, 'gold'), out, '--json', join(out, 'summary.json')];
if (verbose) args.push('-v');
process.stdout.write(execFileSync(process.execPath, args, { encoding: 'utf8' }));
process.exitCode = failed.length ? 1 : 0;
