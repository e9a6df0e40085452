import { z } from 'zod';

/** A paragraph of a source's normalized text, by character offsets into that text. */
export const Paragraph = z.object({
  index: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  hash: z.string(),
  /** index of the earlier paragraph of the same source with the same text, or null */
  duplicateOf: z.number().int().nonnegative().nullable(),
  /** the 1-based page of a paged document (PDF) the paragraph is on, or null */
  page: z.number().int().positive().nullable(),
});
export type Paragraph = z.infer<typeof Paragraph>;

/** A document as Puente keeps it: where it came from, its metadata and its normalized text. */
export const Source = z.object({
  id: z.string(),
  uri: z.string(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  mediaType: z.string(),
  title: z.string().nullable(),
  byline: z.string().nullable(),
  publisher: z.string().nullable(),
  language: z.string().nullable(),
  publishedAt: z.string().nullable(),
  ingestedAt: z.string(),
  byteSize: z.number().int().nonnegative(),
  text: z.string(),
  paragraphs: z.array(Paragraph),
});
export type Source = z.infer<typeof Source>;

/** The summary of a source that lists show (the extraction contract's `source` object plus identity). */
export const SourceSummary = z.object({
  id: z.string(),
  uri: z.string(),
  title: z.string().nullable(),
  excerpt: z.string(),
  byline: z.string().nullable(),
  publisher: z.string().nullable(),
  language: z.string().nullable(),
  publishedAt: z.string().nullable(),
  ingestedAt: z.string(),
  paragraphs: z.number().int(),
  duplicateParagraphs: z.number().int(),
  claims: z.number().int(),
  /** the original this source copies (exact or near-duplicate), whose claims count instead of its own */
  duplicateOf: z.string().nullable(),
  duplicateKind: z.enum(['exact', 'near']).nullable(),
  similarity: z.number().nullable(),
});
export type SourceSummary = z.infer<typeof SourceSummary>;
