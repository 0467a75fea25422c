// Finds candidate temporal expressions: each rule is a regular expression plus a reader that turns
// a match into zero or more candidates (a range such as "March 1-5" gives two). Where candidates
// overlap, the longest wins, so "three days ago" beats "three days" and "Monday night" beats "Monday".
// Nothing here knows the publication date: that is the resolver's job.
import type { Span } from '../../model.js';
import {
  BOUND_MODS,
  FREQUENCY_WORDS,
  HOLIDAYS,
  MONTHS,
  MONTH_NAMES,
  NUMBER_TENS,
  NUMBER_UNITS,
  NUMBER_WORDS,
  ORDINAL_DAY_WORDS,
  PARTS_OF_DAY,
  POSITION_MODS,
  QUARTER_ORDINALS,
  YEAR_OFFSET_WORDS,
  REFERENCE_WORDS,
  SEASONS,
  SPOKEN_CENTURIES,
  SPOKEN_TENS,
  SPOKEN_UNITS,
  UNITS,
  VAGUE_COUNTS,
  WEEKDAY_NAMES,
  WEEKDAYS,
} from './lexicon.js';

export type Relation = 'last' | 'this' | 'next';

/**
 * Which quarter an earnings-report phrase means: the one being reported ("the latest quarter"), the
 * one the publication date falls in ("the current quarter"), or the same quarter a year before
 * ("the year-ago quarter").
 */
export type ReportedQuarter = 'reported' | 'current' | 'yearBefore';

/** A time of day: a clock reading ("10:00") or a TIMEX3 part of day ("NI"). */
export type TimeOfDay = { clock: string } | { part: string };

/** What a candidate says, before it is placed on the calendar. */
export type Expression =
  | { kind: 'weekday'; weekday: number; relation?: Relation; mod?: string; time?: TimeOfDay; week?: Relation; possessive?: boolean }
  | { kind: 'deictic'; offsetDays: number; word: string; mod?: string; time?: TimeOfDay }
  | { kind: 'narrative'; offsetDays: number; time?: TimeOfDay }
  | { kind: 'shift'; count: number; unit: 'week' | 'month' | 'year' }
  | { kind: 'ago'; count: number | null; unit: string; mod?: string }
  | { kind: 'period'; unit: 'week' | 'month' | 'year'; relation: Relation; mod?: string }
  | { kind: 'weekend'; relation?: Relation }
  | { kind: 'quarter'; quarter: number; year?: number; yearOffset?: number }
  | {
      kind: 'reportedQuarter';
      which: ReportedQuarter;
      year?: number;
      latest?: boolean;
      withoutQuarters: 'skip' | 'year' | 'lastEnded';
      /** "the quarter ended Sept. 30": the day that closes it. */
      endedOn?: { month: number; day: number };
    }
  | { kind: 'date'; month: number; day: number; year?: number; time?: TimeOfDay; closesPeriod?: boolean }
  | { kind: 'dayOfMonth'; day: number }
  | { kind: 'month'; month: number; year?: number; yearOffset?: number; relation?: Relation; mod?: string }
  | { kind: 'year'; year: number; mod?: string }
  | { kind: 'holiday'; name: string; year?: number; relation?: Relation }
  | { kind: 'era'; value: string; span: 'decade' | 'century'; mod?: string }
  | { kind: 'season'; season: string; year?: number; relation?: Relation; mod?: string }
  | { kind: 'duration'; count: number | null; unit: string; mod?: string }
  | { kind: 'set'; value: string }
  | { kind: 'reference'; value: 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF' }
  | { kind: 'clock'; time: TimeOfDay };

export interface Candidate {
  text: string;
  span: Span;
  expression: Expression;
}

// ---------------------------------------------------------------------------------------------
// Pattern fragments

/** Alternation of words, longest first so that "sept" is tried before "sep". */
function oneOf(words: string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/ /g, '\\s+'))
    .join('|');
}

const WEEKDAY = `(${oneOf(WEEKDAY_NAMES)})`;
// Full names first, so that "March." at the end of a sentence does not take the full stop.
const MONTH = `(${oneOf(MONTH_NAMES)}|(?:${oneOf(Object.keys(MONTHS).filter((m) => !MONTH_NAMES.includes(m)))})\\.?)`;
const DAY_NUMBER = String.raw`(\d{1,2})(?:st|nd|rd|th)?(?!\d)`;
const YEAR = String.raw`((?:19|20)\d\d)(?![\d%])`;
// "24", "2 1/2", "twenty-four", "two and a half": a count, whole or with a half.
const SPELLED_NUMBER = `(?:(?:${oneOf(Object.keys(NUMBER_TENS))})[-\\s](?:${oneOf(Object.keys(NUMBER_UNITS))})|${oneOf(Object.keys(NUMBER_WORDS))})`;
const NUMBER = `(\\d+(?:\\s+1/2)?|${SPELLED_NUMBER}(?:\\s+and\\s+a\\s+half)?)`;
// "more than", "at least", "about" before a count bound the length it gives.
const BOUND = `(?:(${oneOf(Object.keys(BOUND_MODS))})\\s+)`;
const VAGUE = `(${oneOf(VAGUE_COUNTS)})`;
const UNIT = `(${oneOf(Object.keys(UNITS))}|centuries)`;
const PART_OF_DAY = `(${oneOf(Object.keys(PARTS_OF_DAY))})`;
const CLOCK = String.raw`((?:\d{1,2}(?::\d\d)?\s*[ap]\.?\s?m\b\.?|\d{1,2}(?::\d\d)?\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)|noon|midday|midnight)(?:\s+(?:[ECMP][SD]T|GMT|UTC|BST|CET)\b)?)`;
const POSITION = String.raw`(?:(early|mid|late)[\s-]+|(?:the\s+)?(beginning|start|middle|end)\s+of\s+)`;

