// Periods longer than a day: weeks, months, quarters, seasons, holidays, years, decades, centuries.
// Two lists, because a holiday must lose its tie with a date of the same words ("the fourth of
// July" is read as July 4 by the absolute-date rules, which run between them).
//
// Examples, relative periods:
//   "last week", "this year", "next month", "earlier this month", "late last year", "the end of this week"
//   "the weekend", "last weekend"
//   "the third quarter", "fourth-quarter", "the first quarter of 2019", "the year-earlier third quarter"
//   "the quarter", "the latest period", "the year-ago quarter", "the 1988 period", "the same period last year"
//   "year-earlier profit"
//   "for the year", "in the fiscal year", "for the year ended June 30"
// Examples, named periods:
//   "March", "in early March", "last September", "September last year", "May 2019", "the end of March"
//   "Christmas", "last Thanksgiving", "Christmas Eve 1998"
//   "nineteen ninety-six", "the year two thousand"
//   "2018", "mid-2018", "early 2019", "the 2018 election"
//   "the 1990s", "the early 2000s", "the 19th century"
//   "spring 2019", "last summer", "the winter of 2018", "in the spring"
//
// Watch out:
//   "the same period" alone says nothing about which; a bare "quarter" or "the period" is no time,
//   and "period" is only a quarter where the text talks of quarters (the resolver decides).
//   "the year two", "the year ago", "the year-long strike": no "for the year" there.
//   "may" the modal and "a protest march": a month name alone needs a date word before it ("in
//   March", "since May") or a list of months ("between March and May", not "Merkel and May").
//   "Room 2012", "Resolution 2254", "the 2034-page proposal", "a 2000-strong crowd", "$2019":
//   labels, measures and amounts, never years. "2000 troops", "2000 people", "1998-99", "2019 GMT":
//   counts and clock readings, unless a date word comes first ("in 2000, troops …").
//   "fall" is a verb far more often than a season: it needs "last", "this", "next" or a year.
//   Other seasons alone need a date word before them ("during the summer"), not "summer camp".
import type { Relation, ReportedQuarter } from '../candidates.js';
import {
  HOLIDAYS,
  MONTH_NAMES,
  NUMBER_UNITS,
  QUARTER_ORDINALS,
  SEASONS,
  SPOKEN_CENTURIES,
  SPOKEN_TENS,
  YEAR_OFFSET_WORDS,
} from '../lexicon.js';
import { precededBy, textAfter } from './context.js';
import {
  dayNumberPattern,
  firstWords,
  MONTH_STARTS,
  monthPattern,
  NUMBER_STARTS,
  oneOf,
  POSITION_STARTS,
  positionPattern,
  YEAR_STARTS,
  yearPattern,
} from './patterns.js';
import { filled, rule, whole, type Rule, type RuleMatch } from './rule.js';
import { isCapitalised, monthNumber, positionMod, relationOf } from './words.js';

// ---------------------------------------------------------------------------------------------
// Relative periods

const weekMonthYear = rule(
  ['positionWord', 'positionPhrase', 'relation', 'unit'],
  [
    `(?:${positionPattern('positionWord', 'positionPhrase')}|(?:earlier|later)\\s+)?`,
    `(?<relation>last|this|next|coming)\\s+(?<unit>week|month|year)`,
  ].join(''),
  (m) => {
    const unit = filled(m, 'unit').toLowerCase() as 'week' | 'month' | 'year';
    const relation = relationOf(m.groups.relation);
    if (relation === undefined) return [];
    return whole(m, {
      kind: 'period',
      unit,
      relation,
      mod: positionMod(m.groups.positionWord, m.groups.positionPhrase),
    });
  },
  { starts: [...POSITION_STARTS, 'earlier', 'later', 'last', 'this', 'next', 'coming'] },
);

const weekend = rule(
  ['relation'],
  `(?:(?<relation>last|this|next|coming)|the)\\s+weekend`,
  (m) => whole(m, { kind: 'weekend', relation: relationOf(m.groups.relation) }),
  { trigger: 'weekend', starts: ['last', 'this', 'next', 'coming', 'the'] },
);

