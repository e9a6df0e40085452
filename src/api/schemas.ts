import { z } from 'zod';
import { Claim, ClaimValue } from '../domain/claim.js';
import { Entity } from '../domain/entity.js';
import { Release, Revision } from '../domain/revision.js';
import { SourceSummary } from '../domain/source.js';

/** The answers' shapes, for the OpenAPI document (the handlers build them from the store's types). */

/** A page of a list: items, how many match in all, and the cursor of the next page (null on the last). */
export const PageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), next: z.string().nullable() });

/** Every matching row of a list (a `.json` twin). */
export const AllOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() });

export const Money = z
  .object({
    value: z.number(),
    currency: z.string(),
    constantBase: z.number().nullable(),
    usd2021: z.number().nullable(),
  })
  .nullable();

export const ProjectSummary = z.looseObject({
  id: z.string(),
  name: z.string(),
  reviewState: z.string(),
  sector: z.string().nullable(),
  status: z.string().nullable(),
  year: z.number().nullable(),
  flowType: z.string().nullable().optional(),
  amount: Money,
  datasetAmountUsd2021: z.number().nullable(),
  countries: z.array(z.string()),
  location: z
    .object({
      latitude: z.number(),
      longitude: z.number(),
      precision: z.string(),
      name: z.string().nullable(),
    })
    .nullable(),
  participants: z
    .array(
      z.object({
        entityId: z.string().nullable().describe('the registry entity, when known'),
        name: z.string(),
        role: z.string().describe('investor, contractor, lender, donor or operator'),
        chinese: z.boolean().describe('its registry entity is from China, or its name plainly is'),
      }),
    )
    .describe('the parties its investor, contractor, lender, donor and operator claims name'),
  conflicts: z.number().int(),
  claims: z.number().int(),
  sources: z.number().int(),
});

export const ProjectRecord = ProjectSummary.extend({
  aliases: z.array(z.string()),
  attributes: z.record(z.string(), z.unknown()),
  properties: z.array(z.looseObject({ property: z.string(), conflict: z.boolean() })),
});

export const Facet = z.array(
  z.object({
    value: z.string(),
    label: z.string().optional().describe("the entity's name (participant facets)"),
    chinese: z
      .boolean()
      .optional()
      .describe(
        'participant facets: whether the entity is a Chinese party; the first value, `chinese`, is any',
      ),
    count: z.number().int(),
  }),
);
export const Group = z.object({
  key: z.string().nullable(),
  label: z.string().optional().describe("the entity's name (participant groups)"),
  chinese: z.boolean().optional().describe('participant groups: whether the entity is a Chinese party'),
  count: z.number().int(),
  amountUsd2021: z.number(),
  withAmount: z.number().int(),
});

export const ProjectPage = PageOf(ProjectSummary).extend({
  amountUsd2021: z.number(),
  withAmount: z.number().int(),
  datasetAmountUsd2021: z.number(),
  facets: z.record(z.string(), Facet).optional(),
  groups: z.array(Group).optional(),
});

/** A value of a property as reconciliation shows it: the value, its time and every claim (and source) stating it. */
export const ValueView = z.looseObject({
  value: ClaimValue,
  time: z.string().nullable(),
  qualifier: z.string().nullable(),
  money: z
    .looseObject({ nominalUsd: z.number().nullable(), constantUsd: z.number().nullable(), base: z.number() })
    .nullable()
    .describe('money in nominal USD of its year and constant USD of `base`'),
  sources: z.number().int(),
  claims: z.array(
    z.object({
      claimId: z.string(),
      sourceId: z.string(),
      title: z.string().nullable(),
      uri: z.string(),
      publishedAt: z.string().nullable(),
      origin: z.string(),
      quote: z.string(),
      start: z.number().int(),
      end: z.number().int(),
    }),
  ),
});

export const ProjectPoints = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      latitude: z.number(),
      longitude: z.number(),
      precision: z.string().nullable().describe("adm1 (a region's centroid) or place (a named place)"),
      sector: z.string().nullable(),
      amountUsd2021: z.number().nullable(),
      country: z.string().nullable().describe('the first of its countries, ISO 3166-1 alpha-3'),
    }),
  ),
  total: z.number().int().describe('how many matching projects have a point'),
  unlocated: z.number().int().describe('how many matching projects have none'),
});

export const IndicatorSummary = z.object({
  id: z.string(),
  name: z.string(),
  claims: z.number().int(),
  sources: z.number().int().describe('distinct sources reporting it (copies not counted)'),
  unit: z.string().nullable().describe("the main series' unit (the series with the most claims)"),
  latest: z
    .object({
      time: z.string().nullable(),
      amount: z.number(),
      unit: z.string(),
      qualifier: z.string().nullable(),
    })
    .nullable()
    .describe("the main series' preferred value at its last time (or without a time when it has none)"),
  points: z
    .array(z.object({ time: z.string(), amount: z.number() }))
    .describe('the main series: one point per time, the value preferred at that time (for a sparkline)'),
  conflicts: z.number().int().describe('how many times of the main series have disagreeing values'),
});
export const IndicatorRecord = IndicatorSummary.extend({
  series: z.array(
    z.object({
      property: z.string(),
      unit: z.string().nullable(),
      claims: z.number().int(),
      points: z.array(
        z.object({
          time: z.string().nullable(),
          values: z.array(ValueView).describe('every value reported for the time, the preferred one first'),
          conflict: z.boolean(),
        }),
      ),
    }),
  ),
  properties: z.array(z.unknown()),
});

export const SourceDetail = z.looseObject({
  id: z.string(),
  uri: z.string(),
  title: z.string().nullable(),
  text: z.string(),
  paragraphs: z.array(
    z.looseObject({ index: z.number(), start: z.number(), end: z.number(), duplicate: z.boolean() }),
  ),
  entities: z.array(z.unknown()),
  claims: z.array(Claim),
  claimsTotal: z.number().int(),
  copies: z
    .array(
      z.object({
        id: z.string(),
        title: z.string().nullable(),
        uri: z.string(),
        publishedAt: z.string().nullable(),
      }),
    )
    .describe(
      'the sources stored as near-duplicate copies of this one (duplicateOf it), in the order they came',
    ),
});

/** The body of every review change: the version of the item the editor saw (a newer one gets 409), and why. */
export const Reviewed = z.object({
  version: z.number().int().positive().describe('the version you saw; a newer one gets 409'),
  why: z.string().max(2000).nullable().default(null),
});

export { Claim, Entity, Release, Revision, SourceSummary };
