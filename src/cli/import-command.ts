import { readyStore } from './ready.js';
import type { Command } from 'commander';
import { importGcdf, type GcdfResult } from '../import/gcdf.js';
import { openStore, type Store } from '../store/connect.js';
import { say, warn } from './output.js';

/** One line for one GCDF record: what it gave, or why it failed. */
export function gcdfLine(r: GcdfResult): string {
  if (r.status === 'failed')
    return `puente: GCDF row ${r.row} (record ${r.record}): ${r.message}${r.hint ? ` (${r.hint})` : ''}`;
  return `${r.status === 'ingested' ? 'imported ' : 'unchanged'} GCDF record ${r.record} -> ${r.projectId} (${r.claims} claims${r.commitmentYear ? `, committed ${r.commitmentYear}` : ''})${r.pointLeftOut ? `; no location: ${r.pointLeftOut}` : ''}`;
}

/** The counts of an import, for its last line and `--json`. */
export function gcdfSummary(results: GcdfResult[]) {
  const count = (s: GcdfResult['status']) => results.filter((r) => r.status === s).length;
  return {
    imported: count('ingested'),
    unchanged: count('unchanged'),
    failed: count('failed'),
    withCommitmentYear: results.filter((r) => r.status !== 'failed' && r.commitmentYear !== null).length,
    /** the records whose point was left out (see `pointProblem` in import/gcdf.ts) */
    pointsLeftOut: results.flatMap((r) => (r.status !== 'failed' && r.pointLeftOut ? [r.record] : [])),
  };
}

/** Imports GCDF records into a store and prints one line per record (or only failures with `quiet`). */
export async function runGcdfImport(store: Store, dir: string, quiet = false) {
  const results = await importGcdf(store.db, dir, (r) => {
    if (r.status === 'failed') warn(gcdfLine(r));
    else if (!quiet) say(gcdfLine(r));
  });
  const s = gcdfSummary(results);
  say(
    `GCDF 3.0: ${s.imported} records imported, ${s.unchanged} unchanged, ${s.failed} failed; ${s.withCommitmentYear} with a commitment year read from their descriptions${
      s.pointsLeftOut.length
        ? `; ${s.pointsLeftOut.length} left without a location, their point in a country their record does not support (records ${s.pointsLeftOut.join(', ')})`
        : ''
    }`,
  );
  return { results, summary: s };
}

/** `puente import gcdf DIR`. */
export function registerImport(program: Command, setExit: (code: number) => void) {
  program
    .command('import')
    .description('import a dataset into the store')
    .command('gcdf')
    .description(
      "import AidData's GCDF 3.0 LAC records (gcdf3_lac_geolocated_projects.csv in DIR) as projects with sourced claims",
    )
    .argument('<dir>', 'the folder holding the GCDF files (bundled: data/gcdf3-lac)')
    .option('--json', 'print the results as one JSON object')
    .option('-q, --quiet', 'print only failures and the summary')
    .action(async (dir: string, opts: { json?: boolean; quiet?: boolean }) => {
      const store = openStore();
      try {
        await readyStore(store);
        if (opts.json) {
          const results = await importGcdf(store.db, dir);
          const summary = gcdfSummary(results);
          say(JSON.stringify({ ...summary, results }, null, 2));
          setExit(summary.failed > 0 ? 1 : 0);
        } else {
          const { summary } = await runGcdfImport(store, dir, opts.quiet ?? false);
          setExit(summary.failed > 0 ? 1 : 0);
        }
      } finally {
        await store.close();
      }
    });
}
