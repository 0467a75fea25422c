// news-tls `timelines.jsonl`: one timeline per line, each a JSON list of
// ["YYYY-MM-DDT00:00:00", [sentence, ...]] pairs (read by news_tls.data.ArticleCollection with
// arrow.get, then cut to the day). Only days exist, so month and year entries go on the first day
// of their period, as in the tilse writer.
import { z } from 'zod';
import type { Timeline } from '../model.js';
import { daySummaries, type DaySummary } from './day-summaries.js';

export function renderNewsTls(timeline: Timeline): string {
  const pairs = daySummaries(timeline).map(({ date, sentences }) => [`${date}T00:00:00`, sentences]);
  return `${JSON.stringify(pairs)}\n`;
}

const newsTlsLine = z.array(
  z.tuple([
    z.string().regex(/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}:\d{2})?/, 'a date YYYY-MM-DD[THH:MM:SS]'),
    z.array(z.string()),
  ]),
);

function parseLine(line: string, lineNumber: number): DaySummary[] {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new Error(`timelines.jsonl line ${lineNumber}: not JSON (${(error as Error).message})`);
  }
  const parsed = newsTlsLine.safeParse(value);
  if (!parsed.success)
    throw new Error(`timelines.jsonl line ${lineNumber}: ${parsed.error.issues[0]?.message ?? 'not a timeline'}`);
  return parsed.data.map(([time, sentences]) => ({ date: time.slice(0, 10), sentences }));
}

/** Every timeline in a `timelines.jsonl` text, one per non-blank line, times cut to the day. */
export function parseNewsTls(text: string): DaySummary[][] {
  return text.split(/\r?\n/).flatMap((line, i) => (line.trim() === '' ? [] : [parseLine(line, i + 1)]));
}
