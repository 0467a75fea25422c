// Places a candidate on the calendar the way a news reader would: against the publication date
// (DCT) for "Monday", "yesterday", "last week"; against the last day the story mentioned for "the
// next day"; and with the tense of the clause deciding whether a bare weekday or month lies ahead.
import type { DateRef, IsoDay, Timex } from '../../model.js';
import {
  addDays,
  addMonths,
  dayParts,
  daysBetween,
  formatDay,
  formatMonth,
  isoWeek,
  isoWeekday,
  isValidDay,
  nthWeekdayOfMonth,
} from '../../calendar.js';
import type { Candidate, Expression, Relation, TimeOfDay } from './candidates.js';
import { HOLIDAYS, UNITS, WEEKDAY_NAMES } from './lexicon.js';
import type { TenseReading } from './tense.js';

export interface ResolveContext {
  publishedOn: IsoDay;
  /** The last day mentioned so far in the text, or the publication date before any. */
  narrativeAnchor: IsoDay;
  /** True once the narrative anchor comes from the text rather than the publication date. */
  anchorFromText: boolean;
  tense: TenseReading;
  /** The last quarter the text named ("the third quarter" → 1989 Q3): what "the quarter" then means. */
  quarterInText?: QuarterRef;
  /** The day a reported period closed, named earlier in the sentence ("the six months ended Aug. 12"). */
  periodEndInSentence?: IsoDay;
}

export interface QuarterRef {
  year: number;
  quarter: number;
}

export type Resolution = Omit<Timex, 'text' | 'span'>;

const RELATION_OFFSET: Record<Relation, number> = { last: -1, this: 0, next: 1 };

type ExpressionOf<K extends Expression['kind']> = Extract<Expression, { kind: K }>;

function weekdayName(weekday: number): string {
  const name = WEEKDAY_NAMES[weekday - 1]!;
  return name[0]!.toUpperCase() + name.slice(1);
}

function tensePhrase(tense: TenseReading): string {
  if (tense.tense === 'unclear') return 'no tense cue, read as past';
  if (tense.tense === 'modal') return `future in reported speech ("${tense.cue}")`;
  return `${tense.tense} tense ("${tense.cue}")`;
}

function dayRef(day: IsoDay): DateRef {
  return { value: day, granularity: 'day' };
}

/** A day, or a time on that day when the words give one ("Monday night" → TNI). */
function onDay(day: IsoDay, time: TimeOfDay | undefined): Pick<Resolution, 'type' | 'value' | 'refersTo'> {
  if (time === undefined) return { type: 'DATE', value: day, refersTo: dayRef(day) };
  const clock = 'clock' in time ? time.clock : time.part;
  return { type: 'TIME', value: `${day}T${clock}`, refersTo: dayRef(day) };
}

function withMod(resolution: Resolution, mod: string | undefined): Resolution {
  return mod === undefined ? resolution : { ...resolution, mod };
}

// ---------------------------------------------------------------------------------------------
// One resolver per kind of expression

/**
 * The day a weekday name points at: "last" → strictly before the publication date, "next" →
 * strictly after, otherwise ahead in a future clause and on or before it in any other.
 */
function weekdayNear(
  weekday: number,
  relation: Relation | undefined,
  ctx: ResolveContext,
  possessive = false,
): { day: IsoDay; reason: string } {
  const dct = ctx.publishedOn;
  const daysBack = (isoWeekday(dct) - weekday + 7) % 7;
  const daysAhead = (weekday - isoWeekday(dct) + 7) % 7 || 7;
  if (relation === 'last') return { day: addDays(dct, -(daysBack || 7)), reason: 'the one before' };
  if (relation === 'next') return { day: addDays(dct, daysAhead), reason: 'the one ahead' };
  // "Wednesday's ruling" names an event the story reports, so it has happened, whatever the tense
  // of the clause ("said they would appeal Wednesday's ruling"). Every tagged one in TimeBank and
  // AQUAINT is on or before the publication day.
  if (possessive) return { day: addDays(dct, -daysBack), reason: 'a possessive naming a reported event, the last one' };
  // A modal future names the publication weekday itself only when it means that very day.
  const ahead = ctx.tense.tense === 'future' || (ctx.tense.tense === 'modal' && daysBack !== 0);
  const day = ahead ? addDays(dct, daysAhead) : addDays(dct, -daysBack);
  return { day, reason: tensePhrase(ctx.tense) };
}

