// The tilse text format (Timeline17 and Crisis use it; tilse's Timeline.from_file reads it):
//
//   2019-03-04
//   first sentence
//   second sentence
//   --------------------------------
//
// tilse only knows days, so a month or year entry is written on the first day of its period
// (`2019-03` → 2019-03-01): that is the day a date-F1 comparison can still match, and the month
// itself is not recoverable from the file.
import { formatDay, isValidDay } from '../calendar.js';
import type { IsoDay, Timeline } from '../model.js';
import { daySummaries, type DaySummary } from './day-summaries.js';

/** tilse compares the stripped line with exactly this string. */
export const TILSE_SEPARATOR = '-'.repeat(32);

export function renderTilse(timeline: Timeline): string {
  return daySummaries(timeline)
    .map(({ date, sentences }) => [date, ...sentences, TILSE_SEPARATOR].join('\n'))
    .map((block) => `${block}\n`)
    .join('');
}

// tilse parses with strptime('%Y-%m-%d'), which also takes unpadded months and days but refuses
// days that do not exist: such a line ("2010-02-30") is text, not a date.
const TILSE_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

function asIsoDay(line: string): IsoDay | undefined {
  const match = TILSE_DATE.exec(line);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (year < 1 || !isValidDay(year, month, day)) return undefined;
  return formatDay(year, month, day);
}

/**
 * Reads a tilse timeline the way tilse does: lines are stripped, a date line sets the day, the
 * separator closes the entry, a later entry for the same day replaces the earlier one, and text
 * after the last separator is dropped. Lines before a date line belong to its entry.
 */
export function parseTilse(text: string): DaySummary[] {
  const byDay = new Map<IsoDay, string[]>();
  let date: IsoDay | undefined;
  let sentences: string[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === TILSE_SEPARATOR) {
      if (date === undefined) throw new Error(`tilse: an entry without a date line (sentences: ${sentences.length})`);
      byDay.set(date, withoutOuterBlankLines(sentences));
      date = undefined;
      sentences = [];
      continue;
    }
    const day = asIsoDay(line);
    if (day !== undefined) date = day;
    else sentences.push(line);
  }
  return [...byDay].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, lines]) => ({ date: day, sentences: lines }));
}

/**
 * tilse strips an entry's text as a whole before splitting it into lines: blank lines at either end
 * disappear, blank lines inside stay as empty sentences, and an empty entry is one empty sentence.
 */
function withoutOuterBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start] === '') start++;
  while (end > start && lines[end - 1] === '') end--;
  return start < end ? lines.slice(start, end) : [''];
}
