// The whole timeline as JSON: the lossless format, and the one other tools should read.
import type { Timeline } from '../model.js';
import { timelineSchema } from './schema.js';

export function renderJson(timeline: Timeline): string {
  return `${JSON.stringify(timeline, null, 2)}\n`;
}

/** Reads a timeline written by renderJson, with a message naming the first field that does not fit. */
export function parseTimelineJson(text: string): Timeline {
  const parsed = timelineSchema.safeParse(JSON.parse(text));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'timeline';
  throw new Error(`not a timeline: ${where}: ${issue?.message ?? 'invalid'}`);
}
