// Lengths of time counted from another time: the last day the story mentioned ("two days later")
// or the publication date ("a year ago").
//
// Examples:
//   "a day later", "two days earlier", "three weeks before", "a year after"
//   "three days ago", "a year ago", "years ago", "almost two years ago", "several months ago"
//
// Watch out:
//   "three days after the vote", "a week before the election": counted from an event, not from the
//   last day mentioned, so "before"/"after" are only read where nothing follows in the clause. The
//   words stay a duration, unless a date follows ("two days after April 1", see index.ts).
//   "2 1/2 years later": only whole counts move a date; the half leaves it to the duration rules.
import {
  BOUND_STARTS,
  boundPattern,
  COUNT_STARTS,
  countPattern,
  UNIT_STARTS,
  unitPattern,
  VAGUE_COUNT,
  VAGUE_COUNT_STARTS,
} from './patterns.js';
import { filled, rule, whole, type Rule } from './rule.js';
import { boundMod, unitName, wholeNumberValue } from './words.js';

const LATER = ['later', 'after'];

const countedFromStory = rule(
  ['count', 'unit', 'direction'],
  `${countPattern('count')}\\s+(?<unit>day|week|month|year)s?\\s+(?<direction>later|earlier|(?:before|after)(?=\\s*(?:[,.;]|$)))`,
  (m) => {
    const count = wholeNumberValue(filled(m, 'count'));
    if (count === undefined) return [];
    const sign = LATER.includes(filled(m, 'direction').toLowerCase()) ? 1 : -1;
    const unit = filled(m, 'unit').toLowerCase() as 'day' | 'week' | 'month' | 'year';
    if (unit === 'day') return whole(m, { kind: 'narrative', offsetDays: sign * count });
    return whole(m, { kind: 'shift', count: sign * count, unit });
  },
  { starts: COUNT_STARTS },
);

const ago = rule(
  ['bound', 'count', 'unit'],
  `(?:(?:${boundPattern('bound')}?${countPattern('count')}|${VAGUE_COUNT})\\s+)?${unitPattern('unit')}s?\\s+ago`,
  (m) => {
    const countWord = m.groups.count;
    const count = countWord === undefined ? null : (wholeNumberValue(countWord) ?? null);
    if (countWord !== undefined && count === null) return [];
    return whole(m, { kind: 'ago', count, unit: unitName(filled(m, 'unit')), mod: boundMod(m.groups.bound) });
  },
  { trigger: 'ago', starts: [...BOUND_STARTS, ...COUNT_STARTS, ...VAGUE_COUNT_STARTS, ...UNIT_STARTS] },
);

export const anchoredRules: Rule[] = [countedFromStory, ago];
