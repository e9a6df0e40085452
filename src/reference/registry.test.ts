import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../test/helpers/backends.js';
import { textDocument } from '../../test/helpers/documents.js';
import { storeDocument } from '../pipeline/store-document.js';
import { entitiesInSource, getEntity } from '../store/entities.js';
import { loadCountryRelations, seedRegistry } from './registry.js';

describeEachBackend('the registry', (store) => {
  it('seeds countries with CELAC membership, Belt and Road status and recognition, and bodies with aliases', async () => {
    const { db } = store();
    const first = await seedRegistry(db);
    expect(first?.seeded).toBeGreaterThan(1000);
    expect(await seedRegistry(db)).toBeNull();
    const row = async (id: string) => {
      const r = await db.selectFrom('entity').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return {
        ...r,
        attributes: JSON.parse(r.attributes) as Record<string, unknown>,
        aliases: JSON.parse(r.aliases) as { name: string }[],
      };
    };
    const panama = await row('country:PA');
    expect(panama.review_state).toBe('accepted');
    expect(panama.attributes).toMatchObject({
      iso3: 'PAN',
      celac: true,
      bri: { status: 'exited', signed: '2017-11', exited: '2025-02' },
      recognizes: 'PRC',
    });
    expect((await row('country:CO')).attributes).toMatchObject({
      bri: { status: 'signed', signed: '2025-05' },
    });
    expect((await row('country:PY')).attributes).toMatchObject({ recognizes: 'ROC', celac: true });
    expect((await row('country:CN')).attributes).toMatchObject({ celac: false, lac: false });
    expect((await row('country:PE')).aliases.map((a) => a.name)).toContain('秘鲁');
    expect((await row('org:cexim')).aliases.map((a) => a.name)).toEqual(
      expect.arrayContaining(['China Eximbank', 'Exim Bank of China']),
    );
    const celac = await db.selectFrom('entity').select('attributes').where('type', '=', 'country').execute();
    const members = celac.map((r) => JSON.parse(r.attributes) as { celac: boolean; recognizes?: string });
    expect(members.filter((m) => m.celac)).toHaveLength(33);
    expect(members.filter((m) => m.recognizes === 'ROC')).toHaveLength(7);
    const brazil = await getEntity(db, 'country:BR');
    expect(brazil?.attributes).toMatchObject({ celacSince: '2011-12-03', celacSuspended: '2020-01/2023-01' });
  });

  it('links three names of China Eximbank in a document to one registry entity', async () => {
    const { db } = store();
    await seedRegistry(db);
    const outcome = await storeDocument(
      db,
      textDocument(
        'China Eximbank lent US$ 500 million to Ecuador. The Export-Import Bank of China said the Exim Bank of China would lend more.',
      ),
    );
    if (outcome.status !== 'ingested') throw new Error('not ingested');
    const banks = (await entitiesInSource(db, outcome.sourceId)).filter((e) => e.type === 'organization');
    expect(banks.map((e) => [e.id, e.mentions.length])).toEqual([['org:cexim', 3]]);
  });
});

it('says which row of country-relations.tsv is wrong', () => {
  const dir = mkdtempSync(join(tmpdir(), 'puente-rel-'));
  const path = join(dir, 'r.tsv');
  writeFileSync(
    path,
    'iso2\tbri\tbri_signed\tbri_exit\trecognizes\tprc_since\tnote\tcelac_since\nPA\texited\t2017-11\t\tPRC\t2017-06-13\t\t2011-12-03\n',
  );
  expect(() => loadCountryRelations(path)).toThrow(`${path}: row 1: bri_exit goes with exited only`);
  writeFileSync(
    path,
    'iso2\tbri\tbri_signed\tbri_exit\trecognizes\tprc_since\tnote\tcelac_since\nPE\tsigned\tApril 2019\t\tPRC\t\t\t2011-12-03\n',
  );
  expect(() => loadCountryRelations(path)).toThrow(/bri_signed "April 2019" is not YYYY/);
  const header =
    'iso2\tbri\tbri_signed\tbri_exit\trecognizes\tprc_since\tnote\tcelac_since\tcelac_suspended\n';
  writeFileSync(path, `${header}PE\tsigned\t2019-04\t\tPRC\t1971-11-02\t\t\t\n`);
  expect(() => loadCountryRelations(path)).toThrow(`${path}: row 1: celac_since "" is not YYYY`);
  writeFileSync(path, `${header}BR\tnone\t\t\tPRC\t1974-08-15\t\t2011-12-03\t2020-01\n`);
  expect(() => loadCountryRelations(path)).toThrow(/celac_suspended "2020-01" is not a period FROM\/TO/);
});
