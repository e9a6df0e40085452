/** The shapes the web app reads from /api/v1 (kept to the fields it uses). */
export interface SourceSummary {
  id: string;
  uri: string;
  title: string | null;
  excerpt: string;
  byline: string | null;
  language: string | null;
  publishedAt: string | null;
  ingestedAt: string;
  paragraphs: number;
  duplicateParagraphs: number;
  claims: number;
  /** the original this source copies, whose claims count instead of its own */
  duplicateOf: string | null;
  duplicateKind: 'exact' | 'near' | null;
  similarity: number | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  next: string | null;
}

export interface Paragraph {
  index: number;
  start: number;
  end: number;
  duplicateOf: number | null;
  /** the paragraph of another source that first stored this text, word for word */
  repeats: { sourceId: string; index: number } | null;
  /** the PDF page the paragraph is on, null for documents without pages */
  page: number | null;
}

export interface ClaimValue {
  kind: 'quantity' | 'date' | 'entity' | 'enum' | 'text';
  amount?: number;
  unit?: string;
  currency?: string | null;
  date?: string;
  name?: string;
  entityId?: string | null;
  value?: string;
  text?: string;
}

export interface Claim {
  id: string;
  subjectId: string | null;
  subjectName: string | null;
  property: string;
  value: ClaimValue;
  qualifier: string | null;
  time: string | null;
  evidence: { sourceId: string; start: number; end: number; quote: string };
  origin: { kind: string; name: string };
  reviewState: string;
}

export interface EntityInSource {
  id: string;
  type: string;
  name: string;
  mentions: { start: number; end: number }[];
}

export interface SourceDetail extends Omit<SourceSummary, 'paragraphs' | 'excerpt' | 'claims'> {
  text: string;
  paragraphs: Paragraph[];
  entities: EntityInSource[];
  claims: Claim[];
  claimsTotal: number;
  /** near-duplicate or exact copies of this source stored later */
  copies?: { id: string; title: string | null; uri: string; publishedAt: string | null }[];
}

/** The API's error shape, thrown as an Error carrying the code. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function parse<T>(response: Response): Promise<T> {
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string; hint?: string } } | null)?.error;
    const message = [error?.message ?? `HTTP ${response.status}`, error?.hint].filter(Boolean).join(': ');
    throw new ApiError(error?.code ?? 'http_error', message);
  }
  if (body === null) throw new ApiError('bad_response', `no JSON in the answer to ${response.url}`);
  return body as T;
}

/** GETs a JSON resource of the API, throwing ApiError on an error response. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return parse<T>(await fetch(`/api/v1${path}`, { signal, headers: { Accept: 'application/json' } }));
}

/** Sends a write to the API with the session's CSRF token, throwing ApiError on an error response. */
export async function sendJson<T>(
  method: 'POST' | 'PATCH',
  path: string,
  body: unknown,
  csrfToken: string | null,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  return parse<T>(
    await fetch(`/api/v1${path}`, {
      method,
      headers,
      body: JSON.stringify(body),
      credentials: 'same-origin',
    }),
  );
}

/** An amount of money as the reconciler states it: the reported figure and its constant-2021-USD value. */
export interface Money {
  value: number;
  currency: string;
  constantBase: number | null;
  usd2021: number | null;
}

export interface ProjectLocation {
  latitude: number;
  longitude: number;
  /** how exact the point is: exact, adm1 (province centroid), adm2, city, country... */
  precision: string | null;
  name: string | null;
}

export interface Participant {
  entityId: string | null;
  name: string;
  role: string;
  chinese: boolean;
}

export interface ProjectSummary {
  id: string;
  name: string;
  reviewState: string;
  sector: string | null;
  status: string | null;
  year: number | null;
  amount: Money | null;
  flowType: string | null;
  datasetAmountUsd2021: number | null;
  countries: string[];
  location: ProjectLocation | null;
  conflicts: number;
  claims: number;
  sources: number;
  participants?: Participant[];
}

export interface FacetEntry {
  value: string;
  count: number;
  label?: string;
  /** participant facets: whether the entity is a Chinese party */
  chinese?: boolean;
}