function inWeekdayArticle(words: string, dct: IsoDay): string {
  return `"${words}" in a ${weekdayName(isoWeekday(dct))} article (${dct})`;
}

/** "Wednesday last week": that weekday in the ISO week before, after or of the publication date. */
function weekdayInWeek(weekday: number, week: Relation, dct: IsoDay): { day: IsoDay; reason: string } {
  const monday = addDays(dct, 1 - isoWeekday(dct) + 7 * RELATION_OFFSET[week]);
  return { day: addDays(monday, weekday - 1), reason: `in ${week === 'this' ? 'this' : `the ${week}`} week` };
}

function resolveWeekday(e: ExpressionOf<'weekday'>, words: string, ctx: ResolveContext): Resolution {
  const { day, reason } =
    e.week === undefined
      ? weekdayNear(e.weekday, e.relation, ctx, e.possessive)
      : weekdayInWeek(e.weekday, e.week, ctx.publishedOn);
  const evidence = `${inWeekdayArticle(words, ctx.publishedOn)}, ${reason} → ${day}`;
  return withMod({ ...onDay(day, e.time), anchor: ctx.publishedOn, evidence }, e.mod);
}

/** "last/this/next weekend" follow the weeks; "the weekend" is the one the tense points at. */
function resolveWeekend(e: ExpressionOf<'weekend'>, words: string, ctx: ResolveContext): Resolution {
  const dct = ctx.publishedOn;
  const SATURDAY = 6;
  const dayInWeek =
    e.relation === undefined
      ? weekdayNear(SATURDAY, undefined, ctx).day
      : addDays(dct, 7 * RELATION_OFFSET[e.relation]);
  const reason = e.relation === undefined ? tensePhrase(ctx.tense) : `the ${e.relation} week's`;
  const value = `${isoWeek(dayInWeek)}-WE`;
  return { type: 'DATE', value, anchor: dct, evidence: `${inWeekdayArticle(words, dct)}, ${reason} → ${value}` };
}

/** "a year earlier", "two months later": a whole calendar unit away from the last day mentioned. */
function resolveShift(e: ExpressionOf<'shift'>, words: string, ctx: ResolveContext): Resolution {
  if (e.unit === 'year' && e.count === -1) {
    const quarterly = yearBeforeQuarter(words, ctx);
    if (quarterly !== undefined) return quarterly;
  }
  const anchor = ctx.narrativeAnchor;
  const { year, month } = dayParts(anchor);
  let value: string;
  let refersTo: DateRef | undefined;
  if (e.unit === 'week') {
    value = isoWeek(addDays(anchor, 7 * e.count));
  } else if (e.unit === 'month') {
    const then = addMonths(year, month, e.count);
    value = formatMonth(then.year, then.month);
    refersTo = { value, granularity: 'month' };
  } else {
    value = String(year + e.count);
    refersTo = { value, granularity: 'year' };
  }
  const from = ctx.anchorFromText ? `${anchor}, the last day mentioned` : `the publication date ${anchor}`;
  return { type: 'DATE', value, refersTo, anchor, evidence: `"${words}" counted from ${from} → ${value}` };
}

function resolveQuarter(e: ExpressionOf<'quarter'>, words: string, ctx: ResolveContext): Resolution {
  const { year, month } = dayParts(ctx.publishedOn);
  const currentQuarter = Math.ceil(month / 3);
  // Quarters are reported once they are over: a later quarter than the current one is last year's
  // unless the clause looks ahead.
  const isLastYears = e.year === undefined && e.quarter > currentQuarter && ctx.tense.tense !== 'future';
  if (e.year === undefined && e.yearOffset !== undefined) {
    const value = `${(isLastYears ? year - 1 : year) + e.yearOffset}-Q${e.quarter}`;
    return {
      type: 'DATE',
      value,
      anchor: ctx.publishedOn,
      evidence: `"${words}" in an article of ${ctx.publishedOn} → ${value}`,
    };
  }
  const value = `${e.year ?? (isLastYears ? year - 1 : year)}-Q${e.quarter}`;
  let why = 'names its year';
  if (e.year === undefined && e.quarter <= currentQuarter) why = `in an article of ${ctx.publishedOn}, this year's`;
  if (e.year === undefined && e.quarter > currentQuarter) {
    const tense = isLastYears ? 'no future cue, so the last one over' : tensePhrase(ctx.tense);
    why = `still to come in an article of ${ctx.publishedOn}, ${tense}`;
  }
  return { type: 'DATE', value, anchor: ctx.publishedOn, evidence: `"${words}" ${why} → ${value}` };
}

