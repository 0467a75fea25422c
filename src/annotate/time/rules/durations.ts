// Lengths of time: a count and a unit, a stretch before or after now, or units of no given number.
//
// Examples:
//   "three days", "24 hours", "a decade", "several weeks", "2 1/2 years", "a minute and a half"
//   "more than four hours", "at least 30 days", "two more weeks", "the first six months"
//   "two-day", "a 10-year plan"
//   "the past week", "the last three years", "the next two months", "the past few days"
//   "recent weeks", "the coming months": stretches of unspecified length
//   "days", "for months", "hours": an unspecified number of units
//
// Watch out:
//   "52 years old", "a three-year-old": ages, which TimeML annotators leave untagged.
//   "$2 million a year", "four flights a week", "24 hours a day": rates, not stretches of time
//   (annotators tagged 4 of 12 such uses in TimeBank/AQUAINT).
//   "a second group", "a second term": the ordinal, not one second of time.
//   "the 1988 second quarter": a year is no count. "1.5 days", "3,000 hours": the count would
//   start inside a number, so it is dropped and only the bare unit is read ("days", no number).
//   "over the past two years" is during them, not more than them: "over" is no bound there.
import { NUMBER_WORDS } from '../lexicon.js';
import { followsAQuantity, textAfter } from './context.js';
import {
  BOUND_STARTS,
  boundPattern,
  COUNT_STARTS,
  countPattern,
  firstWords,
  oneOf,
  unitPattern,
  VAGUE_COUNT,
  VAGUE_COUNT_STARTS,
} from './patterns.js';
import { filled, rule, whole, type Rule } from './rule.js';
import { boundMod, numberValue, unitName } from './words.js';

// "52 years old" is an age, which TimeML annotators leave untagged (every time in TimeBank/AQUAINT).
function isAge(words: string, after: string): boolean {
  return /years?$/i.test(words) && /^\s+old\b/i.test(after);
}

// "a second group", "a second term": the ordinal, not one second of time.
function isOrdinalSecond(words: string, after: string): boolean {
  return (
    /^an?\s+second$/i.test(words) && /^\s+(?!(?:later|ago|earlier|before|after|or|and|of|longer)\b)\p{L}/iu.test(after)
  );
}

const pastOrNextCount = rule(
  ['bound', 'count', 'few', 'unit'],
  [
    `(?:(?!over\\s)${boundPattern('bound')})?`,
    `(?:the\\s+)?(?:past|last|next|coming)\\s+`,
    `(?:${countPattern('count')}|(?<few>few|several)|couple\\s+of)\\s+`,
    `${unitPattern('unit')}s?`,
  ].join(''),
  (m) => {
    const { bound, count: countWord, few } = m.groups;
    // "couple of" has neither a count nor "few": two.
    const count = few !== undefined ? null : countWord === undefined ? 2 : (numberValue(countWord) ?? null);
    return whole(m, { kind: 'duration', count, unit: unitName(filled(m, 'unit')), mod: boundMod(bound) });
  },
  { starts: [...BOUND_STARTS, 'the', 'past', 'last', 'next', 'coming'] },
);

const recentUnits = rule(
  ['units'],
  `(?:the\\s+)?(?:recent|coming)\\s+(?<units>days|weeks|months|years|decades)`,
  (m) => whole(m, { kind: 'duration', count: null, unit: unitName(filled(m, 'units')) }),
  { trigger: 'recent|coming', starts: ['the', 'recent', 'coming'] },
);

const thePastUnit = rule(
  ['unit'],
  `the\\s+(?:past|last|coming)\\s+(?<unit>week|month|year|decade)`,
  (m) => whole(m, { kind: 'duration', count: 1, unit: unitName(filled(m, 'unit')) }),
  { starts: ['the'] },
);

const countedUnits = rule(
  ['bound', 'count', 'unit', 'andAHalf', 'hyphenCount', 'hyphenUnit'],
  [
    `(?:${boundPattern('bound')}|the\\s+(?:first\\s+|last\\s+)?)?`,
    `(?:${countPattern('count')}|${VAGUE_COUNT})\\s+`,
    `(?:(?:more|additional|extra|further)\\s+)?`,
    `${unitPattern('unit')}s?(?<andAHalf>\\s+and\\s+a\\s+half)?`,
    `|(?<hyphenCount>\\d+|${oneOf(Object.keys(NUMBER_WORDS))})-${unitPattern('hyphenUnit')}(?!-old)`,
  ].join(''),
  (m, text) => {
    if (/[\d.,]/.test(text.charAt(m.index - 1))) return [];
    const { bound, andAHalf } = m.groups;
    const countWord = m.groups.count ?? m.groups.hyphenCount;
    const counted = countWord === undefined ? undefined : numberValue(countWord);
    const count = counted === undefined ? null : counted + (andAHalf === undefined ? 0 : 0.5);
    // A year is not a count: "the 1988 second quarter".
    if (countWord !== undefined && /^\d{4}$/.test(countWord)) return [];
    const after = textAfter(m, text);
    const isRate = m.groups.count !== undefined && /^an?$/i.test(m.groups.count) && followsAQuantity(m, text);
    if (isAge(m[0], after) || isRate || isOrdinalSecond(m[0], after)) return [];
    const unit = m.groups.unit ?? m.groups.hyphenUnit;
    return unit === undefined ? [] : whole(m, { kind: 'duration', count, unit: unitName(unit), mod: boundMod(bound) });
  },
  {
    starts: [...BOUND_STARTS, 'the', ...COUNT_STARTS, ...VAGUE_COUNT_STARTS, ...firstWords(Object.keys(NUMBER_WORDS))],
  },
);

const BARE_UNITS = ['hours', 'days', 'weeks', 'months', 'years', 'decades'];

const bareUnits = rule(
  ['units'],
  `(?<units>${BARE_UNITS.join('|')})`,
  (m, text) =>
    isAge(m[0], textAfter(m, text))
      ? []
      : whole(m, { kind: 'duration', count: null, unit: unitName(filled(m, 'units')) }),
  { starts: BARE_UNITS },
);

export const durationRules: Rule[] = [pastOrNextCount, recentUnits, thePastUnit, countedUnits, bareUnits];