/** The phrases of a lexicon as an alternation that takes any run of spaces and either apostrophe. */
function phrasePattern(phrases: readonly string[]): string {
  return oneOf(phrases).replace(/'/g, "['’]");
}

/** The lexicon key of a phrase `phrasePattern` matched. */
function phraseKey(words: string): string {
  return words.toLowerCase().replace(/\s+/g, ' ').replace('’', "'");
}

const quarter = rule(
  ['yearOffset', 'yearBefore', 'ordinal', 'yearAfter'],
  [
    `(?:the\\s+(?=(?:\\S+\\s+){0,2}\\S+\\s+quarter))?`,
    `(?:(?<yearOffset>${phrasePattern(Object.keys(YEAR_OFFSET_WORDS))})\\s+)?`,
    `(?:${yearPattern('yearBefore')}\\s+)?`,
    `(?:fiscal\\s+)?(?<ordinal>${oneOf(Object.keys(QUARTER_ORDINALS))})[\\s-]+quarter`,
    `(?:\\s+of\\s+(?:fiscal\\s+)?${yearPattern('yearAfter')})?`,
  ].join(''),
  (m) => {
    const quarter = QUARTER_ORDINALS[filled(m, 'ordinal').toLowerCase()];
    if (quarter === undefined) return [];
    const yearWord = m.groups.yearBefore ?? m.groups.yearAfter;
    const yearOffset =
      m.groups.yearOffset === undefined ? undefined : YEAR_OFFSET_WORDS[phraseKey(m.groups.yearOffset)];
    return whole(m, {
      kind: 'quarter',
      quarter,
      year: yearWord === undefined ? undefined : Number(yearWord),
      yearOffset,
    });
  },
  {
    trigger: 'quarter',
    starts: [
      'the',
      ...firstWords(Object.keys(YEAR_OFFSET_WORDS)),
      ...YEAR_STARTS,
      'fiscal',
      ...firstWords(Object.keys(QUARTER_ORDINALS)),
    ],
  },
);

const ENDED_ON = new RegExp(
  `^\\s+ended\\s+${monthPattern('month')}\\s+${dayNumberPattern('day')}(?!,?\\s+(?:19|20)\\d\\d)`,
  'iu',
);

/** The month and day in "… quarter ended Sept. 30" right after the match, when no year follows. */
function closingDayAfter(m: RuleMatch<string>, text: string): { month: number; day: number } | undefined {
  const ended = ENDED_ON.exec(textAfter(m, text))?.groups;
  if (ended?.month === undefined || !isCapitalised(ended.month)) return undefined;
  const month = monthNumber(ended.month);
  const day = Number(ended.day);
  return month !== undefined && day >= 1 && day <= 31 ? { month, day } : undefined;
}

const SAME_AS = ['same', 'comparable', 'corresponding'];
const DETERMINERS = ['latest', 'current', 'same', 'comparable', 'corresponding', 'this', 'that'];
const YEAR_AGO = ['year-ago', 'year-earlier', 'prior-year'];

const reportedQuarter = rule(
  ['determiner', 'yearAgo', 'year', 'noun', 'aYearBefore'],
  [
    `(?:the\\s+)?`,
    `(?:(?<determiner>${DETERMINERS.join('|')})\\s+)?`,
    `(?:(?<yearAgo>${YEAR_AGO.join('|')})\\s+)?`,
    `(?:${yearPattern('year')}\\s+)?`,
    `(?<noun>quarter|period)`,
    `(?:\\s+(?<aYearBefore>a\\s+year\\s+(?:ago|earlier|before)|(?:of\\s+)?last\\s+year))?`,
    `(?![-‐])`,
  ].join(''),
  (m, text) => {
    const determiner = m.groups.determiner?.toLowerCase();
    const yearBefore = m.groups.yearAgo !== undefined || m.groups.aYearBefore !== undefined;
    const isPeriod = filled(m, 'noun').toLowerCase() === 'period';
    const hasDeterminer =
      /^(?:the|this|that)\s/i.test(m[0]) || determiner !== undefined || m.groups.yearAgo !== undefined;
    // "the same period" alone says nothing about which; a bare "quarter" or "the period" is no time.
    if (!hasDeterminer || (isPeriod && determiner === undefined && !yearBefore && m.groups.year === undefined))
      return [];
    if (SAME_AS.includes(determiner ?? '') && !yearBefore) return [];
    const which: ReportedQuarter = yearBefore ? 'yearBefore' : determiner === 'current' ? 'current' : 'reported';
    const year = m.groups.year === undefined ? undefined : Number(m.groups.year);
    const endedOn = which === 'reported' && year === undefined ? closingDayAfter(m, text) : undefined;
    const withoutQuarters = isPeriod ? 'skip' : 'lastEnded';
    return whole(m, {
      kind: 'reportedQuarter',
      which,
      year,
      latest: determiner === 'latest',
      withoutQuarters,
      endedOn,
    });
  },
  {
    trigger: 'quarter|period',
    starts: ['the', ...firstWords([...DETERMINERS, ...YEAR_AGO]), ...YEAR_STARTS, 'quarter', 'period'],
  },
);

