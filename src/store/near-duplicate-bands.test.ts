import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Migrator } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../test/helpers/backends.js';
import { textDocument } from '../../test/helpers/documents.js';
import { bandsVersion, signatureVersion } from '../dedupe/band-keys.js';
import { DEDUPE_CONFIG } from '../dedupe/config.js';
import { storeDocument } from '../pipeline/store-document.js';
import { repoRoot } from '../reference/paths.js';
import { migrate } from './connect.js';
import { getMeta } from './meta.js';
import { migrationProvider, migrations } from './migrations/index.js';
import { bandsMetaKey } from './near-duplicate-bands.js';

const passage = (id: string) =>
  readFileSync(join(repoRoot, 'eval', 'docs', `${id}.md`), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');

const bandMigration = '20261207T1600-near-duplicate-bands';
const before = Object.keys(migrations)
  .sort()
  .filter((name) => name < bandMigration)
  .at(-1);

describeEachBackend('the near-duplicate band table', (store) => {
  it('is filled by its migration from the sources already stored, so their copies are still found', async () => {
    const { db } = store();
    const original = await storeDocument(db, textDocument(passage('107'), 'a.txt'));
    const repeat = await storeDocument(db, textDocument(`${passage('107')}\n\nGracias.`, 'b.txt'));
    const other = await storeDocument(db, textDocument(passage('110'), 'c.txt'));
    // A dataset record (`puente import`), which is never compared.
    const record = { ...textDocument(passage('112'), 'd.txt'), mediaType: 'text/csv' as const };
    const dataset = await storeDocument(db, record, undefined, { dataset: true });
    expect(repeat).toMatchObject({ duplicateOf: original.sourceId });
    // A database from before the table, where one source was fingerprinted with other parameters.
    const migrator = new Migrator({ db, provider: migrationProvider });
    const down = await migrator.migrateTo(before ?? '');
    expect(down.error).toBeUndefined();
    expect(await getMeta(db, bandsMetaKey)).toBeNull();
    await db
      .updateTable('source')
      .set({ dedupe_version: 'k3-h64-s1', dedupe_signature: 'AAAA' })
      .where('id', '=', other.sourceId)
      .execute();

    expect(await migrate(db)).toContain(bandMigration);
    expect(await getMeta(db, bandsMetaKey)).toBe(bandsVersion(DEDUPE_CONFIG));
    // The original and the other source are filed under their exact key and each band; the near copy of the
    // original too (later copies may match it); a dataset record is never compared, so not filed.
    const filed = await db
      .selectFrom('near_duplicate_band')
      .select(['source_id'])
      .select((eb) => eb.fn.countAll<number>().as('keys'))
      .groupBy('source_id')
      .execute();
    const keys = DEDUPE_CONFIG.bands + 1;
    expect(Object.fromEntries(filed.map((r) => [r.source_id, Number(r.keys)]))).toEqual({
      [original.sourceId]: keys,
      [repeat.sourceId]: keys,
      [other.sourceId]: keys,
    });
    expect(filed.map((r) => r.source_id)).not.toContain(dataset.sourceId);
    const refingerprinted = await db
      .selectFrom('source')
      .select(['dedupe_version', 'dedupe_signature'])
      .where('id', '=', other.sourceId)
      .executeTakeFirstOrThrow();
    expect(refingerprinted.dedupe_version).toBe(signatureVersion(DEDUPE_CONFIG));
    expect(refingerprinted.dedupe_signature?.length).toBeGreaterThan(100);

    // Copies stored now find the originals filed by the migration.
    const copy = await storeDocument(db, textDocument(`Perú hoy\n\n${passage('107')}`, 'e.txt'));
    expect(copy).toMatchObject({ duplicateOf: original.sourceId, duplicateKind: 'near' });
    const otherCopy = await storeDocument(db, textDocument(`${passage('110')}\n\nFin.`, 'f.txt'));
    expect(otherCopy).toMatchObject({ duplicateOf: other.sourceId });
    const exact = await storeDocument(db, textDocument(`${passage('110')}\n`, 'g.txt'));
    expect(exact).toMatchObject({ duplicateOf: other.sourceId, duplicateKind: 'exact' });
  });
});
