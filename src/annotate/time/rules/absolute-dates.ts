// Calendar days written out: a month and a day, with or without a year, ranges of days, and
// numeric dates.
//
// Examples:
//   "March 5", "Sept. 30", "Monday, March 4, 2019", "March 5 at 10 a.m."
//   "5 March", "the 5th of March 2019", "the first of April", "the twenty-third of May 2019"
//   "by the 25th", "since the 3rd": a day of the month named alone
//   "March 1-5" → "March 1" and "5"; "1-5 March" → "1" and "5 March"; "March 1 to 5, 2019"
//   "2019-03-05", "3/5/2019" (US order: month first)
//   "the year ended Jan. 31": the date is marked as closing a reported period
//
// Watch out:
//   "march 5", "may 1": a month needs its capital next to a bare number ("a march 5 miles long").
//   "the 25th anniversary", "the 3rd Infantry": a day of the month alone is only read after a
//   preposition of time ("on", "by", "since" …) and before the clause ends.
//   "March 32", "2019-13-05": days beyond 31 and months beyond 12 are no dates.
import type { Candidate } from '../candidates.js';
import { ORDINAL_DAY_WORDS } from '../lexicon.js';
import { precededBy } from './context.js';
import {
  ANY_WEEKDAY,
  clockPattern,
  dayNumberPattern,
  MONTH_STARTS,
  monthPattern,
  NUMBER_STARTS,
  oneOf,
  WEEKDAY_STARTS,
  yearPattern,
} from './patterns.js';
import { filled, rule, whole, type Rule, type RuleMatch } from './rule.js';
import { clockOf, isCapitalised, monthNumber } from './words.js';

// "the year ended Jan. 31", "six months ended Aug. 12": the day a reported period closed, which
// has passed however far back it lies.
const PERIOD_ENDED = /\bended\s+(?:on\s+)?$/i;

function isDayOfMonth(day: number): boolean {
  return day >= 1 && day <= 31;
}

function dateCandidates(
  m: RuleMatch<string>,
  text: string,
  monthWord: string,
  day: number,
  yearWord: string | undefined,
  clock: string | undefined,
): Candidate[] {
  const month = monthNumber(monthWord);
  if (month === undefined || !isDayOfMonth(day)) return [];
  const time = clock === undefined ? undefined : clockOf(clock);
  const closesPeriod = precededBy(PERIOD_ENDED, m, text);
  const year = yearWord === undefined ? undefined : Number(yearWord);
  return whole(m, { kind: 'date', month, day, year, time, ...(closesPeriod && { closesPeriod }) });
}

const monthDay = rule(
  ['month', 'day', 'year', 'clock'],
  [
    `(?:${ANY_WEEKDAY},?\\s+)?`,
    `${monthPattern('month')}\\s+${dayNumberPattern('day')}`,
    `(?:,?\\s+${yearPattern('year')})?`,
    `(?:,?\\s+at\\s+${clockPattern('clock')})?`,
  ].join(''),
  (m, text) => {
    const month = filled(m, 'month');
    if (!isCapitalised(month)) return [];
    return dateCandidates(m, text, month, Number(filled(m, 'day')), m.groups.year, m.groups.clock);
  },
  { starts: [...WEEKDAY_STARTS, ...MONTH_STARTS] },
);

const dayMonth = rule(
  ['day', 'month', 'year'],
  `(?:${ANY_WEEKDAY},?\\s+)?(?:the\\s+)?${dayNumberPattern('day')}\\s+(?:of\\s+)?${monthPattern('month')}(?:,?\\s+${yearPattern('year')})?`,
  (m, text) => {
    const month = filled(m, 'month');
    if (!isCapitalised(month)) return [];
    return dateCandidates(m, text, month, Number(filled(m, 'day')), m.groups.year, undefined);
  },
  { starts: [...WEEKDAY_STARTS, 'the', ...NUMBER_STARTS] },
);

const dayOfMonthAlone = rule(
  ['day'],
  [
    `(?<=\\b(?:on|by|since|until|till|from|before|after|through)\\s+)`,
    `the\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)`,
    `(?=\\s*(?:[,.;:)]|$)|\\s+(?:and|or|to|at|when|but|as)\\b)`,
  ].join(''),
  (m) => {
    const day = Number(filled(m, 'day'));
    return isDayOfMonth(day) ? whole(m, { kind: 'dayOfMonth', day }) : [];
  },
  { trigger: '\\d(?:st|nd|rd|th)', starts: ['the'] },
);

