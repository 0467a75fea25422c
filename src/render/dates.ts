// Dates as people read them. The words themselves come from web/date-words.js, the one place that
// turns a TIMEX3 value into words, shared with the page (which has no build step).
import type { DateRef, IsoDay } from '../model.js';
import { evidenceInWords, timexInWords } from '../../web/date-words.js';

export { evidenceInWords, timexInWords };

export interface DateParts {
  year: number;
  /** 1-12, absent for a year. */
  month?: number;
  /** 1-31, absent for a month or a year. */
  day?: number;
}

/** Splits a DateRef into numbers, keeping only the parts its granularity knows. */
export function dateParts(date: DateRef): DateParts {
  const [year, month, day] = date.value.split('-').map(Number);
  if (year === undefined || Number.isNaN(year)) throw new Error(`not a date: '${date.value}'`);
  if (date.granularity === 'year' || month === undefined) return { year };
  if (date.granularity === 'month' || day === undefined) return { year, month };
  return { year, month, day };
}

/** "Tuesday 4 March 2019", "September 2018", "2018": an entry's date as a heading. */
export function formatDate(date: DateRef): string {
  const { year, month, day } = dateParts(date);
  const pad = (n: number) => String(n).padStart(2, '0');
  const value =
    month === undefined
      ? String(year)
      : day === undefined
        ? `${year}-${pad(month)}`
        : `${year}-${pad(month)}-${pad(day)}`;
  return timexInWords(value, { weekday: true });
}

/** "4 March 2019": a publication day in running text. */
export function formatDay(day: IsoDay): string {
  return timexInWords(day);
}

/** The first day of the period a date names: `2019-03` → `2019-03-01`, `2018` → `2018-01-01`. */
export function firstDayOf(date: DateRef): IsoDay {
  const { year, month = 1, day = 1 } = dateParts(date);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Entries in calendar order. Comparing the date strings is enough: a month (`2019-03`) sorts before
 * the days in it (`2019-03-01`), which is where a reader expects the less precise entry.
 */
export function chronological<T extends { date: DateRef }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => (a.date.value < b.date.value ? -1 : a.date.value > b.date.value ? 1 : 0));
}
