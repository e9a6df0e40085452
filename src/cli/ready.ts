import { seedRegistry } from '../reference/registry.js';
import { migrate, type Store } from '../store/connect.js';

/**
 * Brings a store up to date before a command uses it: the schema migrated, and the reference entities (countries
 * with their relations to China, organizations, mechanisms, policies, places) seeded or refreshed when the
 * reference files changed. Returns the migrations it applied.
 */
export async function readyStore(store: Store): Promise<string[]> {
  const applied = await migrate(store.db);
  await seedRegistry(store.db);
  return applied;
}