const ordinalDayOfMonth = rule(
  ['ordinal', 'month', 'year'],
  `the\\s+(?<ordinal>${oneOf(Object.keys(ORDINAL_DAY_WORDS))})\\s+of\\s+${monthPattern('month')}(?:,?\\s+${yearPattern('year')})?`,
  (m, text) => {
    const month = filled(m, 'month');
    const day = ORDINAL_DAY_WORDS[filled(m, 'ordinal').toLowerCase()];
    if (!isCapitalised(month) || day === undefined) return [];
    return dateCandidates(m, text, month, day, m.groups.year, undefined);
  },
  { starts: ['the'] },
);

type RangeGroup = 'month' | 'startDay' | 'endDay' | 'year';

/** One end of a range of days: the words from group `first` to group `last` of the match. */
function rangeEnd(
  m: RuleMatch<RangeGroup>,
  first: RangeGroup,
  last: RangeGroup,
  month: number,
  day: number,
  year: number | undefined,
): Candidate | undefined {
  const from = m.indices?.groups?.[first];
  const to = m.indices?.groups?.[last];
  if (!isDayOfMonth(day) || !from || !to) return undefined;
  const start = Math.min(from[0], to[0]);
  const end = Math.max(from[1], to[1]);
  const text = m[0].slice(start - m.index, end - m.index);
  return { text, span: { start, end }, expression: { kind: 'date', month, day, year } };
}

/**
 * Both ends of a range, or none ("March 1-40" is no range). Each end runs from the first to the
 * last group given, and the second on to the year when there is one.
 */
function rangeEnds(
  m: RuleMatch<RangeGroup>,
  [startFirst, startLast]: [RangeGroup, RangeGroup],
  [endFirst, endLast]: [RangeGroup, RangeGroup],
): Candidate[] {
  const monthWord = filled(m, 'month');
  const month = monthNumber(monthWord);
  if (month === undefined || !isCapitalised(monthWord)) return [];
  const yearWord = m.groups.year;
  const year = yearWord === undefined ? undefined : Number(yearWord);
  const first = rangeEnd(m, startFirst, startLast, month, Number(filled(m, 'startDay')), year);
  const second = rangeEnd(
    m,
    endFirst,
    yearWord === undefined ? endLast : 'year',
    month,
    Number(filled(m, 'endDay')),
    year,
  );
  return first && second ? [first, second] : [];
}

const monthDayRange = rule(
  ['month', 'startDay', 'endDay', 'year'],
  [
    `${monthPattern('month')}\\s+${dayNumberPattern('startDay')}`,
    `\\s*(?:-|–|to|through|until)\\s*${dayNumberPattern('endDay')}`,
    `(?:,?\\s+${yearPattern('year')})?`,
  ].join(''),
  (m) => rangeEnds(m, ['month', 'startDay'], ['endDay', 'endDay']),
  { spans: true, starts: MONTH_STARTS },
);

const dayRangeMonth = rule(
  ['startDay', 'endDay', 'month', 'year'],
  [
    `${dayNumberPattern('startDay')}\\s*(?:-|–)\\s*${dayNumberPattern('endDay')}`,
    `\\s+${monthPattern('month')}`,
    `(?:,?\\s+${yearPattern('year')})?`,
  ].join(''),
  (m) => rangeEnds(m, ['startDay', 'startDay'], ['endDay', 'month']),
  { spans: true, starts: NUMBER_STARTS },
);

function numericDate(m: RuleMatch<string>, year: number, month: number, day: number): Candidate[] {
  if (month < 1 || month > 12 || !isDayOfMonth(day)) return [];
  return whole(m, { kind: 'date', month, day, year });
}

const isoDate = rule(
  ['year', 'month', 'day'],
  String.raw`(?<year>\d{4})-(?<month>\d\d)-(?<day>\d\d)`,
  (m) => numericDate(m, Number(filled(m, 'year')), Number(filled(m, 'month')), Number(filled(m, 'day'))),
  { starts: NUMBER_STARTS },
);

const usDate = rule(
  ['month', 'day', 'year'],
  String.raw`(?<month>\d{1,2})/(?<day>\d{1,2})/(?<year>\d{4})`,
  (m) => numericDate(m, Number(filled(m, 'year')), Number(filled(m, 'month')), Number(filled(m, 'day'))),
  { starts: NUMBER_STARTS },
);

export const absoluteDateRules: Rule[] = [
  monthDay,
  dayMonth,
  dayOfMonthAlone,
  ordinalDayOfMonth,
  monthDayRange,
  dayRangeMonth,
  isoDate,
  usDate,
];