function quarterValue(q: QuarterRef): string {
  return `${q.year}-Q${q.quarter}`;
}

/** The quarter a report published on `day` is about: the last one that has ended. */
export function lastEndedQuarter(day: IsoDay): QuarterRef {
  const { year, month } = dayParts(day);
  const current = Math.ceil(month / 3);
  return current === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: current - 1 };
}

/**
 * "the quarter", "the year-ago period": earnings reports talk about one quarter, the last one the
 * text named or, before any, the last one over at publication.
 */
function resolveReportedQuarter(
  e: ExpressionOf<'reportedQuarter'>,
  words: string,
  ctx: ResolveContext,
): Resolution | undefined {
  const dct = ctx.publishedOn;
  if (e.which === 'current') {
    const { year, month } = dayParts(dct);
    const value = quarterValue({ year, quarter: Math.ceil(month / 3) });
    return { type: 'DATE', value, anchor: dct, evidence: `"${words}" in an article of ${dct} → ${value}` };
  }
  if (e.endedOn !== undefined && ctx.quarterInText === undefined) {
    // "the quarter ended Sept. 30" is the calendar quarter that day closes, unless the text already
    // named the (fiscal) quarter it reports.
    const closed = dayParts(lastOnOrBefore(e.endedOn.month, e.endedOn.day, dct));
    const value = quarterValue({ year: closed.year, quarter: Math.ceil(closed.month / 3) });
    return {
      type: 'DATE',
      value,
      anchor: dct,
      evidence: `"${words}" ended on ${formatDay(closed.year, closed.month, closed.day)} → ${value}`,
    };
  }
  if (ctx.quarterInText === undefined && e.year !== undefined) {
    // With no quarter to read it against, "the 1988 period" is at least that year.
    const value = String(e.year);
    return {
      type: 'DATE',
      value,
      refersTo: { value, granularity: 'year' },
      anchor: dct,
      evidence: `"${words}" names its year, with no quarter in the text → ${value}`,
    };
  }
  if (ctx.quarterInText === undefined && e.withoutQuarters === 'skip') return undefined;
  if (ctx.quarterInText === undefined && e.withoutQuarters === 'year') {
    const value = String(dayParts(dct).year - 1);
    return {
      type: 'DATE',
      value,
      refersTo: { value, granularity: 'year' },
      anchor: dct,
      evidence: `"${words}" in an article of ${dct}, the year before → ${value}`,
    };
  }
  // "the latest quarter" is the last one over, whatever quarter the text named before.
  const reported = (e.latest ? undefined : ctx.quarterInText) ?? lastEndedQuarter(dct);
  const from =
    ctx.quarterInText === undefined
      ? `the last quarter over by ${dct}`
      : `the quarter the text names (${quarterValue(reported)})`;
  const year = e.year ?? (e.which === 'yearBefore' ? reported.year - 1 : reported.year);
  const value = quarterValue({ year, quarter: reported.quarter });
  return { type: 'DATE', value, anchor: dct, evidence: `"${words}" read against ${from} → ${value}` };
}

/**
 * "a year ago" compares like with like: after "the six months ended Aug. 12" in its sentence, the
 * same period a year before, named by its closing day; in a text about a quarter, the same quarter
 * a year before.
 */
