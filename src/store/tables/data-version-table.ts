/** Row of `data_version` (one row, id 1): a number every committed write to a served table raises (triggers). */
export interface DataVersionTable {
  id: number;
  /** random per database, so that a new database's versions never repeat an old one's */
  epoch: string;
  version: number;
}
