// Timelines as tilse holds them: a dict from day to sentences, each sentence stripped
// (tilse's `Timeline` constructor does `str.strip()` and nothing else).
import type { IsoDay } from '../../model.js';
import { parseNewsTls, parseTilse, type DaySummary } from '../../render/index.js';
import { pythonStrip } from './python-text.js';

/** Day → sentences, ordered by day. A day may have no sentence, or one empty sentence. */
export type TlsTimeline = ReadonlyMap<IsoDay, readonly string[]>;

/** Anything a timeline can be given as: a Map, or {date, sentences} entries (parseTilse/parseNewsTls output). */
export type TimelineInput = ReadonlyMap<IsoDay, readonly string[]> | readonly DaySummary[];

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Proleptic Gregorian day number of `YYYY-MM-DD` (Python's date.toordinal() minus a constant; only
 * differences are used). Throws on strings that are not a real calendar day.
 */
export function dayOrdinal(day: IsoDay): number {
  const match = ISO_DAY.exec(day);
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${JSON.stringify(day)}`);
  const [year, month, dayOfMonth] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month)) {
    throw new Error(`not a calendar date: ${day}`);
  }
  // Days from civil (H. Hinnant): exact integer arithmetic, no Date object (which maps years < 100 to 19xx).
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + dayOfMonth - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/**
 * Builds a timeline the way tilse's constructor and dict do: sentences stripped, a repeated day
 * replaced by its last entry, days sorted. Rejects days that are not calendar dates.
 */
export function toTlsTimeline(input: TimelineInput): TlsTimeline {
  const entries: Iterable<readonly [IsoDay, readonly string[]]> =
    input instanceof Map
      ? input
      : (input as readonly DaySummary[]).map((entry) => [entry.date, entry.sentences] as const);
  const byDay = new Map<IsoDay, string[]>();
  for (const [day, sentences] of entries) {
    dayOrdinal(day);
    byDay.set(day, sentences.map(pythonStrip));
  }
  return new Map([...byDay].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The timelines of a news-tls `timelines.jsonl` text, as news-tls reads them: lines holding `[]`
 * are skipped (so timeline j is the j-th non-empty line), the last entry of a repeated day wins,
 * and sentences are stripped.
 */
export function readNewsTlsTimelines(text: string): TlsTimeline[] {
  return parseNewsTls(text)
    .filter((entries) => entries.length > 0)
    .map(toTlsTimeline);
}

/** A tilse `.txt` timeline (Timeline17, Crisis), read with the project's tilse parser. */
export function readTilseTimeline(text: string): TlsTimeline {
  return toTlsTimeline(parseTilse(text));
}
