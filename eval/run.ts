// `npm run eval`: runs the extraction on every document of the dev set and prints the scorer's report for each
// half of the set (eval/halves.json): the dev half, on which rules are written, and the blind half, which is only
// scored. A gap between the two means rules fit sentences of the dev half rather than the language.
// Documents are eval/docs/ID.txt or ID.md (Markdown front matter may give the date); gold is eval/gold/ID.json.
// `-v` adds per-document misses and spurious claims, for the dev half only (the blind half stays unread).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDocument } from '../src/ingest/read-document.js';
import { toContract } from '../src/pipeline/contract.js';
import { defaultLexicon } from '../src/reference/lexicon.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const docs = join(here, 'docs');
const out = join(here, 'out');
const verbose = process.argv.includes('-v') || process.argv.includes('--verbose');
const halves = JSON.parse(readFileSync(join(here, 'halves.json'), 'utf8')) as {
  dev: string[];
  blind: string[];
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const lexicon = defaultLexicon();
const failed: string[] = [];
const done = new Set<string>();
for (const name of readdirSync(docs).sort()) {
  if (!['.txt', '.md'].includes(extname(name))) continue;
  const id = basename(name, extname(name));
  try {
    const result = toContract(readDocument(name, readFileSync(join(docs, name))), lexicon);
    writeFileSync(join(out, `${id}.json`), JSON.stringify(result, null, 1));
    done.add(id);
  } catch (error) {
    failed.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
if (failed.length) console.error(`extraction failed on:\n  ${failed.join('\n  ')}`);
const gold = readdirSync(join(here, 'gold'))
  .filter((n) => n.endsWith('.json'))
  .map((n) => basename(n, '.json'));
const unassigned = gold.filter((id) => !halves.dev.includes(id) && !halves.blind.includes(id));
if (unassigned.length) {
  console.error(`gold without a half in eval/halves.json: ${unassigned.join(', ')}`);
  process.exitCode = 1;
}

// Each half is scored from a folder of links to its gold files, so the scorer stays the shared one, unchanged.
const summaries: Record<string, unknown> = {};
for (const [half, ids] of [
  ['dev', halves.dev],
  ['blind', halves.blind],
] as const) {
  const dir = join(out, `gold-${half}`);
  mkdirSync(dir);
  for (const id of ids) symlinkSync(join(here, 'gold', `${id}.json`), join(dir, `${id}.json`));
  const json = join(out, `summary-${half}.json`);
  const args = [join(here, 'score.mjs'), dir, out, '--json', json];
  if (verbose && half === 'dev') args.push('-v');
  process.stdout.write(`\n=== ${half} half (${ids.length} documents)\n`);
  process.stdout.write(execFileSync(process.execPath, args, { encoding: 'utf8' }));
  summaries[half] = JSON.parse(readFileSync(json, 'utf8'));
}
writeFileSync(join(out, 'summary.json'), JSON.stringify(summaries, null, 1));
process.exitCode = failed.length || process.exitCode ? 1 : 0;
