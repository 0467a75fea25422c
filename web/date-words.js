// @ts-check
// TIMEX3 values as people read them: "2025-04-08TMO" is "the morning of 8 April 2025", "2025-W15"
// "the week of 7 April 2025", "2025-Q2" "the second quarter of 2025". The one place that does it, for
// the page and for the server's Markdown alike (src/render/dates.ts imports it; the page is plain
// files with no build step, so the shared code lives here). Built by hand rather than with Intl so
// the words are the same on every machine and locale. Machine formats (JSON, TimeML) keep the value.

/** English month names, January first. The server imports them too (src/calendar.ts). */
/** Milliseconds in a calendar day (UTC days have no leap seconds in JavaScript). */
export const DAY_MS = 86_400_000;

export const MONTH_NAMES = Object.freeze([
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]);
/** English weekday names, Monday first as ISO 8601 counts them (Monday 1 … Sunday 7). */
export const WEEKDAY_NAMES = Object.freeze([
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
]);
/** @type {Readonly<Record<string, string>>} */
const PARTS_OF_DAY = {
  MO: 'the morning of',
  AF: 'the afternoon of',
  EV: 'the evening of',
  NI: 'the night of',
  DT: 'the daytime of',
};
/** @type {Readonly<Record<string, string>>} */
const SEASONS = { SP: 'spring', SU: 'summer', FA: 'autumn', AU: 'autumn', WI: 'winter' };
const ORDINALS = ['first', 'second', 'third', 'fourth'];
/** @type {Readonly<Record<string, string>>} */
const REFERENCES = { PRESENT_REF: 'now', PAST_REF: 'the past', FUTURE_REF: 'the future' };
/** @type {Readonly<Record<string, string>>} */
const DURATION_UNITS = {
  Y: 'year',
  M: 'month',
  W: 'week',
  D: 'day',
  H: 'hour',
  MIN: 'minute',
  S: 'second',
  DE: 'decade',
  CE: 'century',
};

/**
 * "8 April 2025", or "Tuesday 8 April 2025" with the weekday.
 * @param {number} year
 * @param {number} month 1-12
 * @param {number} day 1-31
 * @param {boolean} weekday
 * @returns {string}
 */
function dayWords(year, month, day, weekday) {
  const date = `${day} ${MONTH_NAMES[month - 1]} ${year}`;
  // getUTCDay counts from Sunday (0); the names start on Monday.
  return weekday ? `${WEEKDAY_NAMES[(new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7]} ${date}` : date;
}

/**
 * The Monday of ISO week `week` of `year`, as [year, month, day].
 * @param {number} year
 * @param {number} week 1-53
 * @returns {[year: number, month: number, day: number]}
 */
function mondayOfIsoWeek(year, week) {
  const january4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(january4.getTime() - ((january4.getUTCDay() + 6) % 7) * DAY_MS + (week - 1) * 7 * DAY_MS);
  return [monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate()];
}

/**
 * "3 days", "1 week", "several days" for TIMEX3 durations (P3D, P1W, PXD, PT5H).
 * @param {string} value
 * @returns {string | undefined}
 */
function durationWords(value) {
  const match = /^PT?(\d+(?:\.\d+)?|X)(MIN|DE|CE|[YMWDHS])$/.exec(value);
  if (!match) return undefined;
  const [, count, letter = ''] = match;
  const unit = DURATION_UNITS[value.startsWith('PT') && letter === 'M' ? 'MIN' : letter];
  if (count === 'X') return `several ${unit === 'century' ? 'centuries' : `${unit}s`}`;
  return `${count} ${Number(count) === 1 ? unit : unit === 'century' ? 'centuries' : `${unit}s`}`;
}

/**
 * A TIMEX3 value in words; a value it cannot read is returned as it is.
 * @param {string} value a TIMEX3 value: 2025-04-08, 2025-04-08TMO, 2025-04-08T09:00, 2025-W15, 2025-Q2, 2025-SP, P3D, PRESENT_REF, …
 * @param {{ weekday?: boolean }} [options] weekday: name the day of the week ("Tuesday 8 April 2025")
 * @returns {string}
 */
export function timexInWords(value, options = {}) {
  const weekday = options.weekday === true;
  let m;
  if ((m = /^(\d{4})-(\d\d)-(\d\d)(?:T(MO|AF|EV|NI|DT)|T(\d\d):(\d\d)(?::\d\d)?)?$/.exec(value))) {
    const [, y, mo, d, part, hour, minute] = m;
    const day = dayWords(Number(y), Number(mo), Number(d), weekday);
    if (part) return `${PARTS_OF_DAY[part]} ${day}`;
    if (hour) return `${Number(hour)}:${minute} on ${day}`;
    return day;
  }
  if ((m = /^(\d{4})-(\d\d)$/.exec(value))) return `${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}`;
  if ((m = /^(\d{4})-W(\d\d)(-WE)?$/.exec(value))) {
    const [year, month, day] = mondayOfIsoWeek(Number(m[1]), Number(m[2]));
    if (m[3]) {
      const saturday = new Date(Date.UTC(year, month - 1, day + 5));
      return `the weekend of ${dayWords(saturday.getUTCFullYear(), saturday.getUTCMonth() + 1, saturday.getUTCDate(), false)}`;
    }
    return `the week of ${dayWords(year, month, day, false)}`;
  }
  if ((m = /^(\d{4})-(SP|SU|FA|AU|WI)$/.exec(value))) return `${SEASONS[m[2] ?? '']} ${m[1]}`;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) return `the ${ORDINALS[Number(m[2]) - 1]} quarter of ${m[1]}`;
  if ((m = /^(\d{4})-H([12])$/.exec(value))) return `the ${ORDINALS[Number(m[2]) - 1]} half of ${m[1]}`;
  if (/^\d{4}$/.test(value)) return value;
  if ((m = /^(\d{3})$/.exec(value))) return `the ${m[1]}0s`;
  if ((m = /^(\d{2})$/.exec(value))) return `the ${m[1]}00s`;
  return REFERENCES[value] ?? durationWords(value) ?? value;
}

/**
 * An evidence line made readable: the TIMEX3 value after its arrow and the days it names in words.
 * '"this morning" in an article of 2025-04-08 → 2025-04-08TMO' reads '"this morning" in an article
 * of 8 April 2025 → the morning of 8 April 2025'. Quoted words from the article are left as written.
 * @param {string} text
 * @returns {string}
 */
export function evidenceInWords(text) {
  return text
    .split(/("[^"]*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(
              /→ ([0-9X][0-9A-Z:.-]*|PRESENT_REF|PAST_REF|FUTURE_REF)(?=$|[\s,;)])/g,
              (_, /** @type {string} */ value) => `→ ${timexInWords(value)}`,
            )
            .replace(/(?<![→\w-])(\d{4}-\d\d-\d\d)(?![\w-])/g, (_, /** @type {string} */ day) => timexInWords(day)),
    )
    .join('');
}
