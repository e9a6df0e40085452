/** Row of `project_view`: a project's reconciled record (see src/reconcile/), kept for lists, filters and sums. */
export interface ProjectViewTable {
  id: string;
  name: string;
  sector: string | null;
  status: string | null;
  /** the year the project was committed, signed or announced, by the preferred claim */
  year: number | null;
  /** the preferred amount in constant USD of 2021, when it can be converted */
  amount_usd: number | null;
  /** the amount a dataset (GCDF) gives, in constant USD of 2021, when it gives one */
  dataset_amount_usd: number | null;
  /** the preferred amount as stated, and its currency */
  amount: number | null;
  currency: string | null;
  /** `|PER|CHN|`: the ISO 3166-1 alpha-3 codes of the project's countries, between bars */
  countries: string;
  latitude: number | null;
  longitude: number | null;
  /** how exact the point is: `adm1` (a region's centroid), `place` (a named place) */
  precision: string | null;
  conflicts: number;
  claim_count: number;
  source_count: number;
  /** the property the headline amount comes from: commitment, investment, loan, cost or amount */
  flow_type: string | null;
  /** lower-case names and aliases in every language, for the name search */
  search: string;
  /** the whole reconciled record as JSON */
  view: string;
  updated_at: string;
}

/** Row of `project_dirty`: a project whose view must be recomputed. */
export interface ProjectDirtyTable {
  project_id: string;
}

/** Row of `project_country`: one country of a project. */
export interface ProjectCountryTable {
  project_id: string;
  iso3: string;
}

/** Row of `project_participant`: a party to a project in one role (src/reconcile/participants.ts). */
export interface ProjectParticipantTable {
  project_id: string;
  /** the registry entity the party is, when known */
  entity_id: string | null;
  name: string;
  /** the claim property that names it: investor, contractor, lender, donor or operator */
  role: string;
  /** 1 when the party is Chinese (its registry entity is from China, or its name plainly is), else 0 */
  chinese: number;
}
