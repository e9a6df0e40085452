// A batch killed before its end leaves projects marked for recomputation; pages never recompute them (a read
// never writes), so the server recomputes them when it starts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { storeDocument } from '../src/pipeline/store-document.js';
import { seedRegistry } from '../src/reference/registry.js';
import { migrate, openStore } from '../src/store/connect.js';
import { startPuente } from './helpers/cli.js';
import { textDocument } from './helpers/documents.js';

it('[sqlite] puente serve recomputes the project views a killed batch left marked, before it serves', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'puente-serve-views-'));
  const path = join(dir, 'serve.db');
  const store = openStore({ sqlitePath: path });
  try {
    await migrate(store.db);
    await seedRegistry(store.db);
    const doc = textDocument(
      'The port of Chancay in Peru will cost $3.5 billion, COSCO Shipping said.',
      'a.txt',
    );
    // Stored as part of a batch that died before it recomputed the views.
    await storeDocument(store.db, doc, undefined, { batch: true });
    const marks = () => store.db.selectFrom('project_dirty').select('project_id').execute();
    expect(await marks()).toEqual([{ project_id: 'project:port:chancay' }]);
    const server = await startPuente(['serve'], { PUENTE_DB: path, PORT: '0' });
    try {
      // Before any request: the server has recomputed them.
      expect(await marks()).toEqual([]);
      const body = (await (await fetch(`${server.url}/api/v1/projects`)).json()) as {
        items: { id: string }[];
      };
      expect(body.items.map((p) => p.id)).toEqual(['project:port:chancay']);
    } finally {
      await server.stop();
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