// ---------------------------------------------------------------------------------------------
// Word readers

/** "24" → 24, "2 1/2" → 2.5, "twenty-four" → 24, "two and a half" → 2.5. */
function numberValue(word: string): number | undefined {
  const lower = word.toLowerCase().replace(/\s+/g, ' ');
  const half = / 1\/2$| and a half$/.exec(lower);
  const base = half ? lower.slice(0, half.index) : lower;
  const compound = /^(\p{L}+)[- ](\p{L}+)$/u.exec(base);
  const value = /^\d+$/.test(base)
    ? Number(base)
    : compound && NUMBER_TENS[compound[1]!] !== undefined && NUMBER_UNITS[compound[2]!] !== undefined
      ? NUMBER_TENS[compound[1]!]! + NUMBER_UNITS[compound[2]!]!
      : NUMBER_WORDS[base];
  return value === undefined ? undefined : value + (half ? 0.5 : 0);
}

/** A whole count, for expressions that move a date by whole days, months or years. */
function wholeNumberValue(word: string): number | undefined {
  const value = numberValue(word);
  return value !== undefined && Number.isInteger(value) ? value : undefined;
}

function boundMod(words: string | undefined): string | undefined {
  return words === undefined ? undefined : BOUND_MODS[words.toLowerCase().replace(/\s+/g, ' ')];
}

function monthNumber(word: string): number {
  return MONTHS[word.toLowerCase().replace('.', '')]!;
}

function unitName(word: string): string {
  const lower = word.toLowerCase();
  return lower === 'centuries' ? 'century' : lower.replace(/s$/, '');
}

function relationOf(word: string | undefined): Relation | undefined {
  const lower = word?.toLowerCase().replace(/^this\s+coming$/, 'coming');
  if (lower === 'last') return 'last';
  if (lower === 'next' || lower === 'coming') return 'next';
  if (lower === 'this') return 'this';
  return undefined;
}

function positionMod(...words: (string | undefined)[]): string | undefined {
  const word = words.find((w) => w !== undefined);
  return word === undefined ? undefined : POSITION_MODS[word.toLowerCase()];
}

/** "10 a.m." → { clock: "10:00" }; "noon" → "12:00"; "4 in the morning" → "04:00"; "10 at night" → "22:00". */
function clockOf(words: string): TimeOfDay | undefined {
  const lower = words.toLowerCase();
  if (lower.startsWith('noon') || lower.startsWith('midday')) return { clock: '12:00' };
  if (lower.startsWith('midnight')) return { clock: '00:00' };
  const reading = /^(\d{1,2})(?::(\d\d))?\s*(?:([ap])\.?\s?m\b|in\s+the\s+(morning)|in\s+the\s+(?:afternoon|evening)|at\s+night)/.exec(lower);
  if (!reading) return undefined;
  const hour12 = Number(reading[1]);
  if (hour12 < 1 || hour12 > 12) return undefined;
  const morning = reading[3] === 'a' || reading[4] !== undefined;
  // "12 at night" is midnight, "12 in the morning" too; any other hour not in the morning is after noon.
  const hour = (hour12 % 12) + (morning || (reading[3] === undefined && hour12 === 12) ? 0 : 12);
  return { clock: `${String(hour).padStart(2, '0')}:${reading[2] ?? '00'}` };
}