// "year-earlier profit": the year before, or the quarter a year before in a quarterly report.
const yearEarlier = rule(
  [],
  `(?:year-ago|year-earlier)(?!\\s+(?:quarter|period))`,
  (m) => whole(m, { kind: 'reportedQuarter', which: 'yearBefore', withoutQuarters: 'year' }),
  { starts: ['year'] },
);

const theYear = rule(
  [],
  [
    `(?<=\\b(?:for|of|in|during|through|throughout)\\s+)`,
    `the\\s+(?:(?:full|current|fiscal|current\\s+fiscal)\\s+)?year`,
    `(?![-‐])(?!\\s+(?:two|ago|earlier|before|after|\\d))`,
  ].join(''),
  (m, text) => {
    // "for the year ended June 30" is a year's length; "in the fiscal year" is the current one.
    if (/^\s+(?:ended|ending|to)\b/.test(textAfter(m, text)))
      return whole(m, { kind: 'duration', count: 1, unit: 'year' });
    return whole(m, { kind: 'period', unit: 'year', relation: 'this' });
  },
  { starts: ['the'] },
);

export const relativePeriodRules: Rule[] = [weekMonthYear, weekend, quarter, reportedQuarter, yearEarlier, theYear];

// ---------------------------------------------------------------------------------------------
// Named periods

// A month name on its own is only a month after a word that introduces a date: "in March", "since
// May". That keeps out the modal "may" and "a protest march".
const MONTH_CONTEXT =
  /\b(?:in|of|since|until|till|by|from|through|throughout|during|before|after|between|last|next|this|early|late|mid|end|beginning|start|middle)[\s-]+$/i;
// "and", "or", "to" only continue a list or range of months: "between March and May", not "Merkel
// and May".
const CAPITALISED_MONTHS = MONTH_NAMES.map((name) => name.charAt(0).toUpperCase() + name.slice(1)).join('|');
const MONTH_LIST_CONTEXT = new RegExp(
  `\\b(?:${CAPITALISED_MONTHS})(?:\\s+\\d{1,2}(?:st|nd|rd|th)?|\\s+(?:19|20)\\d\\d)?,?\\s+(?:and|or|to|until|through)\\s+$`,
);

const YEAR_OFFSET: Record<Relation, number> = { last: -1, this: 0, next: 1 };

const month = rule(
  ['positionWord', 'positionPhrase', 'relation', 'month', 'year', 'yearRelation'],
  [
    `${positionPattern('positionWord', 'positionPhrase')}?`,
    `(?:(?<relation>last|next|this)\\s+)?`,
    monthPattern('month'),
    `(?:,?\\s+(?:of\\s+)?(?:${yearPattern('year')}|(?<yearRelation>last|this|next)\\s+year))?`,
  ].join(''),
  (m, text) => {
    const { positionWord, positionPhrase, relation, year, yearRelation } = m.groups;
    const name = filled(m, 'month');
    const month = monthNumber(name);
    if (month === undefined || !isCapitalised(name)) return [];
    const hasYear = year !== undefined || yearRelation !== undefined;
    const hasDateWord =
      positionWord !== undefined ||
      positionPhrase !== undefined ||
      relation !== undefined ||
      precededBy(MONTH_CONTEXT, m, text) ||
      precededBy(MONTH_LIST_CONTEXT, m, text);
    if (!hasYear && !(MONTH_NAMES.includes(name.toLowerCase()) && hasDateWord)) return [];
    const yearOffset = yearRelation === undefined ? undefined : YEAR_OFFSET[yearRelation.toLowerCase() as Relation];
    return whole(m, {
      kind: 'month',
      month,
      year: year === undefined ? undefined : Number(year),
      yearOffset,
      relation: relationOf(relation),
      mod: positionMod(positionWord, positionPhrase),
    });
  },
  { starts: [...POSITION_STARTS, 'last', 'next', 'this', ...MONTH_STARTS] },
);

