import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Migrator } from 'kysely';
import { expect, inject, it } from 'vitest';
import { describeEachBackend } from '../../test/helpers/backends.js';
import { textDocument } from '../../test/helpers/documents.js';
import { storeDocument } from '../pipeline/store-document.js';
import { repoRoot } from '../reference/paths.js';
import { migrate, openStore, type Store } from './connect.js';
import { migrationProvider, migrations } from './migrations/index.js';

const passage = (id: string) =>
  readFileSync(join(repoRoot, 'eval', 'docs', `${id}.md`), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');

const logMigration = '20261208T1000-near-duplicate-log';
const before = Object.keys(migrations)
  .sort()
  .filter((name) => name < logMigration)
  .at(-1);

/** Another handle on the store's database, as another process has. */
const reopen = (s: Store) =>
  s.backend === 'sqlite'
    ? openStore({ sqlitePath: s.location })
    : openStore({
        databaseUrl: inject('postgresUrl').replace(/\/postgres$/, `/${s.location.split('/').at(-1) ?? ''}`),
      });

describeEachBackend('the near-duplicate log', (store) => {
  it('is filled by its migration from the sources already stored, so a new process finds their copies', async () => {
    const s = store();
    const { db } = s;
    const original = await storeDocument(db, textDocument(passage('107'), 'a.txt'));
    const near = await storeDocument(db, textDocument(`${passage('107')}\n\nGracias.`, 'b.txt'));
    const other = await storeDocument(db, textDocument(passage('110'), 'c.txt'));
    // A dataset record (`puente import`), which is never compared.
    const record = { ...textDocument(passage('112'), 'd.txt'), mediaType: 'text/csv' as const };
    const dataset = await storeDocument(db, record, undefined, { dataset: true });
    expect(near).toMatchObject({ duplicateOf: original.sourceId });
    // A database from before the log, where one source was fingerprinted with other parameters.
    const down = await new Migrator({ db, provider: migrationProvider }).migrateTo(before ?? '');
    expect(down.error).toBeUndefined();
    await db
      .updateTable('source')
      .set({ dedupe_version: 'k3-h64-s1', dedupe_signature: 'AAAA' })
      .where('id', '=', other.sourceId)
      .execute();

    expect(await migrate(db)).toContain(logMigration);
    const logged = await db.selectFrom('near_duplicate_log').select('source_id').orderBy('seq').execute();
    expect(logged.map((r) => r.source_id)).toEqual([original.sourceId, near.sourceId, other.sourceId]);
    expect(logged.map((r) => r.source_id)).not.toContain(dataset.sourceId);

    // A process started now compares with them: the one with an old fingerprint is fingerprinted again.
    const fresh = reopen(s);
    try {
      const copy = await storeDocument(fresh.db, textDocument(`Perú hoy\n\n${passage('107')}`, 'e.txt'));
      expect(copy).toMatchObject({ duplicateOf: original.sourceId, duplicateKind: 'near' });
      const otherCopy = await storeDocument(fresh.db, textDocument(`${passage('110')}\n\nFin.`, 'f.txt'));
      expect(otherCopy).toMatchObject({ duplicateOf: other.sourceId, duplicateKind: 'near' });
      const exact = await storeDocument(fresh.db, textDocument(`${passage('110')}\n`, 'g.txt'));
      expect(exact).toMatchObject({ duplicateOf: other.sourceId, duplicateKind: 'exact' });
      // Close to the dataset record, which is not compared.
      const likeRecord = await storeDocument(fresh.db, textDocument(`${passage('112')}\n\nOtro.`, 'h.txt'));
      expect(likeRecord).toMatchObject({ status: 'ingested', duplicateOf: null });
    } finally {
      await fresh.close();
    }
  });
});
