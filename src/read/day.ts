// Publication dates as inputs write them, reduced to the calendar day they name. The day is read
// from the text as written, never converted through a time zone: "2019-03-05T23:30-05:00" was
// published on the 5th where it was written, even though it was the 6th in UTC.
import { formatDay, isValidDay, MONTH_NAMES } from '../calendar.js';
import type { IsoDay } from '../model.js';

export type DayParse = { ok: true; day: IsoDay } | { ok: false; reason: string };

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?=$|[T ]\d)/;
const RFC_822_DAY = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{4})\b/;
/** RFC 822's month abbreviations, lowercased: the first three letters of the names. */
const MONTHS = MONTH_NAMES.map((name) => name.slice(0, 3).toLowerCase());

/** Reads `2019-03-05`, `2019-03-05T10:00:00(+zone)` and RSS's `Tue, 05 Mar 2019 10:00:00 GMT`. */
export function parseDay(raw: string): DayParse {
  const value = raw.trim();
  const iso = ISO_DAY.exec(value);
  if (iso) return checkedDay(value, Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const rfc = RFC_822_DAY.exec(value);
  const month = rfc ? MONTHS.indexOf(rfc[2]!.toLowerCase()) + 1 : 0;
  if (rfc && month > 0) return checkedDay(value, Number(rfc[3]), month, Number(rfc[1]));
  return { ok: false, reason: `'${value}' is not a date (expected YYYY-MM-DD)` };
}

function checkedDay(raw: string, year: number, month: number, day: number): DayParse {
  if (!isValidDay(year, month, day)) return { ok: false, reason: `date '${raw}' is not a real day` };
  return { ok: true, day: formatDay(year, month, day) };
}