const holiday = rule(
  ['relation', 'holiday', 'year'],
  `(?:(?<relation>last|next|this)\\s+)?(?<holiday>${phrasePattern(Object.keys(HOLIDAYS))})(?:,?\\s+${yearPattern('year')})?`,
  (m) => {
    const name = phraseKey(filled(m, 'holiday'));
    const year = m.groups.year === undefined ? undefined : Number(m.groups.year);
    return whole(m, { kind: 'holiday', name, year, relation: relationOf(m.groups.relation) });
  },
  {
    trigger: phrasePattern(Object.keys(HOLIDAYS)),
    starts: ['last', 'next', 'this', ...firstWords(Object.keys(HOLIDAYS))],
  },
);

// Years as broadcast transcripts spell them.
const spokenYear = rule(
  ['century', 'tens', 'units'],
  [
    `(?:the\\s+year\\s+)?`,
    `(?:(?<century>${oneOf(Object.keys(SPOKEN_CENTURIES))})\\s+(?<tens>${oneOf(Object.keys(SPOKEN_TENS))})`,
    `(?:[-\\s](?<units>${oneOf(Object.keys(NUMBER_UNITS))}))?`,
    `|two\\s+thousand)`,
  ].join(''),
  (m) => {
    const { century, tens, units } = m.groups;
    // "two thousand" alone is a count ("two thousand troops"); "the year two thousand" is 2000.
    if (century === undefined) return /^the/i.test(m[0]) ? whole(m, { kind: 'year', year: 2000 }) : [];
    const centuryValue = SPOKEN_CENTURIES[century.toLowerCase()];
    const tensValue = tens === undefined ? undefined : SPOKEN_TENS[tens.toLowerCase()];
    const unitsValue = units === undefined ? 0 : NUMBER_UNITS[units.toLowerCase()];
    if (centuryValue === undefined || tensValue === undefined || unitsValue === undefined) return [];
    return whole(m, { kind: 'year', year: centuryValue + tensValue + unitsValue });
  },
  {
    trigger: `${oneOf(Object.keys(SPOKEN_CENTURIES))}|two\\s+thousand`,
    starts: ['the', ...Object.keys(SPOKEN_CENTURIES), 'two'],
  },
);

// A bare year needs a date word before it or nothing countable after it: "in 2018", "the 2018
// election", but not "2000 troops".
const YEAR_CONTEXT =
  /\b(?:in|of|since|until|till|by|from|through|during|before|after|between|and|to|early|late|mid|end|beginning|start|middle|the|year)[\s-]+$/i;

// A four-digit number is no year where it numbers or counts something: after a label ("Paragraph
// 1901", "Room 2012", "Resolution 2254"), as the first half of a measure ("the 2034-page
// proposal", "a 2000-strong crowd"), or before a plural that takes no -s ("2000 people").
const NUMBERED_BY =
  /\b(?:paragraph|para|article|section|clause|chapter|page|room|flight|route|highway|bus|platform|gate|suite|unit|lot|exit|model|version|resolution|number|no\.|item|rule|cell|ward|block|apartment|exhibit|table|figure|amendment|bill|code|pier|berth|quay|dock)\s+$/i;
const MEASURE_AFTER =
  /^[-‐](?:page|strong|member|seat|acre|foot|feet|metre|meter|mile|kilometre|kilometer|ton|tonne|word|pound|man|person|room|bed|unit|car|home|point|yard|signature|vote)s?\b/i;