function yearBeforeQuarter(words: string, ctx: ResolveContext): Resolution | undefined {
  if (ctx.periodEndInSentence !== undefined) {
    const { year, month, day } = dayParts(ctx.periodEndInSentence);
    const value = isValidDay(year - 1, month, day)
      ? formatDay(year - 1, month, day)
      : formatDay(year - 1, month, day - 1);
    const evidence = `"${words}" after a period that closed on ${ctx.periodEndInSentence} → ${value}`;
    return { type: 'DATE', value, refersTo: dayRef(value), anchor: ctx.periodEndInSentence, evidence };
  }
  if (ctx.quarterInText === undefined) return undefined;
  const value = quarterValue({ year: ctx.quarterInText.year - 1, quarter: ctx.quarterInText.quarter });
  return {
    type: 'DATE',
    value,
    anchor: ctx.publishedOn,
    evidence: `"${words}" in a text about ${quarterValue(ctx.quarterInText)} → ${value}`,
  };
}

function resolveDeictic(e: ExpressionOf<'deictic'>, words: string, ctx: ResolveContext): Resolution {
  const day = addDays(ctx.publishedOn, e.offsetDays);
  const evidence = `"${words}" in an article of ${ctx.publishedOn} → ${day}`;
  return withMod({ ...onDay(day, e.time), anchor: ctx.publishedOn, evidence }, e.mod);
}

function resolveNarrative(e: ExpressionOf<'narrative'>, words: string, ctx: ResolveContext): Resolution {
  const anchor = ctx.narrativeAnchor;
  const day = addDays(anchor, e.offsetDays);
  const from = ctx.anchorFromText
    ? `after ${anchor}, the last day mentioned`
    : `with no day mentioned before it, counted from the publication date ${anchor}`;
  return { ...onDay(day, e.time), anchor, evidence: `"${words}" ${from} → ${day}` };
}

function resolveClock(e: ExpressionOf<'clock'>, words: string, ctx: ResolveContext): Resolution {
  const day = ctx.narrativeAnchor;
  const which = ctx.anchorFromText ? 'the last day mentioned' : 'the publication date';
  return { ...onDay(day, e.time), anchor: day, evidence: `"${words}" with no day of its own, on ${which} → ${day}` };
}

function pastReference(words: string, dct: IsoDay): Resolution {
  return {
    type: 'DATE',
    value: 'PAST_REF',
    anchor: dct,
    evidence: `"${words}" points at an unspecified past, not a date`,
  };
}

function resolveAgo(e: ExpressionOf<'ago'>, words: string, ctx: ResolveContext): Resolution {
  const dct = ctx.publishedOn;
  const code = UNITS[e.unit];
  if (e.count === null || code === undefined || code.timePart) return pastReference(words, dct);
  const amount = e.count * code.multiplier;
  if (code.letter === 'Y' && amount === 1) {
    const quarterly = yearBeforeQuarter(words, ctx);
    if (quarterly !== undefined) return quarterly;
  }
  const { year, month } = dayParts(dct);
  let value: string;
  let refersTo: DateRef | undefined;
  if (code.letter === 'D') {
    value = addDays(dct, -amount);
    refersTo = dayRef(value);
  } else if (code.letter === 'W') {
    value = isoWeek(addDays(dct, -7 * amount));
  } else if (code.letter === 'M') {
    const then = addMonths(year, month, -amount);
    value = formatMonth(then.year, then.month);
    refersTo = { value, granularity: 'month' };
  } else {
    value = String(year - amount);
    refersTo = { value, granularity: 'year' };
  }
  return { type: 'DATE', value, refersTo, anchor: dct, evidence: `"${words}" before ${dct} → ${value}` };
}

function resolvePeriod(e: ExpressionOf<'period'>, words: string, ctx: ResolveContext): Resolution {
  const dct = ctx.publishedOn;
  const offset = RELATION_OFFSET[e.relation];
  const { year, month } = dayParts(dct);
  let value: string;
  let refersTo: DateRef | undefined;
  if (e.unit === 'week') {
    value = isoWeek(addDays(dct, 7 * offset));
  } else if (e.unit === 'month') {
    const then = addMonths(year, month, offset);
    value = formatMonth(then.year, then.month);
    refersTo = { value, granularity: 'month' };
  } else {
    value = String(year + offset);
    refersTo = { value, granularity: 'year' };
  }
  const evidence = `"${words}" in an article of ${dct} → ${value}`;
  return withMod({ type: 'DATE', value, refersTo, anchor: dct, evidence }, e.mod);
}

