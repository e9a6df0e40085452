import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './20261123T0900-initial.js';
import * as paragraphPage from './20261123T1600-paragraph-page.js';
import * as nearDuplicates from './20261123T1700-near-duplicates.js';
import * as repeatedParagraphs from './20261123T1800-repeated-paragraphs.js';
import * as projectViews from './20261124T0900-project-views.js';
import * as accounts from './20261125T0900-accounts-review-releases.js';
import * as participants from './20261127T0900-project-participants.js';
import * as tokenLineage from './20261130T1000-token-lineage.js';
import * as dataVersion from './20261208T0900-data-version.js';

/** Every migration, by its timestamped name; listed here so that no folder scan is needed at run time. */
export const migrations: Record<string, Migration> = {
  '20261123T0900-initial': initial,
  '20261123T1600-paragraph-page': paragraphPage,
  '20261123T1700-near-duplicates': nearDuplicates,
  '20261123T1800-repeated-paragraphs': repeatedParagraphs,
  '20261124T0900-project-views': projectViews,
  '20261125T0900-accounts-review-releases': accounts,
  '20261127T0900-project-participants': participants,
  '20261130T1000-token-lineage': tokenLineage,
  '20261208T0900-data-version': dataVersion,
};

/** Kysely's provider for the list above. */
export const migrationProvider: MigrationProvider = { getMigrations: async () => migrations };