function timeOf(clock: string | undefined, part: string | undefined): TimeOfDay | undefined {
  if (clock !== undefined) return clockOf(clock);
  if (part !== undefined) return { part: PARTS_OF_DAY[part.toLowerCase()]! };
  return undefined;
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

// A month name on its own is only a month after a word that introduces a date: "in March", "since
// May". That keeps out the modal "may" and "a protest march".
const MONTH_CONTEXT = /\b(?:in|of|since|until|till|by|from|through|throughout|during|before|after|between|last|next|this|early|late|mid|end|beginning|start|middle)[\s-]+$/i;
// "and", "or", "to" only continue a list or range of months: "between March and May", not "Merkel
// and May".
const MONTH_LIST_CONTEXT = new RegExp(
  `\\b(?:${MONTH_NAMES.map((m) => m[0]!.toUpperCase() + m.slice(1)).join('|')})(?:\\s+\\d{1,2}(?:st|nd|rd|th)?|\\s+(?:19|20)\\d\\d)?,?\\s+(?:and|or|to|until|through)\\s+$`,
);

// A bare year needs a date word before it or nothing countable after it: "in 2018", "the 2018
// election", but not "2000 troops".
const YEAR_CONTEXT = /\b(?:in|of|since|until|till|by|from|through|during|before|after|between|and|to|early|late|mid|end|beginning|start|middle|the|year)[\s-]+$/i;

// A four-digit number is no year where it numbers or counts something: after a label ("Paragraph
// 1901", "Room 2012", "Resolution 2254"), as the first half of a measure ("the 2034-page
// proposal", "a 2000-strong crowd"), or before a plural that takes no -s ("2000 people").
const NUMBERED_BY = /\b(?:paragraph|para|article|section|clause|chapter|page|room|flight|route|highway|bus|platform|gate|suite|unit|lot|exit|model|version|resolution|number|no\.|item|rule|cell|ward|block|apartment|exhibit|table|figure|amendment|bill|code|pier|berth|quay|dock)\s+$/i;
const MEASURE_AFTER = /^[-‐](?:page|strong|member|seat|acre|foot|feet|metre|meter|mile|kilometre|kilometer|ton|tonne|word|pound|man|person|room|bed|unit|car|home|point|yard|signature|vote)s?\b/i;
const IRREGULAR_PLURAL_AFTER = /^\s+(?:people|police|staff|personnel|children|men|women|cattle|sheep)\b/;

const COUNT_FOLLOWS = new RegExp(`^\\s+(?:\\d+|${oneOf([...Object.keys(NUMBER_WORDS), ...VAGUE_COUNTS])})\\s`, 'i');

// ---------------------------------------------------------------------------------------------
// Rules

type Match = RegExpExecArray;
type Read = (match: Match, text: string) => Candidate[];

interface Rule {
  pattern: RegExp;
  read: Read;
}

function rule(source: string, read: Read, caseSensitive = false): Rule {
  return { pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, caseSensitive ? 'gdu' : 'gdiu'), read };
}

function whole(match: Match, expression: Expression): Candidate[] {
  return [{ text: match[0], span: { start: match.index, end: match.index + match[0].length }, expression }];
}

function precededBy(context: RegExp, match: Match, text: string): boolean {
  return context.test(text.slice(Math.max(0, match.index - 30), match.index));
}

