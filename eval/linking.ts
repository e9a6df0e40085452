// `npm run eval:linking`: scores entity linking against eval/linking/gold.tsv (hand-labelled mentions of the dev
// passages). Each gold mention is found in the document by its text and occurrence; the system's answer for it is
// the entity of the mention Puente stores on exactly that span (documents stored in file order into a fresh
// database) (a registry id, a project key, or a proposed new
// entity, which counts as NIL: nothing linked). Precision: of the spans Puente links, how many to the right
// entity; recall: of the gold mentions that name an entity, how many Puente links to it.
// Options: --errors (list every wrong or missing link).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readDocument } from '../src/ingest/read-document.js';
import { storeDocument } from '../src/pipeline/store-document.js';
import { repoRoot } from '../src/reference/paths.js';
import { seedRegistry } from '../src/reference/registry.js';
import { readTsv } from '../src/reference/tsv.js';
import { migrate, openStore } from '../src/store/connect.js';
import { entitiesInSource } from '../src/store/entities.js';

// A project's key names its kind and words; the kind may be `work` when the first document to name the project
// gave no kind word ("Coca Codo Sinclair"), and later documents link to that id. So projects compare by words.
const sameEntity = (id: string | null) => (id ? id.replace(/^project:[a-z]+:/, 'project:') : null);
const linked = (id: string | null) =>
  id !== null && /^(?:country|org|mech|policy|place|project):/.test(id) ? sameEntity(id) : null;

const gold = readTsv(join(repoRoot, 'eval', 'linking', 'gold.tsv'));
const byDoc = new Map<string, typeof gold>();
for (const row of gold) byDoc.set(row.doc ?? '', [...(byDoc.get(row.doc ?? '') ?? []), row]);

let tp = 0;
let fp = 0;
let fn = 0;
const errors: string[] = [];
const byType = new Map<string, { tp: number; fp: number; fn: number }>();
// The documents go through the store, in order, into a fresh SQLite file with the registry seeded: linking
// is what the product stores (a project named in one document is found again by the next).
const dir = mkdtempSync(join(tmpdir(), 'puente-linking-'));
const store = openStore({ sqlitePath: join(dir, 'linking.db') });
await migrate(store.db);
await seedRegistry(store.db);
for (const [file, rows] of byDoc) {
  const path = join(repoRoot, 'eval', 'docs', file);
  const doc = await readDocument(path, readFileSync(path));
  const outcome = await storeDocument(store.db, doc);
  const at = new Map<string, string>();
  const spans: { start: number; end: number; id: string }[] = [];
  for (const e of await entitiesInSource(store.db, outcome.sourceId))
    for (const m of e.mentions) {
      at.set(`${m.start}:${m.end}`, e.id);
      spans.push({ ...m, id: e.id });
    }
  // The entity on exactly the span; for a span that names an entity, else the longest mention inside it of an
  // entity of the same kind ("China Development Bank" inside "China Development Bank Corporation": the span's
  // edges are a matter of finding, the entity one of linking).
  const kind = (id: string | null) => id?.split(':')[0] ?? null;
  const entityAt = (start: number, end: number, want: string | null) =>
    linked(at.get(`${start}:${end}`) ?? null) ??
    (want
      ? linked(
          spans
            .filter((m) => m.start >= start && m.end <= end && kind(m.id) === kind(want))
            .sort((a, b) => b.end - b.start - (a.end - a.start))[0]?.id ?? null,
        )
      : null);
  for (const row of rows) {
    const mention = row.mention ?? '';
    let start = -1;
    for (let n = 0; n < Number(row.occurrence); n++) start = doc.text.indexOf(mention, start + 1);
    if (start < 0)
      throw new Error(`eval/linking/gold.tsv: "${mention}" (occurrence ${row.occurrence}) is not in ${file}`);
    const want = row.entity === 'NIL' ? null : sameEntity(row.entity ?? null);
    const got = entityAt(start, start + mention.length, want);
    const t = byType.get(row.type ?? '') ?? { tp: 0, fp: 0, fn: 0 };
    if (!want && !got) {
      // NIL, and nothing linked: right, and neither precision nor recall counts it.
    } else if (want && got === want) {
      tp++;
      t.tp++;
    } else {
      if (got) {
        fp++;
        t.fp++;
      }
      if (want) {
        fn++;
        t.fn++;
      }
      errors.push(`${file}\t${mention}\t#${row.occurrence}\twant ${want ?? 'NIL'}\tgot ${got ?? 'NIL'}`);
    }
    byType.set(row.type ?? '', t);
  }
}
const p = tp / (tp + fp);
const r = tp / (tp + fn);
console.log(`linking: ${gold.length} labelled mentions in ${byDoc.size} documents`);
console.log(
  `precision ${p.toFixed(3)} (${tp}/${tp + fp})  recall ${r.toFixed(3)} (${tp}/${tp + fn})  (targets 0.95 / 0.90)`,
);
for (const [type, t] of [...byType].sort()) {
  console.log(
    `  ${type.padEnd(13)} P ${(t.tp / (t.tp + t.fp || 1)).toFixed(3)}  R ${(t.tp / (t.tp + t.fn || 1)).toFixed(3)}  (${t.tp + t.fn} to link)`,
  );
}
if (process.argv.includes('--errors')) for (const e of errors) console.log(e);
await store.close();
rmSync(dir, { recursive: true, force: true });
