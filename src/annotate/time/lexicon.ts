// The words the temporal tagger knows, and the TIMEX3 codes they map to. The patterns in rules/ are
// built from these lists, so adding a word here is enough to have it recognised. The names of months
// and weekdays come from the calendar, number words from lexicon/numbers.ts, lowercased here.
import { MONTH_NAMES as MONTHS_OF_THE_YEAR, WEEKDAY_NAMES as DAYS_OF_THE_WEEK } from '../../calendar.js';
import { MONTH_ABBREVIATIONS as AP_MONTH_ABBREVIATIONS } from '../lexicon/abbreviations.js';
import { NUMBER_TEENS, NUMBER_TENS, NUMBER_UNITS } from '../lexicon/numbers.js';

/** Full weekday names, Monday first: the abbreviations are too ambiguous on their own ("Sun", "Wed"). */
export const WEEKDAY_NAMES = DAYS_OF_THE_WEEK.map((name) => name.toLowerCase());

const WEEKDAY_ABBREVIATIONS: Record<string, number> = {
  mon: 1,
  tue: 2,
  tues: 2,
  wed: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  fri: 5,
  sat: 6,
  sun: 7,
};

/** Weekday names and abbreviations → ISO weekday (Monday 1 … Sunday 7). */
export const WEEKDAYS: Record<string, number> = {
  ...Object.fromEntries(WEEKDAY_NAMES.map((name, i) => [name, i + 1])),
  ...WEEKDAY_ABBREVIATIONS,
};

/** Full month names, January first: the only ones trusted without a day or a year next to them. */
export const MONTH_NAMES = MONTHS_OF_THE_YEAR.map((name) => name.toLowerCase());

/** Month abbreviations (AP style: "Jan", "Sept"; May has none) → 1-based month; in text they may take a full stop ("Sept."). */
export const MONTH_ABBREVIATIONS: Record<string, number> = Object.fromEntries(
  AP_MONTH_ABBREVIATIONS.map((abbreviation) => abbreviation.toLowerCase()).map((abbreviation) => [
    abbreviation,
    MONTH_NAMES.findIndex((name) => name.startsWith(abbreviation)) + 1,
  ]),
);

/** Month names and abbreviations → 1-based month. */
export const MONTHS: Record<string, number> = {
  ...Object.fromEntries(MONTH_NAMES.map((name, i) => [name, i + 1])),
  ...MONTH_ABBREVIATIONS,
};

/** Ordinal words, first to twentieth: days of the month and quarters are counted with them. */
const ORDINAL_WORDS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];

/** Ordinal words for days of the month, as in "the first of April". */
export const ORDINAL_DAY_WORDS: Record<string, number> = Object.fromEntries(
  ORDINAL_WORDS.map((word, i): [string, number] => [word, i + 1])
    .concat(ORDINAL_WORDS.slice(0, 9).map((word, i) => [`twenty-${word}`, 21 + i]))
    .concat([
      ['thirtieth', 30],
      ['thirty-first', 31],
    ]),
);

/** Holidays news dates events by: a fixed day, or the nth weekday of a month (Thanksgiving). */
export type HolidayRule = { month: number; day: number } | { month: number; weekday: number; nth: number };

export const HOLIDAYS: Record<string, HolidayRule> = {
  christmas: { month: 12, day: 25 },
  'christmas day': { month: 12, day: 25 },
  'christmas eve': { month: 12, day: 24 },
  "new year's day": { month: 1, day: 1 },
  "new year's eve": { month: 12, day: 31 },
  'independence day': { month: 7, day: 4 },
  'the fourth of july': { month: 7, day: 4 },
  halloween: { month: 10, day: 31 },
  "valentine's day": { month: 2, day: 14 },
  thanksgiving: { month: 11, weekday: 4, nth: 4 },
  'thanksgiving day': { month: 11, weekday: 4, nth: 4 },
};

export { NUMBER_TENS, NUMBER_UNITS };

/** Numbers written as words, as they appear in durations and "three days ago". */
export const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  ...NUMBER_UNITS,
  'a couple of': 2,
  ...NUMBER_TEENS,
  ...NUMBER_TENS,
  hundred: 100,
};