const RULES: Rule[] = [
  // "Monday", "last Monday", "early Tuesday", "Monday night", "10 a.m. Monday", "Monday at 10 a.m."
  rule(
    `(?:(last|next|this\\s+coming|this|coming|early|late|later|earlier)\\s+)?(?:${CLOCK}\\s+(?:on\\s+)?)?${WEEKDAY}(?:\\s+${PART_OF_DAY})?(?:,?\\s+at\\s+${CLOCK})?`,
    (m, text) => {
      const word = m[1]?.toLowerCase();
      const weekday = WEEKDAYS[m[3]!.toLowerCase()]!;
      const relation = relationOf(word);
      const mod = positionMod(word);
      const possessive = /^['’]s\b/.test(text.slice(m.index + m[0].length));
      return whole(m, { kind: 'weekday', weekday, relation, mod, time: timeOf(m[2] ?? m[5], m[4]), ...(possessive && { possessive }) });
    },
  ),
  // "Wednesday last week", "Friday of next week": the weekday inside a named week
  rule(`${WEEKDAY}\\s+(?:of\\s+)?(last|this|next)\\s+week`, (m) =>
    whole(m, { kind: 'weekday', weekday: WEEKDAYS[m[1]!.toLowerCase()]!, week: relationOf(m[2]) }),
  ),
  // "today", "yesterday morning", "tonight", "last night", "this morning", "10 a.m. tomorrow"
  rule(
    `(?:(early|late|later|earlier)\\s+)?(?:${CLOCK}\\s+)?(today|tonight|yesterday|tomorrow|last\\s+night|this\\s+(?:morning|afternoon|evening))(?:\\s+${PART_OF_DAY})?(?:,?\\s+at\\s+${CLOCK})?`,
    (m) => {
      const word = m[3]!.toLowerCase().replace(/\s+/g, ' ');
      const offsetDays = word === 'yesterday' || word === 'last night' ? -1 : word === 'tomorrow' ? 1 : 0;
      const impliedPart = word === 'tonight' || word === 'last night' ? 'night' : word.startsWith('this ') ? word.slice(5) : undefined;
      const time = timeOf(m[2] ?? m[5], m[4] ?? impliedPart);
      return whole(m, { kind: 'deictic', offsetDays, word, mod: positionMod(m[1]), time });
    },
  ),
  // "the next day", "the following morning", "the previous day", "the day before", "that day"
  // "the day before" only when nothing follows in the clause: "the day before the vote" hangs on an
  // event, not on the last day mentioned.
  rule(
    `(?:the\\s+)?(next|following|previous|preceding)\\s+(day|${oneOf(Object.keys(PARTS_OF_DAY))})|the\\s+day\\s+(before|after)(?=\\s*(?:[,.;:]|$))|(that|the\\s+same)\\s+day`,
    (m) => {
      const direction = (m[1] ?? m[3])?.toLowerCase();
      const offsetDays = direction === undefined ? 0 : ['next', 'following', 'after'].includes(direction) ? 1 : -1;
      const part = m[2] && m[2].toLowerCase() !== 'day' ? m[2] : undefined;
      return whole(m, { kind: 'narrative', offsetDays, time: timeOf(undefined, part) });
    },
  ),
  // "a day later", "two days earlier", "three days before"
  // "before"/"after" only when nothing follows in the clause: "three days after the vote" hangs on an
  // event, not on the last day mentioned.
  rule(`${NUMBER}\\s+(day|week|month|year)s?\\s+(later|earlier|(?:before|after)(?=\\s*(?:[,.;]|$)))`, (m) => {
    const count = wholeNumberValue(m[1]!);
    if (count === undefined) return [];
    const sign = ['later', 'after'].includes(m[3]!.toLowerCase()) ? 1 : -1;
    const unit = m[2]!.toLowerCase() as 'day' | 'week' | 'month' | 'year';
    if (unit === 'day') return whole(m, { kind: 'narrative', offsetDays: sign * count });
    return whole(m, { kind: 'shift', count: sign * count, unit });
  }),
  // "three days ago", "a year ago", "years ago", "almost two years ago"
  rule(`(?:(?:${BOUND}?${NUMBER}|${VAGUE})\\s+)?${UNIT}s?\\s+ago`, (m) => {
    const count = m[2] === undefined ? null : (wholeNumberValue(m[2]) ?? null);
    if (m[2] !== undefined && count === null) return [];
    return whole(m, { kind: 'ago', count, unit: unitName(m[4]!), mod: boundMod(m[1]) });
  }),
  // "last week", "this year", "next month", "earlier this month", "late last year", "the end of this week"
  rule(`(?:${POSITION}|(?:earlier|later)\\s+)?(last|this|next|coming)\\s+(week|month|year)`, (m) => {
    const unit = m[4]!.toLowerCase() as 'week' | 'month' | 'year';
    return whole(m, { kind: 'period', unit, relation: relationOf(m[3])!, mod: positionMod(m[1], m[2]) });
  }),
  // "the weekend", "last weekend"
  rule(`(?:(last|this|next|coming)|the)\\s+weekend`, (m) => whole(m, { kind: 'weekend', relation: relationOf(m[1]) })),
  // "the third quarter", "fourth-quarter", "the first quarter of 2019", "the year-earlier third quarter"
  rule(
    `(?:the\\s+(?=(?:\\S+\\s+){0,2}\\S+\\s+quarter))?(?:(${oneOf(Object.keys(YEAR_OFFSET_WORDS)).replace(/'/g, "['’]")})\\s+)?(?:${YEAR}\\s+)?(?:fiscal\\s+)?(${oneOf(Object.keys(QUARTER_ORDINALS))})[\\s-]+quarter(?:\\s+of\\s+(?:fiscal\\s+)?${YEAR})?`,
    (m) => {
      const yearWord = m[2] ?? m[4];
      const quarter = QUARTER_ORDINALS[m[3]!.toLowerCase()]!;
      const yearOffset = m[1] === undefined ? undefined : YEAR_OFFSET_WORDS[m[1].toLowerCase().replace(/\s+/g, ' ').replace('’', "'")];
      return whole(m, { kind: 'quarter', quarter, year: yearWord === undefined ? undefined : Number(yearWord), yearOffset });
    },
  ),
  // Earnings reports: "the quarter", "the latest period", "the year-ago quarter", "the 1988 period",
  // "the same period last year". "period" is only a quarter where the text talks of quarters.
  rule(
    `(?:the\\s+)?(?:(latest|current|same|comparable|corresponding|this|that)\\s+)?(?:(year-ago|year-earlier|prior-year)\\s+)?(?:${YEAR}\\s+)?(quarter|period)(?:\\s+(a\\s+year\\s+(?:ago|earlier|before)|(?:of\\s+)?last\\s+year))?(?![-‐])`,
    (m, text) => {
      const determiner = m[1]?.toLowerCase();
      const yearBefore = m[2] !== undefined || m[5] !== undefined;
      const isPeriod = m[4]!.toLowerCase() === 'period';
      const hasDeterminer = /^(?:the|this|that)\s/i.test(m[0]) || determiner !== undefined || m[2] !== undefined;
      // "the same period" alone says nothing about which; a bare "quarter" or "the period" is no time.
      if (!hasDeterminer || (isPeriod && determiner === undefined && !yearBefore && m[3] === undefined)) return [];
      if (['same', 'comparable', 'corresponding'].includes(determiner ?? '') && !yearBefore) return [];
      const which: ReportedQuarter = yearBefore ? 'yearBefore' : determiner === 'current' ? 'current' : 'reported';
      const year = m[3] === undefined ? undefined : Number(m[3]);
      const endedOn = which === 'reported' && year === undefined ? closingDayAfter(m, text) : undefined;
      return whole(m, { kind: 'reportedQuarter', which, year, latest: determiner === 'latest', withoutQuarters: isPeriod ? 'skip' : 'lastEnded', endedOn });
    },
  ),
  // "year-earlier profit": the year before, or the quarter a year before in a quarterly report
  rule(`(year-ago|year-earlier)(?!\\s+(?:quarter|period))`, (m) =>
    whole(m, { kind: 'reportedQuarter', which: 'yearBefore', withoutQuarters: 'year' }),
  ),
  // "for the year", "in the fiscal year", "for the year ended June 30" (a year's length)
  rule(
    `(?<=\\b(?:for|of|in|during|through|throughout)\\s+)the\\s+(?:(?:full|current|fiscal|current\\s+fiscal)\\s+)?year(?![-‐])(?!\\s+(?:two|ago|earlier|before|after|\\d))`,
    (m, text) => {
      if (/^\s+(?:ended|ending|to)\b/.test(text.slice(m.index + m[0].length))) return whole(m, { kind: 'duration', count: 1, unit: 'year' });
      return whole(m, { kind: 'period', unit: 'year', relation: 'this' });
    },
  ),
  // "March 5", "Monday, March 4, 2019", "March 5 at 10 a.m."
  rule(`(?:${WEEKDAY},?\\s+)?${MONTH}\\s+${DAY_NUMBER}(?:,?\\s+${YEAR})?(?:,?\\s+at\\s+${CLOCK})?`, (m, text) => {
    if (!isCapitalised(m[2]!)) return [];
    return dateCandidates(m, text, monthNumber(m[2]!), m[3]!, m[4], m[5]);
  }),
  // "5 March", "the 5th of March 2019"
  rule(`(?:${WEEKDAY},?\\s+)?(?:the\\s+)?${DAY_NUMBER}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?`, (m, text) => {
    if (!isCapitalised(m[3]!)) return [];
    return dateCandidates(m, text, monthNumber(m[3]!), m[2]!, m[4], undefined);
  }),
  // "by the 25th", "since the 3rd": a day of the month named alone. Only after a preposition of time
  // and before the clause ends, so "the 25th anniversary" and "the 3rd Infantry" stay untagged.
  rule(
    `(?<=\\b(?:on|by|since|until|till|from|before|after|through)\\s+)the\\s+(\\d{1,2})(?:st|nd|rd|th)(?=\\s*(?:[,.;:)]|$)|\\s+(?:and|or|to|at|when|but|as)\\b)`,
    (m) => {
      const day = Number(m[1]);
      return day >= 1 && day <= 31 ? whole(m, { kind: 'dayOfMonth', day }) : [];
    },
  ),
  // "the first of April", "the twenty-third of May 2019"
  rule(`the\\s+(${oneOf(Object.keys(ORDINAL_DAY_WORDS))})\\s+of\\s+${MONTH}(?:,?\\s+${YEAR})?`, (m, text) => {
    if (!isCapitalised(m[2]!)) return [];
    return dateCandidates(m, text, monthNumber(m[2]!), String(ORDINAL_DAY_WORDS[m[1]!.toLowerCase()]), m[3], undefined);
  }),
  // "March 1-5" → "March 1" and "5"
  rule(`${MONTH}\\s+${DAY_NUMBER}\\s*(?:-|–|to|through|until)\\s*${DAY_NUMBER}(?:,?\\s+${YEAR})?`, (m) => {
    if (!isCapitalised(m[1]!)) return [];
    const month = monthNumber(m[1]!);
    const year = m[4] === undefined ? undefined : Number(m[4]);
    const first = rangeEnd(m, 1, 2, month, m[2]!, year);
    const second = rangeEnd(m, 3, m[4] === undefined ? 3 : 4, month, m[3]!, year);
    return first && second ? [first, second] : [];
  }),
  // "1-5 March" → "1" and "5 March"
  rule(`${DAY_NUMBER}\\s*(?:-|–)\\s*${DAY_NUMBER}\\s+${MONTH}(?:,?\\s+${YEAR})?`, (m) => {
    if (!isCapitalised(m[3]!)) return [];
    const month = monthNumber(m[3]!);
    const year = m[4] === undefined ? undefined : Number(m[4]);
    const first = rangeEnd(m, 1, 1, month, m[1]!, year);
    const second = rangeEnd(m, 2, m[4] === undefined ? 3 : 4, month, m[2]!, year);
    return first && second ? [first, second] : [];
  }),
  // "2019-03-05"
  rule(String.raw`(\d{4})-(\d\d)-(\d\d)`, (m) => dayCandidate(m, Number(m[1]), Number(m[2]), Number(m[3]))),
  // "3/5/2019", US order
  rule(String.raw`(\d{1,2})/(\d{1,2})/(\d{4})`, (m) => dayCandidate(m, Number(m[3]), Number(m[1]), Number(m[2]))),
  // "March", "in early March", "last September", "September last year", "May 2019", "the end of March"
  rule(
    `${POSITION}?(?:(last|next|this)\\s+)?${MONTH}(?:,?\\s+(?:of\\s+)?(?:${YEAR}|(last|this|next)\\s+year))?`,
    (m, text) => {
      const name = m[4]!;
      const month = monthNumber(name);
      const hasYear = m[5] !== undefined || m[6] !== undefined;
      if (!isCapitalised(name)) return [];
      const hasDateWord = m[1] !== undefined || m[2] !== undefined || m[3] !== undefined || precededBy(MONTH_CONTEXT, m, text) || precededBy(MONTH_LIST_CONTEXT, m, text);
      if (!hasYear && !(MONTH_NAMES.includes(name.toLowerCase()) && hasDateWord)) return [];
      const yearOffset = m[6] === undefined ? undefined : { last: -1, this: 0, next: 1 }[m[6].toLowerCase() as Relation];
      return whole(m, {
        kind: 'month',
        month,
        year: m[5] === undefined ? undefined : Number(m[5]),
        yearOffset,
        relation: relationOf(m[3]),
        mod: positionMod(m[1], m[2]),
      });
    },
  ),
  // "Christmas", "last Thanksgiving", "Christmas Eve 1998"
  rule(`(?:(last|next|this)\\s+)?(${oneOf(Object.keys(HOLIDAYS)).replace(/'/g, "['’]")})(?:,?\\s+${YEAR})?`, (m) => {
    const name = m[2]!.toLowerCase().replace(/\s+/g, ' ').replace('’', "'");
    return whole(m, { kind: 'holiday', name, year: m[3] === undefined ? undefined : Number(m[3]), relation: relationOf(m[1]) });
  }),
  // "nineteen ninety-six", "the year two thousand": years as broadcast transcripts spell them
  rule(
    `(?:the\\s+year\\s+)?(?:(${oneOf(Object.keys(SPOKEN_CENTURIES))})\\s+(${oneOf(Object.keys(SPOKEN_TENS))})(?:[-\\s](${oneOf(Object.keys(SPOKEN_UNITS))}))?|two\\s+thousand)`,
    (m) => {
      if (m[1] === undefined) return /^the/i.test(m[0]) ? whole(m, { kind: 'year', year: 2000 }) : [];
      const year = SPOKEN_CENTURIES[m[1].toLowerCase()]! + SPOKEN_TENS[m[2]!.toLowerCase()]! + (m[3] === undefined ? 0 : SPOKEN_UNITS[m[3].toLowerCase()]!);
      return whole(m, { kind: 'year', year });
    },
  ),
  // "2018", "mid-2018", "early 2019"
  rule(`${POSITION}?${YEAR}`, (m, text) => {
    const before = text.slice(Math.max(0, m.index - 1), m.index);
    if (/[$€£\d.,]/.test(before)) return [];
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    if (precededBy(NUMBERED_BY, m, text) || MEASURE_AFTER.test(after)) return [];
    const countsSomething =
      /^\s+(?!(?:was|is|has|saw|sees|marks)\b)[a-z]+s\b/.test(after) ||
      IRREGULAR_PLURAL_AFTER.test(after) ||
      /^[-–/.,:]\d/.test(after) ||
      /^\s*(?:GMT|UTC|local|hrs|hours)\b/i.test(after);
    if (m[1] === undefined && m[2] === undefined && countsSomething && !precededBy(YEAR_CONTEXT, m, text)) return [];
    return whole(m, { kind: 'year', year: Number(m[3]), mod: positionMod(m[1], m[2]) });
  }),
  // "the 1990s", "the early 2000s"
  rule(`(?:the\\s+)?(?:(early|mid|late)[\\s-]+)?((?:19|20)\\d)0['’]?s`, (m) =>
    whole(m, { kind: 'era', value: m[2]!, span: 'decade', mod: positionMod(m[1]) }),
  ),
  // "the 19th century" → 18
  rule(`(?:the\\s+)?(?:(early|mid|late)[\\s-]+)?(\\d{1,2})(?:st|nd|rd|th)\\s+century`, (m) => {
    const value = String(Number(m[2]) - 1).padStart(2, '0');
    return whole(m, { kind: 'era', value, span: 'century', mod: positionMod(m[1]) });
  }),
  // "spring 2019", "last summer", "the winter of 2018"
  rule(`${POSITION}?(?:(last|this|next)\\s+)?(?:the\\s+)?(${oneOf(Object.keys(SEASONS))})(?:\\s+(?:of\\s+)?${YEAR})?`, (m, text) => {
    const hasAnchor = m[3] !== undefined || m[5] !== undefined;
    const season = m[4]!.toLowerCase();
    // "fall" is a verb far more often than a season; other seasons only after a date word.
    if (!hasAnchor && (season === 'fall' || !precededBy(/\b(?:in|during|until|by|since|this|over)\s+(?:the\s+)?$/i, m, text))) return [];
    return whole(m, {
      kind: 'season',
      season: SEASONS[season]!,
      year: m[5] === undefined ? undefined : Number(m[5]),
      relation: relationOf(m[3]),
      mod: positionMod(m[1], m[2]),
    });
  }),
  // "the past week", "the last three years", "the next two months": stretches of time
  // "over the past two years" is during them, not more than them.
  rule(`(?:(?!over\\s)${BOUND})?(?:the\\s+)?(?:past|last|next|coming)\\s+(?:${NUMBER}|(few|several)|couple\\s+of)\\s+${UNIT}s?`, (m) => {
    const vague = m[3] !== undefined;
    const count = vague ? null : m[2] === undefined ? 2 : (numberValue(m[2]) ?? null);
    return whole(m, { kind: 'duration', count, unit: unitName(m[4]!), mod: boundMod(m[1]) });
  }),
  // "recent weeks", "the coming months": stretches of unspecified length
  rule(`(?:the\\s+)?(?:recent|coming)\\s+(days|weeks|months|years|decades)`, (m) =>
    whole(m, { kind: 'duration', count: null, unit: unitName(m[1]!) }),
  ),
  rule(`the\\s+(?:past|last|coming)\\s+(week|month|year|decade)`, (m) =>
    whole(m, { kind: 'duration', count: 1, unit: unitName(m[1]!) }),
  ),
  // "three days", "24 hours", "a decade", "several weeks", "more than four hours", "two more weeks",
  // "a minute and a half"; "two-day" (but not "three-year-old")
  rule(
    `(?:${BOUND}|the\\s+(?:first\\s+|last\\s+)?)?(?:${NUMBER}|${VAGUE})\\s+(?:(?:more|additional|extra|further)\\s+)?${UNIT}s?(\\s+and\\s+a\\s+half)?|(\\d+|${oneOf(Object.keys(NUMBER_WORDS))})-${UNIT}(?!-old)`,
    (m, text) => {
      if (/[\d.,]$/.test(text.slice(0, m.index))) return [];
      const countWord = m[2] ?? m[6];
      const counted = countWord === undefined ? undefined : numberValue(countWord);
      const count = counted === undefined ? null : counted + (m[5] === undefined ? 0 : 0.5);
      // A year is not a count: "the 1988 second quarter".
      if (countWord !== undefined && /^\d{4}$/.test(countWord)) return [];
      const after = text.slice(m.index + m[0].length);
      if (isAge(m[0], after) || isRate(m[2], text.slice(0, m.index)) || isOrdinalSecond(m[0], after)) return [];
      return whole(m, { kind: 'duration', count, unit: unitName((m[4] ?? m[7])!), mod: boundMod(m[1]) });
    },
  ),
  // "days", "for months", "hours": an unspecified number of units
  rule(`(hours|days|weeks|months|years|decades)`, (m, text) =>
    isAge(m[0], text.slice(m.index + m[0].length)) ? [] : whole(m, { kind: 'duration', count: null, unit: unitName(m[1]!) }),
  ),
  // "every Monday", "each week", "every other day"
  rule(`(?:every|each)\\s+(other\\s+)?(${oneOf([...WEEKDAY_NAMES, ...Object.keys(SEASONS)])}|day|week|weekend|month|year|morning|afternoon|evening|night)`, (m) =>
    whole(m, { kind: 'set', value: setValue(m[2]!.toLowerCase(), m[1] === undefined ? 1 : 2) }),
  ),
  // "Mondays", "on Tuesday nights"
  rule(`${WEEKDAY}(?:s(?:\\s+${PART_OF_DAY}s?)?|\\s+${PART_OF_DAY}s)`, (m) => {
    const weekday = WEEKDAYS[m[1]!.toLowerCase()]!;
    const partWord = m[2] ?? m[3];
    const part = partWord === undefined ? '' : `T${PARTS_OF_DAY[partWord.toLowerCase()]}`;
    return whole(m, { kind: 'set', value: `XXXX-WXX-${weekday}${part}` });
  }),
  // "rise 8.5% annually", "10,000 units annually": a rate, like "$2 million a year" below.
  rule(`(${oneOf(Object.keys(FREQUENCY_WORDS))})`, (m, text) =>
    QUANTITY_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index)) ? [] : whole(m, { kind: 'set', value: FREQUENCY_WORDS[m[1]!.toLowerCase()]! }),
  ),
  // "now", "currently", "recently", "the past", "soon"
  rule(`(${oneOf(Object.keys(REFERENCE_WORDS))})`, (m, text) => {
    const words = m[1]!.toLowerCase().replace(/\s+/g, ' ');
    // "the past three summers" is a stretch of time, not the past in general.
    if (words === 'the past' && COUNT_FOLLOWS.test(text.slice(m.index + m[0].length))) return [];
    // "current" is a time only as an adjective ("current market conditions"), not the noun of rivers and wires.
    if (words === 'current' && !/^\s+\p{Ll}/u.test(text.slice(m.index + m[0].length))) return [];
    return whole(m, { kind: 'reference', value: REFERENCE_WORDS[words]! });
  }),
  // "10 a.m.", "noon" on their own: a time on the day the story is at
  rule(CLOCK, (m) => {
    const time = clockOf(m[1]!);
    return time ? whole(m, { kind: 'clock', time }) : [];
  }),
];

