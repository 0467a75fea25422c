// Candidate temporal expressions: what the rule families find, before the resolver dates them.
// The rules live in rules/, one file a family, each a regular expression plus a reader that turns a
// match into zero or more candidates (a range such as "March 1-5" gives two). Where candidates
// overlap, the longest wins, so "three days ago" beats "three days" and "Monday night" beats
// "Monday". Nothing here knows the publication date: that is the resolver's job.
import type { Span } from '../../model.js';
import { firstWordPositions } from './first-words.js';
import { absoluteDateRules } from './rules/absolute-dates.js';
import { anchoredRules } from './rules/anchored.js';
import { clockTimeRules } from './rules/clock-times.js';
import { durationRules } from './rules/durations.js';
import { namedPeriodRules, relativePeriodRules } from './rules/periods.js';
import { referenceRules } from './rules/references.js';
import { relativeDayRules } from './rules/relative-days.js';
import type { Rule } from './rules/rule.js';
import { setRules } from './rules/sets.js';

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
  | {
      kind: 'weekday';
      weekday: number;
      relation?: Relation;
      mod?: string;
      time?: TimeOfDay;
      week?: Relation;
      possessive?: boolean;
    }
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

// Between matches of the same length and start, the earlier rule wins, so this order is part of
// the output: "the fourth of July" is a date (absolute dates) before it is a holiday (named periods).
export const RULES: readonly Rule[] = [
  ...relativeDayRules,
  ...anchoredRules,
  ...relativePeriodRules,
  ...absoluteDateRules,
  ...namedPeriodRules,
  ...durationRules,
  ...setRules,
  ...referenceRules,
  ...clockTimeRules,
];

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * All temporal expressions in a text, in text order, without overlaps (the longest match wins).
 * `rules` are all of them unless a test asks for one family.
 */
export function findCandidates(text: string, rules: readonly Rule[] = RULES): Candidate[] {
  const positionsOf = firstWordPositions(text, rules);
  // Matches compete as wholes, so both ends of a range ("March 1-5") stay or go together.
  const matches: { span: Span; candidates: Candidate[] }[] = [];
  for (const r of rules) {
    if (r.trigger !== undefined && !r.trigger.test(text)) continue;
    for (const m of matchesOf(r, text, positionsOf)) {
      const candidates = r.read(m, text);
      if (candidates.length > 0) matches.push({ span: { start: m.index, end: m.index + m[0].length }, candidates });
    }
  }
  const longestFirst = matches.sort(
    (a, b) => b.span.end - b.span.start - (a.span.end - a.span.start) || a.span.start - b.span.start,
  );
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

/**
 * The matches of a rule, as a scan of the whole text with its global pattern finds them: each at
 * the leftmost position where the pattern matches, from the end of the match before. A rule that
 * declares its first words is tried only where one starts (every other position cannot match).
 */
function matchesOf(r: Rule, text: string, positionsOf: (rule: Rule) => readonly number[]): RegExpExecArray[] {
  if (r.stickyPattern === undefined) return [...text.matchAll(r.pattern)];
  const sticky = r.stickyPattern;
  const found: RegExpExecArray[] = [];
  let from = 0;
  for (const position of positionsOf(r)) {
    if (position < from) continue;
    sticky.lastIndex = position;
    const m = sticky.exec(text);
    if (m === null) continue;
    found.push(m);
    // An empty match would make the global scan step on by one; rule patterns never match empty.
    from = Math.max(m.index + m[0].length, position + 1);
  }
  return found;
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