export interface ProjectPage extends Page<ProjectSummary> {
  amountUsd2021: number;
  withAmount: number;
  facets?: Record<string, FacetEntry[]>;
}

/** One piece of evidence for a value: the claim, the source and the exact span quoted. */
export interface EvidenceRef {
  claimId: string;
  sourceId: string;
  title: string | null;
  uri: string;
  publishedAt: string | null;
  origin: string;
  quote: string;
  start: number;
  end: number;
}

export interface ValueView {
  value: ClaimValue;
  time: string | null;
  qualifier: string | null;
  money: {
    nominalUsd: number | null;
    constantUsd: number | null;
    base: number;
    unavailable: string | null;
  } | null;
  sources: number;
  claims: EvidenceRef[];
}

export interface PropertyView {
  property: string;
  unit: string | null;
  preferred: ValueView;
  alternatives: ValueView[];
  rule: string;
  conflict: boolean;
}

export interface ProjectDetail extends ProjectSummary {
  aliases: string[];
  attributes: Record<string, unknown>;
  properties: PropertyView[];
}

export interface Revision {
  id: number;
  targetKind: string;
  targetId: string;
  action: string;
  actor: string;
  at: string;
  before: unknown;
  after: unknown;
  why: string | null;
}

export interface IndicatorSummary {
  id: string;
  name: string;
  claims: number;
  sources: number;
  unit?: string | null;
  latest?: { time: string | null; amount: number; unit: string | null; qualifier: string | null } | null;
  points?: { time: string; amount: number }[];
  conflicts?: number;
}

export interface IndicatorDetail {
  id: string;
  name: string;
  claims: number;
  sources: number;
  series: {
    property: string;
    unit: string | null;
    points: { time: string; values: ValueView[]; conflict: boolean }[];
  }[];
}

export interface Group {
  key: string | null;
  count: number;
  amountUsd2021: number;
  withAmount: number;
}

export interface CountryAttributes {
  iso2: string;
  iso3: string;
  region?: string;
  lac: boolean;
  celac: boolean;
  bri?: { status: string; signed: string | null; exited: string | null } | null;
  recognizes?: 'PRC' | 'ROC' | null;
  prcSince?: string | null;
  note?: string | null;
  celacSince?: string | null;
  /** `from/to`, when the country suspended its participation in CELAC */
  celacSuspended?: string | null;
}

export interface CountrySummary {
  id: string;
  name: string;
  aliases: { name: string; lang: string }[];
  attributes: CountryAttributes;
  projects: number;
  amountUsd2021: number;
}

/** A sentence naming a mechanism with a country, at its offsets in the source text. */
export interface Passage {
  sourceId: string;
  title: string | null;
  publishedAt: string | null;
  quote: string;
  start: number;
  end: number;
  claimId: string | null;
}

/** A mechanism or policy sources name with a country (`/countries/:code` `mechanisms`). */
export interface CountryMechanism {
  id: string;
  name: string;
  type: string;
  kind: string | null;
  sources: number;
  firstSeen: string | null;
  lastSeen: string | null;
  figures: Claim[];
  evidence: Passage[];
}

export interface CountryDetail extends CountrySummary {
  claims: number;
  sources: number;
  bySector: Group[];
  byYear: Group[];
  byStatus: Group[];
  byFlow: Group[];
  mechanisms: CountryMechanism[];
}

export interface CommitmentNode {
  id: string;
  name: string;
  kind: string | null;
  sources: number;
  status?: string | null;
  projects?: { id: string; name: string }[];
  evidence?: {
    claimId: string;
    sourceId: string;
    title: string | null;
    quote: string;
    start: number;
    end: number;
  }[];
  children: CommitmentNode[];
}

export interface SearchHit {
  kind: 'source' | 'entity';
  id: string;
  title: string;
  type: string;
  snippet: string;
}

export interface ReviewItem {
  kind: 'claim' | 'entity';
  claim?: Claim & { version: number };
  entity?: { id: string; name: string; type: string; version: number; reviewState: string };
}

export interface Session {
  user: { id: string; role: 'viewer' | 'editor' | 'admin'; via: string } | null;
  csrfToken: string | null;
}