/** Years spoken as words in broadcast transcripts: "nineteen ninety-six" is a century, tens and a unit. */
export const SPOKEN_CENTURIES: Record<string, number> = { eighteen: 1800, nineteen: 1900 };
export const SPOKEN_TENS: Record<string, number> = { ...NUMBER_TEENS, ...NUMBER_TENS };

/**
 * Words before a length of time that bound it → TIMEX3 mod. Annotators keep them inside the
 * expression ("more than four hours", "at least 30 days": every one of the 30 bounded durations in
 * TimeBank/AQUAINT). "nearly" follows the annotators' majority (3 of 6 EQUAL_OR_LESS).
 */
export const BOUND_MODS: Record<string, string> = {
  'more than': 'MORE_THAN',
  over: 'MORE_THAN',
  'less than': 'LESS_THAN',
  under: 'LESS_THAN',
  almost: 'LESS_THAN',
  nearly: 'EQUAL_OR_LESS',
  'no more than': 'EQUAL_OR_LESS',
  'at most': 'EQUAL_OR_LESS',
  'up to': 'EQUAL_OR_LESS',
  'at least': 'EQUAL_OR_MORE',
  'no less than': 'EQUAL_OR_MORE',
  about: 'APPROX',
  around: 'APPROX',
  roughly: 'APPROX',
  approximately: 'APPROX',
  some: 'APPROX',
};

/** Quantifiers that give a duration an unspecified count: "several days" → PXD. */
export const VAGUE_COUNTS = ['several', 'a few', 'few', 'some', 'many'];

/** Calendar units → the TIMEX3 duration letter and how many of that letter one unit is. */
export interface UnitCode {
  /** Time units (hours, minutes) go after the `T` of a duration. */
  timePart: boolean;
  letter: 'S' | 'M' | 'H' | 'D' | 'W' | 'Y';
  multiplier: number;
}

export const UNITS: Record<string, UnitCode> = {
  second: { timePart: true, letter: 'S', multiplier: 1 },
  minute: { timePart: true, letter: 'M', multiplier: 1 },
  hour: { timePart: true, letter: 'H', multiplier: 1 },
  day: { timePart: false, letter: 'D', multiplier: 1 },
  night: { timePart: false, letter: 'D', multiplier: 1 },
  week: { timePart: false, letter: 'W', multiplier: 1 },
  fortnight: { timePart: false, letter: 'W', multiplier: 2 },
  month: { timePart: false, letter: 'M', multiplier: 1 },
  year: { timePart: false, letter: 'Y', multiplier: 1 },
  decade: { timePart: false, letter: 'Y', multiplier: 10 },
  century: { timePart: false, letter: 'Y', multiplier: 100 },
};

/** Ordinals that name a quarter of the year. */
export const QUARTER_ORDINALS: Record<string, number> = {
  ...Object.fromEntries(ORDINAL_WORDS.slice(0, 4).map((word, i) => [word, i + 1])),
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
};

/** Words before a quarter that move it by whole years: "the year-ago third quarter" → last year's. */
export const YEAR_OFFSET_WORDS: Record<string, number> = {
  'year-ago': -1,
  'year-earlier': -1,
  'prior-year': -1,
  "last year's": -1,
  "this year's": 0,
  "next year's": 1,
};

/** Parts of the day → TIMEX3 codes ("Monday night" → 2019-03-04TNI). */
export const PARTS_OF_DAY: Record<string, string> = {
  morning: 'MO',
  afternoon: 'AF',
  evening: 'EV',
  night: 'NI',
  overnight: 'NI',
};

export const SEASONS: Record<string, string> = {
  spring: 'SP',
  summer: 'SU',
  autumn: 'FA',
  fall: 'FA',
  winter: 'WI',
};

/** Words that place an expression inside its period → TIMEX3 mod. */
export const POSITION_MODS: Record<string, string> = {
  early: 'START',
  beginning: 'START',
  start: 'START',
  mid: 'MID',
  middle: 'MID',
  late: 'END',
  end: 'END',
};