// How far back a past cue may pull a date without a year. Further back than about eight months,
// "Dec. 15" in a November article is more likely next month than thirteen months ago (measured on
// TimeBank/AQUAINT: 8 months beat 3, 6, 10 and 12).
const PAST_WINDOW_DAYS = 240;

/**
 * Of the candidate dates (ascending), the one the tense points at. A future clause ("will") is a
 * reliable cue: the earliest on or after the publication date. Past cues are weaker (any "-ed"
 * word), so the latest date on or before it is taken only when it is recent; otherwise, and with
 * no cue, the closest date wins, the earlier on a tie since news mostly reports the past.
 */
function pickByTense(candidates: IsoDay[], dct: IsoDay, tense: TenseReading): IsoDay | undefined {
  const distance = (day: IsoDay): number => daysBetween(dct, day);
  if (tense.tense === 'future') return candidates.find((d) => distance(d) >= 0);
  const latestBefore = candidates.filter((d) => distance(d) <= 0).at(-1);
  if (tense.tense === 'past' && latestBefore !== undefined && -distance(latestBefore) <= PAST_WINDOW_DAYS)
    return latestBefore;
  return [...candidates].sort((a, b) => Math.abs(distance(a)) - Math.abs(distance(b)) || distance(a) - distance(b))[0];
}

function tenseChoice(tense: TenseReading): string {
  // Dates with a month do not trust a modal: reported speech places them either way.
  return tense.tense === 'unclear' || tense.tense === 'modal' ? 'no tense cue, the closest' : tensePhrase(tense);
}

function resolveDate(e: ExpressionOf<'date'>, words: string, ctx: ResolveContext): Resolution | undefined {
  const dct = ctx.publishedOn;
  if (e.year !== undefined) {
    if (!isValidDay(e.year, e.month, e.day)) return undefined;
    const day = formatDay(e.year, e.month, e.day);
    return { ...onDay(day, e.time), anchor: dct, evidence: `"${words}" names its day → ${day}` };
  }
  if (e.closesPeriod) {
    const day = lastOnOrBefore(e.month, e.day, dct);
    return {
      ...onDay(day, e.time),
      anchor: dct,
      evidence: `"${words}" closes a reported period, so the last one by ${dct} → ${day}`,
    };
  }
  const { year } = dayParts(dct);
  const years = [year - 1, year, year + 1].filter((y) => isValidDay(y, e.month, e.day));
  const day = pickByTense(
    years.map((y) => formatDay(y, e.month, e.day)),
    dct,
    ctx.tense,
  );
  if (day === undefined) return undefined;
  const evidence = `"${words}" with no year in an article of ${dct}, ${tenseChoice(ctx.tense)} → ${day}`;
  return { ...onDay(day, e.time), anchor: dct, evidence };
}

/**
 * "by the 25th": in the month of the last day the text mentioned ("began on April 3 … until the
 * 25th") when the tense agrees, or else the nearest such day to the publication date that the
 * tense allows ("will vote by the 2nd" in an article of April 28 is May 2).
 */
function resolveDayOfMonth(e: ExpressionOf<'dayOfMonth'>, words: string, ctx: ResolveContext): Resolution | undefined {
  const dct = ctx.publishedOn;
  if (ctx.anchorFromText) {
    const { year, month } = dayParts(ctx.narrativeAnchor);
    const day = isValidDay(year, month, e.day) ? formatDay(year, month, e.day) : undefined;
    const tenseAgrees = (d: IsoDay) =>
      ctx.tense.tense === 'future' ? d >= dct : ctx.tense.tense === 'past' ? d <= dct : true;
    if (day !== undefined && tenseAgrees(day)) {
      return {
        ...onDay(day, undefined),
        anchor: ctx.narrativeAnchor,
        evidence: `"${words}" in the month of the last day mentioned (${ctx.narrativeAnchor}) → ${day}`,
      };
    }
  }
  const { year, month } = dayParts(dct);
  const days = [-1, 0, 1]
    .map((offset) => addMonths(year, month, offset))
    .filter((m) => isValidDay(m.year, m.month, e.day))
    .map((m) => formatDay(m.year, m.month, e.day));
  const day = pickByTense(days, dct, ctx.tense);
  if (day === undefined) return undefined;
  return {
    ...onDay(day, undefined),
    anchor: dct,
    evidence: `"${words}" with no month in an article of ${dct}, ${tenseChoice(ctx.tense)} → ${day}`,
  };
}