const IRREGULAR_PLURAL_AFTER = /^\s+(?:people|police|staff|personnel|children|men|women|cattle|sheep)\b/;

const year = rule(
  ['positionWord', 'positionPhrase', 'year'],
  `${positionPattern('positionWord', 'positionPhrase')}?${yearPattern('year')}`,
  (m, text) => {
    const { positionWord, positionPhrase } = m.groups;
    const before = text.slice(Math.max(0, m.index - 1), m.index);
    if (/[$€£\d.,]/.test(before)) return [];
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    if (precededBy(NUMBERED_BY, m, text) || MEASURE_AFTER.test(after)) return [];
    const countsSomething =
      /^\s+(?!(?:was|is|has|saw|sees|marks)\b)[a-z]+s\b/.test(after) ||
      IRREGULAR_PLURAL_AFTER.test(after) ||
      /^[-–/.,:]\d/.test(after) ||
      /^\s*(?:GMT|UTC|local|hrs|hours)\b/i.test(after);
    if (
      positionWord === undefined &&
      positionPhrase === undefined &&
      countsSomething &&
      !precededBy(YEAR_CONTEXT, m, text)
    )
      return [];
    return whole(m, { kind: 'year', year: Number(filled(m, 'year')), mod: positionMod(positionWord, positionPhrase) });
  },
  { starts: [...POSITION_STARTS, ...YEAR_STARTS] },
);

const decade = rule(
  ['position', 'decade'],
  `(?:the\\s+)?(?:(?<position>early|mid|late)[\\s-]+)?(?<decade>(?:19|20)\\d)0['’]?s`,
  (m) => whole(m, { kind: 'era', value: filled(m, 'decade'), span: 'decade', mod: positionMod(m.groups.position) }),
  { trigger: "0['’]?s", starts: ['the', 'early', 'mid', 'late', ...YEAR_STARTS] },
);

// "the 19th century" → TIMEX3 "18", the hundreds it spans.
const century = rule(
  ['position', 'ordinal'],
  `(?:the\\s+)?(?:(?<position>early|mid|late)[\\s-]+)?(?<ordinal>\\d{1,2})(?:st|nd|rd|th)\\s+century`,
  (m) => {
    const value = String(Number(filled(m, 'ordinal')) - 1).padStart(2, '0');
    return whole(m, { kind: 'era', value, span: 'century', mod: positionMod(m.groups.position) });
  },
  { trigger: 'century', starts: ['the', 'early', 'mid', 'late', ...NUMBER_STARTS] },
);

const SEASON_CONTEXT = /\b(?:in|during|until|by|since|this|over)\s+(?:the\s+)?$/i;

const season = rule(
  ['positionWord', 'positionPhrase', 'relation', 'season', 'year'],
  [
    `${positionPattern('positionWord', 'positionPhrase')}?`,
    `(?:(?<relation>last|this|next)\\s+)?`,
    `(?:the\\s+)?(?<season>${oneOf(Object.keys(SEASONS))})`,
    `(?:\\s+(?:of\\s+)?${yearPattern('year')})?`,
  ].join(''),
  (m, text) => {
    const { positionWord, positionPhrase, relation, year } = m.groups;
    const hasAnchor = relation !== undefined || year !== undefined;
    const word = filled(m, 'season').toLowerCase();
    const season = SEASONS[word];
    if (season === undefined) return [];
    // "fall" is a verb far more often than a season; other seasons only after a date word.
    if (!hasAnchor && (word === 'fall' || !precededBy(SEASON_CONTEXT, m, text))) return [];
    return whole(m, {
      kind: 'season',
      season,
      year: year === undefined ? undefined : Number(year),
      relation: relationOf(relation),
      mod: positionMod(positionWord, positionPhrase),
    });
  },
  {
    trigger: oneOf(Object.keys(SEASONS)),
    starts: [...POSITION_STARTS, 'last', 'this', 'next', 'the', ...Object.keys(SEASONS)],
  },
);

export const namedPeriodRules: Rule[] = [month, holiday, spokenYear, year, decade, century, season];
