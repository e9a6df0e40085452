import type { Kysely, Transaction } from 'kysely';
import type { ClaimTable } from './tables/claim-table.js';
import type { EntityTable, MentionTable } from './tables/entity-table.js';
import type { ParagraphTable } from './tables/paragraph-table.js';
import type {
  ProjectCountryTable,
  ProjectDirtyTable,
  ProjectParticipantTable,
  ProjectViewTable,
} from './tables/project-table.js';
import type { MetaTable, RevisionTable } from './tables/revision-table.js';
import type { SourceTable } from './tables/source-table.js';
import type { ApiTokenTable, UserAccountTable, UserSessionTable } from './tables/account-table.js';
import type { ReleaseItemTable, ReleaseTable } from './tables/release-table.js';
import type { DataVersionTable } from './tables/data-version-table.js';

/** Every table of the store, for Kysely's typed queries. */
export interface Database {
  source: SourceTable;
  paragraph: ParagraphTable;
  entity: EntityTable;
  mention: MentionTable;
  claim: ClaimTable;
  revision: RevisionTable;
  meta: MetaTable;
  project_view: ProjectViewTable;
  project_country: ProjectCountryTable;
  project_dirty: ProjectDirtyTable;
  project_participant: ProjectParticipantTable;
  user_account: UserAccountTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  release: ReleaseTable;
  release_item: ReleaseItemTable;
  data_version: DataVersionTable;
}

/** A connection or a transaction: repositories take either. */
export type Db = Kysely<Database> | Transaction<Database>;