/** The latest day with this month and day on or before `dct`. */
function lastOnOrBefore(month: number, day: number, dct: IsoDay): IsoDay {
  const { year } = dayParts(dct);
  return [year, year - 1, year - 2, year - 3, year - 4]
    .filter((y) => isValidDay(y, month, day))
    .map((y) => formatDay(y, month, day))
    .find((d) => d <= dct)!;
}

function holidayIn(name: string, year: number): IsoDay {
  const rule = HOLIDAYS[name]!;
  return 'day' in rule
    ? formatDay(year, rule.month, rule.day)
    : nthWeekdayOfMonth(year, rule.month, rule.weekday, rule.nth);
}

/** "Christmas" is the one the tense points at, like a date without a year; "last Thanksgiving" the one before. */
function resolveHoliday(e: ExpressionOf<'holiday'>, words: string, ctx: ResolveContext): Resolution {
  const dct = ctx.publishedOn;
  const { year } = dayParts(dct);
  const days =
    e.year !== undefined ? [holidayIn(e.name, e.year)] : [year - 1, year, year + 1].map((y) => holidayIn(e.name, y));
  let day: IsoDay;
  if (e.relation === 'last') day = days.filter((d) => d < dct).at(-1)!;
  else if (e.relation === 'next') day = days.find((d) => d > dct)!;
  else day = days.length === 1 ? days[0]! : pickByTense(days, dct, ctx.tense)!;
  return { ...onDay(day, undefined), anchor: dct, evidence: `"${words}" in an article of ${dct} → ${day}` };
}

function monthYear(e: ExpressionOf<'month'>, ctx: ResolveContext): { year: number; why: string } {
  const { year, month } = dayParts(ctx.publishedOn);
  if (e.year !== undefined) return { year: e.year, why: 'names its year' };
  if (e.yearOffset !== undefined) return { year: year + e.yearOffset, why: `in an article of ${ctx.publishedOn}` };
  if (e.relation === 'last')
    return { year: e.month < month ? year : year - 1, why: `the one before ${ctx.publishedOn}` };
  if (e.relation === 'next')
    return { year: e.month > month ? year : year + 1, why: `the one after ${ctx.publishedOn}` };
  if (e.relation === 'this') return { year, why: `in an article of ${ctx.publishedOn}` };
  // Compare first days of months so that the publication month itself counts as both past and future.
  const firsts = [year - 1, year, year + 1].map((y) => formatDay(y, e.month, 1));
  const publicationMonth = formatDay(year, month, 1);
  const picked = pickByTense(firsts, publicationMonth, ctx.tense)!;
  return {
    year: dayParts(picked).year,
    why: `with no year in an article of ${ctx.publishedOn}, ${tenseChoice(ctx.tense)}`,
  };
}

function resolveMonth(e: ExpressionOf<'month'>, words: string, ctx: ResolveContext): Resolution {
  const { year, why } = monthYear(e, ctx);
  const value = formatMonth(year, e.month);
  const evidence = `"${words}" ${why} → ${value}`;
  return withMod(
    { type: 'DATE', value, refersTo: { value, granularity: 'month' }, anchor: ctx.publishedOn, evidence },
    e.mod,
  );
}

const SEASON_START_MONTH: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

function seasonYear(e: ExpressionOf<'season'>, ctx: ResolveContext): number {
  const { year, month } = dayParts(ctx.publishedOn);
  if (e.year !== undefined) return e.year;
  const start = SEASON_START_MONTH[e.season]!;
  const hasEnded = start + 3 <= month;
  const hasStarted = start <= month;
  const relation = e.relation ?? (ctx.tense.tense === 'future' ? 'next' : ctx.tense.tense === 'past' ? 'last' : 'this');
  if (relation === 'last') return hasEnded ? year : year - 1;
  if (relation === 'next') return hasStarted ? year + 1 : year;
  return year;
}

