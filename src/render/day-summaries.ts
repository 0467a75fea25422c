// The shape the evaluation formats (tilse, news-tls) share: a day and its summary sentences,
// nothing else. Both key their timelines by calendar day, so everything here is day-based.
import type { IsoDay, Timeline } from '../model.js';
import { chronological, firstDayOf } from './dates.js';

export interface DaySummary {
  date: IsoDay;
  sentences: string[];
}

/** One line per sentence: both formats put a sentence on a line, so a line break inside one would split it. */
export function asOneLine(sentence: string): string {
  return sentence.replace(/\s+/g, ' ').trim();
}

/**
 * Day summaries in date order. Month and year entries move to the first day of their period (the
 * formats only have days), and entries that land on the same day are merged, because both readers
 * load a timeline into a dict keyed by date and would silently keep only the last one.
 */
export function daySummaries(timeline: Timeline): DaySummary[] {
  const byDay = new Map<IsoDay, string[]>();
  for (const entry of chronological(timeline.entries)) {
    const day = firstDayOf(entry.date);
    const sentences = byDay.get(day) ?? [];
    for (const citation of entry.sentences) {
      const line = asOneLine(citation.text);
      if (line) sentences.push(line);
    }
    byDay.set(day, sentences);
  }
  return [...byDay].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, sentences]) => ({ date, sentences }));
}
