// The calendar every stage shares: day arithmetic on ISO days, in UTC so that no time zone or
// daylight-saving change can move a day, and the English names of months and weekdays. Everything
// here is pure and works on `YYYY-MM-DD` strings or plain numbers.
import type { IsoDay } from './model.js';

// The names and the length of a day live in web/date-words.js, which the page loads as it is (it
// has no build step).
import { DAY_MS } from '../web/date-words.js';

export { DAY_MS, MONTH_NAMES, WEEKDAY_NAMES } from '../web/date-words.js';
// Parsing an ISO string is the slow part of day arithmetic, and a tagger asks about the same few
// days (an article's publication date, the days it names) again and again: the parsed time of each
// day is kept. Bounded, since a long run may see any number of distinct strings.
const parsedDays = new Map<string, number>();
const MAX_PARSED_DAYS = 100_000;

function toDate(day: IsoDay): Date {
  let time = parsedDays.get(day);
  if (time === undefined) {
    time = new Date(`${day}T00:00:00Z`).getTime();
    if (parsedDays.size >= MAX_PARSED_DAYS) parsedDays.clear();
    parsedDays.set(day, time);
  }
  return new Date(time);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Formats a year and 1-based month as `YYYY-MM`. */
export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

/** Formats a year, 1-based month and day as `YYYY-MM-DD`. */
export function formatDay(year: number, month: number, day: number): IsoDay {
  return `${formatMonth(year, month)}-${pad(day)}`;
}

/** Year, 1-based month and day of an ISO day. */
export function dayParts(day: IsoDay): { year: number; month: number; day: number } {
  const date = toDate(day);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** True when the numbers name a real calendar day (no 31 April, no 29 February 2019). */
export function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01: a number to subtract, bucket or plot days by. */
export function dayNumber(day: IsoDay): number {
  return Math.round(toDate(day).getTime() / DAY_MS);
}

export function addDays(day: IsoDay, days: number): IsoDay {
  return new Date(toDate(day).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** Signed number of days from `from` to `to`. */
export function daysBetween(from: IsoDay, to: IsoDay): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY_MS);
}

/** The month `months` away from the given year and month. */
export function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** ISO weekday: Monday 1 … Sunday 7 (the numbering TIMEX3 week values use). */
export function isoWeekday(day: IsoDay): number {
  return ((toDate(day).getUTCDay() + 6) % 7) + 1;
}

/** ISO-8601 week of a day as a TIMEX3 value: `2019-W09`. */
export function isoWeek(day: IsoDay): string {
  // The ISO week belongs to the year of its Thursday.
  const thursday = addDays(day, 4 - isoWeekday(day));
  const { year } = dayParts(thursday);
  const week = Math.floor(daysBetween(formatDay(year, 1, 1), thursday) / 7) + 1;
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** The nth given ISO weekday of a month: the fourth Thursday of November 1999 → 1999-11-25. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, nth: number): IsoDay {
  const first = formatDay(year, month, 1);
  const toFirstMatch = (weekday - isoWeekday(first) + 7) % 7;
  return addDays(first, toFirstMatch + 7 * (nth - 1));
}
