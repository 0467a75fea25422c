// What each route accepts, checked with zod so a wrong parameter is a 400 with a sentence, never a 500.
import { z } from 'zod';
import { queryProblem, STORY_ID } from '../query.js';
import { outputFormats, type OutputFormat } from '../render/index.js';
import { DEFAULT_METHOD_NAME, TIMELINE_METHOD_NAMES } from '../timeline/index.js';

/** Result-size limits: a page asks for no more than this, whatever the query string says. */
export const LIMITS = {
  pageSize: 100,
  dates: 100,
  sentencesPerDate: 10,
  queryLength: 300,
  articleId: 500,
} as const;

const DAY_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

const isoDay = z
  .string()
  .regex(DAY_SHAPE, 'expected a day as YYYY-MM-DD')
  .refine(isCalendarDay, 'not a real calendar day');

/** True for days that exist: 2025-02-30 does not (Date would roll it over to March). */
function isCalendarDay(value: string): boolean {
  // zod runs this even after the format check failed: leave malformed values to that message.
  if (!DAY_SHAPE.test(value)) return true;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

const words = z.string().trim().max(LIMITS.queryLength);
/** A topic query: an empty one means no topic, one with no word in it is refused (it would mean the whole archive). */
const topic = words.superRefine((value, context) => {
  const problem = queryProblem(value);
  if (problem) context.addIssue({ code: z.ZodIssueCode.custom, message: problem });
});

/** A bounded whole number from a query string ("10" → 10; "ten", "2.5", "0" are errors). */
function count(max: number, fallback: number) {
  return z.coerce.number().int().min(1).max(max).default(fallback);
}

function fromNotAfterTo(value: { from?: string | undefined; to?: string | undefined }): boolean {
  return !value.from || !value.to || value.from <= value.to;
}
const FROM_AFTER_TO = { message: "'from' is after 'to'", path: ['from'] };

const storyId = z.string().regex(STORY_ID, 'a story id is 12 hexadecimal digits');

export const articleListQuery = z
  .object({
    query: topic.optional(),
    /** Only the articles of one story (`/api/stories`). */
    story: storyId.optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
    page: count(Number.MAX_SAFE_INTEGER, 1),
    pageSize: count(LIMITS.pageSize, 20),
  })
  .strict()
  .refine(fromNotAfterTo, FROM_AFTER_TO);

export const articleParams = z.object({ id: z.string().min(1).max(LIMITS.articleId) }).strict();

const storySelection = {
  query: topic.optional(),
  /** An entity's text: only articles that mention it (the entity filter of the page). */
  entity: words.optional(),
  /** One story of the archive (`/api/stories`). */
  story: storyId.optional(),
};

export const storyListQuery = z
  .object({
    from: isoDay.optional(),
    to: isoDay.optional(),
    minArticles: count(Number.MAX_SAFE_INTEGER, 2),
    order: z.enum(['articles', 'recent']).default('articles'),
    page: count(Number.MAX_SAFE_INTEGER, 1),
    pageSize: count(LIMITS.pageSize, 20),
  })
  .strict()
  .refine(fromNotAfterTo, FROM_AFTER_TO);

export const storyParams = z.object({ id: storyId }).strict();

/** The evidence plot follows the timeline's selection, its date window included. */
export const signalQuery = z
  .object({ ...storySelection, from: isoDay.optional(), to: isoDay.optional() })
  .strict()
  .refine(fromNotAfterTo, FROM_AFTER_TO);

const timelineShape = {
  ...storySelection,
  from: isoDay.optional(),
  to: isoDay.optional(),
  dates: count(LIMITS.dates, 10),
  sentences: count(LIMITS.sentencesPerDate, 2),
  method: z.enum(TIMELINE_METHOD_NAMES).default(DEFAULT_METHOD_NAME),
};

export const timelineQuery = z.object(timelineShape).strict().refine(fromNotAfterTo, FROM_AFTER_TO);

export const exportQuery = z
  .object({ ...timelineShape, format: z.enum(outputFormats as [OutputFormat, ...OutputFormat[]]) })
  .strict()
  .refine(fromNotAfterTo, FROM_AFTER_TO);

const uploadFile = z
  .object({
    name: z.string().trim().min(1).max(255),
    content: z.string(),
    /** The outlet for formats that do not name one (plain text): otherwise "upload". */
    source: z.string().trim().max(100).optional(),
  })
  .strict();

export function uploadBody(maxFiles: number) {
  return z.object({ files: z.array(uploadFile).min(1).max(maxFiles) }).strict();
}

export type TimelineQuery = z.infer<typeof timelineQuery>;
export type UploadFile = z.infer<typeof uploadFile>;

/** An answer other than a bug's (a 4xx, or 503 when busy) with a message meant for the person who sent the request. */
export class RequestError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/** Parses a request part or throws a 400 naming each wrong field. */
export function validate<T extends z.ZodTypeAny>(schema: T, input: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data as z.infer<T>;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.join('.');
    return field ? `${field}: ${issue.message}` : issue.message;
  });
  throw new RequestError(400, `bad ${what}: ${problems.join('; ')}`);
}