/** Words for "the present", "the past" and "the future" that point at no particular date. */
export const REFERENCE_WORDS: Record<string, 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF'> = {
  now: 'PRESENT_REF',
  currently: 'PRESENT_REF',
  'at present': 'PRESENT_REF',
  'at the moment': 'PRESENT_REF',
  nowadays: 'PRESENT_REF',
  current: 'PRESENT_REF',
  'these days': 'PRESENT_REF',
  recently: 'PAST_REF',
  lately: 'PAST_REF',
  'the past': 'PAST_REF',
  'the future': 'FUTURE_REF',
  'the near future': 'FUTURE_REF',
};
// "soon" is left out too: it says how close, not when, and annotators tagged it in only 4 of 21
// uses (TimeBank + AQUAINT).
// "previously" and "formerly" are left out: they order events rather than point at a time, and
// TimeML annotators tag them as TIMEX3 in only 3 of 23 uses (TimeBank + AQUAINT). "recent weeks"
// and "the coming months" are stretches of unspecified length (PXW, PXM), read as durations.

/** Adverbs of frequency → TIMEX3 SET value. */
export const FREQUENCY_WORDS: Record<string, string> = {
  hourly: 'PT1H',
  daily: 'P1D',
  nightly: 'P1D',
  weekly: 'P1W',
  fortnightly: 'P2W',
  monthly: 'P1M',
  annually: 'P1Y',
  yearly: 'P1Y',
};

// Tense cues. A verb group that puts the clause in the future makes a bare weekday or month point
// forward; anything else (past or unclear) points back, since news mostly reports what happened.
// "would" is deliberately no cue: in reported speech it is as often a past plan as a future one.
export const FUTURE_CUES: RegExp[] = [
  /\bwill\b/i,
  /['’]ll\b/i,
  /\bshall\b/i,
  /\bwon['’]?t\b/i,
  /\bgoing to\b/i,
  /\b(?:is|are|am)\s+to\b/i,
  /\b(?:set|expected|scheduled|slated|poised|planned|plans?|planning|intends?|aims?)\s+to\b/i,
  /\bdue\s+to\s+(?:be|take|hold|meet|vote|start|begin|open|close|arrive|return|resume|end)\b/i,
  /\b(?:is|are)\s+due\b/i,
  /\b(?:scheduled|slated|planned)\s+for\b/i,
  /\b(?:next(?!\s+to\b)|upcoming|coming)\b/i,
  /\bas\s+(?:soon|early)\s+as\b/i,
  // A past participle that still looks ahead: "has scheduled a hearing Thursday".
  /\bscheduled\b/i,
];

// "would", "could", "might" after a reporting verb carry a future seen from the past ("said she
// would meet them on Monday"). They are weaker than "will": on TimeBank/AQUAINT they point forward
// for weekdays but not for dates with a month, which reported speech mostly places in the past.
// "could be reached/located/found" is the past of "can" ("none of them could be located Wednesday"),
// a report of what happened, not a plan.
export const MODAL_CUES: RegExp[] = [
  /\b(?:would|could|might)\b(?!\s+(?:not\b|n['’]t|have\b|be\s+(?:reached|located|found|contacted)\b))/i,
];

// A participle after "be" ("will be held", "is expected") takes its tense from the auxiliary, so
// verbs count as past only when no form of "be" stands right before them.
const NOT_AFTER_BE = String.raw`(?<!\b(?:be|been|being|is|are|am)\s+)`;

export const PAST_CUES: RegExp[] = [
  // A plan as it stood in the past: "200 more people were expected to evacuate later Monday". It
  // is longer than the future cue "expected to" inside it, so it wins their tie.
  /\b(?:was|were|had\s+been)\s+(?:expected|scheduled|set|due|slated|supposed|planned)\s+to\b/i,
  // "since" counts from a time already past: "searching since the Oct. 23 shooting".
  /\b(?:was|were|had|did|ago|earlier|previously|since)\b/i,
  new RegExp(
    `${NOT_AFTER_BE}\\b(?:said|told|met|came|went|took|made|gave|left|began|held|fell|rose|struck|saw|found|won|lost|fled|sent|led|broke|spoke|wrote|ran|got|shot|fought|brought|became|paid|sold|built)\\b`,
    'i',
  ),
  // Regular past tense. Capitalised words are left out: "United", "Armed" name things.
  new RegExp(
    `${NOT_AFTER_BE}\\b(?!(?:need|speed|seed|feed|weed|bed|red|shed|hundred|indeed|breed|creed|greed)\\b)[a-z]{2,}ed\\b`,
  ),
];