// "52 years old" is an age, which TimeML annotators leave untagged (every time in TimeBank/AQUAINT).
function isAge(words: string, after: string): boolean {
  return /years?$/i.test(words) && /^\s+old\b/i.test(after);
}

// "$2 million a year", "four flights a week", "24 hours a day": the unit divides a quantity into a
// rate; it is not a stretch of time. Annotators tagged 4 of 12 such uses in TimeBank/AQUAINT.
const COUNT_WORDS = oneOf(Object.keys(NUMBER_WORDS).filter((word) => !['a', 'an'].includes(word)));
const QUANTITY_BEFORE = new RegExp(
  `(?:\\d[\\d,.]*%?|\\b(?:${COUNT_WORDS}|dozen|hundred|thousand|million|billion|trillion)s?)(?:\\s+\\p{L}+s)?\\s+$`,
  'iu',
);

function isRate(countWord: string | undefined, before: string): boolean {
  return countWord !== undefined && /^an?$/i.test(countWord) && QUANTITY_BEFORE.test(before.slice(-40));
}

// "a second group", "a second term": the ordinal, not one second of time.
function isOrdinalSecond(words: string, after: string): boolean {
  return /^an?\s+second$/i.test(words) && /^\s+(?!(?:later|ago|earlier|before|after|or|and|of|longer)\b)\p{L}/iu.test(after);
}

