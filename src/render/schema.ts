// A zod mirror of the Timeline part of model.ts, for reading back timelines written as JSON.
// Keys are in the model's order, so a parsed timeline serialises back to the same text.
// The `z.ZodType<Timeline>` annotation makes the compiler reject a schema whose output no longer
// fits the model; the round-trip test catches the other direction (a model field the schema drops).
import { z } from 'zod';
import type { Timeline } from '../model.js';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day YYYY-MM-DD');

const dateRef = z.discriminatedUnion('granularity', [
  z.object({ value: isoDay, granularity: z.literal('day') }),
  z.object({ value: z.string().regex(/^\d{4}-\d{2}$/, 'a month YYYY-MM'), granularity: z.literal('month') }),
  z.object({ value: z.string().regex(/^\d{4}$/, 'a year YYYY'), granularity: z.literal('year') }),
]);

const span = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });

const dating = z.object({
  how: z.enum(['reference', 'publication']),
  timex: z.object({ text: z.string(), span, value: z.string(), anchor: isoDay, evidence: z.string() }).optional(),
  evidence: z.string(),
});

const citation = z.object({
  text: z.string(),
  articleId: z.string(),
  source: z.string(),
  title: z.string().optional(),
  url: z.string().optional(),
  publishedOn: isoDay,
  sentenceIndex: z.number().int().nonnegative(),
  span,
  dating,
  alsoIn: z.array(z.string()),
});

const entityCount = z.object({
  text: z.string(),
  kind: z.enum(['person', 'organization', 'place']),
  count: z.number().int().nonnegative(),
});

const quantityReport = z.object({
  text: z.string(),
  value: z.number(),
  approximate: z.boolean(),
  unit: z.string(),
  qualifiers: z.array(z.string()),
  articleId: z.string(),
  source: z.string(),
  publishedOn: isoDay,
});

const timelineEntry = z.object({
  date: dateRef,
  score: z.number(),
  sentences: z.array(citation),
  entities: z.array(entityCount),
  quantities: z.array(quantityReport),
});

const timelineOptions = z.object({
  dates: z.number().int().positive(),
  sentencesPerDate: z.number().int().positive(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  query: z.string().optional(),
});

export const timelineSchema: z.ZodType<Timeline> = z.object({
  method: z.string(),
  options: timelineOptions,
  stats: z.object({
    articles: z.number().int().nonnegative(),
    sentences: z.number().int().nonnegative(),
    duplicates: z.number().int().nonnegative(),
  }),
  entries: z.array(timelineEntry),
});
