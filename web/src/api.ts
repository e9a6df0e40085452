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

/** GETs a JSON resource of the API, throwing ApiError on an error response. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(`/api/v1${path}`, { signal, headers: { Accept: 'application/json' } });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(error?.code ?? 'http_error', error?.message ?? `HTTP ${response.status}`);
  }
  return body as T;
}