function setValue(unit: string, step: number): string {
  const weekday = WEEKDAYS[unit];
  if (weekday !== undefined) return `XXXX-WXX-${weekday}`;
  if (unit === 'weekend') return 'XXXX-WXX-WE';
  const season = SEASONS[unit];
  if (season !== undefined) return `XXXX-${season}`;
  const part = PARTS_OF_DAY[unit];
  if (part !== undefined) return `XXXX-XX-XXT${part}`;
  const code = UNITS[unit]!;
  return `P${step * code.multiplier}${code.letter}`;
}

// "the year ended Jan. 31", "six months ended Aug. 12": the day a reported period closed, which
// has passed however far back it lies.
const PERIOD_ENDED = /\bended\s+(?:on\s+)?$/i;

function dateCandidates(m: Match, text: string, month: number, dayWord: string, yearWord: string | undefined, clock: string | undefined): Candidate[] {
  const day = Number(dayWord);
  if (day < 1 || day > 31) return [];
  const time = clock === undefined ? undefined : clockOf(clock);
  const closesPeriod = precededBy(PERIOD_ENDED, m, text);
  return whole(m, { kind: 'date', month, day, year: yearWord === undefined ? undefined : Number(yearWord), time, ...(closesPeriod && { closesPeriod }) });
}