function resolveSeason(e: ExpressionOf<'season'>, words: string, ctx: ResolveContext): Resolution {
  const year = String(seasonYear(e, ctx));
  const value = `${year}-${e.season}`;
  const evidence = `"${words}" in an article of ${ctx.publishedOn} → ${value}`;
  return withMod({ type: 'DATE', value, anchor: ctx.publishedOn, evidence }, e.mod);
}

// Half a unit is written in the next smaller unit where one divides it evenly, as annotators do:
// "2 1/2 years" → P2Y6M, "5 1/2 hours" → PT5H30M, "a minute and a half" → PT1M30S.
const HALF_IN_SMALLER: Record<string, { letter: string; amount: number; timePart: boolean }> = {
  Y: { letter: 'M', amount: 6, timePart: false },
  D: { letter: 'H', amount: 12, timePart: true },
  TH: { letter: 'M', amount: 30, timePart: true },
  TM: { letter: 'S', amount: 30, timePart: true },
};

function durationValue(count: number | null, unit: string): string {
  const code = UNITS[unit]!;
  const designator = code.timePart ? 'T' : '';
  if (count === null) return `P${designator}X${code.letter}`;
  const amount = count * code.multiplier;
  const smaller = HALF_IN_SMALLER[designator + code.letter];
  if (Number.isInteger(amount) || smaller === undefined || amount % 1 !== 0.5)
    return `P${designator}${amount}${code.letter}`;
  const whole = Math.floor(amount);
  const larger = whole === 0 ? '' : `${whole}${code.letter}`;
  const half = `${smaller.amount}${smaller.letter}`;
  if (smaller.timePart && !code.timePart) return `P${larger}T${half}`;
  return `P${designator}${larger}${half}`;
}

/** Places one candidate on the calendar; undefined when its numbers name no real day. */
export function resolveCandidate(candidate: Candidate, ctx: ResolveContext): Resolution | undefined {
  const e = candidate.expression;
  const words = candidate.text.replace(/\s+/g, ' ');
  const dct = ctx.publishedOn;
  switch (e.kind) {
    case 'weekday':
      return resolveWeekday(e, words, ctx);
    case 'deictic':
      return resolveDeictic(e, words, ctx);
    case 'narrative':
      return resolveNarrative(e, words, ctx);
    case 'clock':
      return resolveClock(e, words, ctx);
    case 'ago':
      return withMod(resolveAgo(e, words, ctx), e.mod);
    case 'period':
      return resolvePeriod(e, words, ctx);
    case 'date':
      return resolveDate(e, words, ctx);
    case 'dayOfMonth':
      return resolveDayOfMonth(e, words, ctx);
    case 'month':
      return resolveMonth(e, words, ctx);
    case 'season':
      return resolveSeason(e, words, ctx);
    case 'holiday':
      return resolveHoliday(e, words, ctx);
    case 'year': {
      const value = String(e.year);
      const evidence = `"${words}" names its year → ${value}`;
      return withMod({ type: 'DATE', value, refersTo: { value, granularity: 'year' }, anchor: dct, evidence }, e.mod);
    }
    case 'era':
      return withMod(
        { type: 'DATE', value: e.value, anchor: dct, evidence: `"${words}" is a ${e.span} (${e.value}), not a date` },
        e.mod,
      );
    case 'weekend':
      return resolveWeekend(e, words, ctx);
    case 'shift':
      return resolveShift(e, words, ctx);
    case 'quarter':
      return resolveQuarter(e, words, ctx);
    case 'reportedQuarter':
      return resolveReportedQuarter(e, words, ctx);
    case 'duration': {
      const value = durationValue(e.count, e.unit);
      return withMod(
        { type: 'DURATION', value, anchor: dct, evidence: `"${words}" is a length of time (${value}), not a date` },
        e.mod,
      );
    }
    case 'set':
      return { type: 'SET', value: e.value, anchor: dct, evidence: `"${words}" repeats (${e.value}), not a date` };
    case 'reference':
      return { type: 'DATE', value: e.value, anchor: dct, evidence: `"${words}" is ${e.value}, not a particular date` };
  }
}