const ENDED_ON = new RegExp(`^\\s+ended\\s+${MONTH}\\s+${DAY_NUMBER}(?!,?\\s+(?:19|20)\\d\\d)`, 'iu');

/** The month and day in "… quarter ended Sept. 30" right after the match, when no year follows. */
function closingDayAfter(m: Match, text: string): { month: number; day: number } | undefined {
  const ended = ENDED_ON.exec(text.slice(m.index + m[0].length));
  if (!ended || !isCapitalised(ended[1]!)) return undefined;
  const day = Number(ended[2]);
  return day >= 1 && day <= 31 ? { month: monthNumber(ended[1]!), day } : undefined;
}

/** One end of a range: the words from group `first` to group `last` of the match. */
function rangeEnd(m: Match, first: number, last: number, month: number, dayWord: string, year: number | undefined): Candidate | undefined {
  const day = Number(dayWord);
  const from = m.indices?.[first];
  const to = m.indices?.[last];
  if (day < 1 || day > 31 || !from || !to) return undefined;
  const start = Math.min(from[0], to[0]);
  const end = Math.max(from[1], to[1]);
  const text = m[0].slice(start - m.index, end - m.index);
  return { text, span: { start, end }, expression: { kind: 'date', month, day, year } };
}

function dayCandidate(m: Match, year: number, month: number, day: number): Candidate[] {
  if (month < 1 || month > 12 || day < 1 || day > 31) return [];
  return whole(m, { kind: 'date', month, day, year });
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** All temporal expressions in a text, in text order, without overlaps (the longest match wins). */
export function findCandidates(text: string): Candidate[] {
  // Matches compete as wholes, so both ends of a range ("March 1-5") stay or go together.
  const matches = RULES.flatMap((r) =>
    [...text.matchAll(r.pattern)].map((m) => ({
      span: { start: m.index, end: m.index + m[0].length },
      candidates: r.read(m, text),
    })),
  ).filter((match) => match.candidates.length > 0);
  const longestFirst = matches.sort((a, b) => b.span.end - b.span.start - (a.span.end - a.span.start) || a.span.start - b.span.start);
  // Kept spans never overlap, so ordered by start they are ordered by end too: a new match can
  // only collide with its two neighbours in that order, found by binary search. This keeps long
  // texts with thousands of expressions from comparing every pair.
  const kept: typeof matches = [];
  for (const match of longestFirst) {
    const at = firstStartingAfter(kept, match.span.start);
    const before = kept[at - 1];
    const after = kept[at];
    if ((before && overlaps(before.span, match.span)) || (after && overlaps(after.span, match.span))) continue;
    kept.splice(at, 0, match);
  }
  return kept.flatMap((match) => match.candidates).sort((a, b) => a.span.start - b.span.start);
}

/** The position of the first span starting after `start`, in spans ordered by start. */
function firstStartingAfter(ordered: readonly { span: Span }[], start: number): number {
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ordered[middle]!.span.start <= start) low = middle + 1;
    else high = middle;
  }
  return low;
}
