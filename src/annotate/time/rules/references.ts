// Words for the present, the past and the future that point at no particular date.
//
// Examples:
//   "now", "currently", "nowadays", "at the moment", "current market conditions"
//   "recently", "lately", "the past"
//   "the future", "the near future"
//
// Watch out:
//   "the past three summers": a stretch of time (a duration), not the past in general.
//   "a strong current.", "the current, which": the noun of rivers and wires. "current" is a time
//   only as an adjective, which the rule takes to be before a lowercase word.
//   "soon", "previously", "formerly": left out of the lexicon (see REFERENCE_WORDS).
import { NUMBER_WORDS, REFERENCE_WORDS, VAGUE_COUNTS } from '../lexicon.js';
import { textAfter } from './context.js';
import { firstWords, oneOf } from './patterns.js';
import { filled, rule, whole, type Rule } from './rule.js';

const COUNT_FOLLOWS = new RegExp(`^\\s+(?:\\d+|${oneOf([...Object.keys(NUMBER_WORDS), ...VAGUE_COUNTS])})\\s`, 'i');

const referenceWord = rule(
  ['words'],
  `(?<words>${oneOf(Object.keys(REFERENCE_WORDS))})`,
  (m, text) => {
    const words = filled(m, 'words').toLowerCase().replace(/\s+/g, ' ');
    const value = REFERENCE_WORDS[words];
    if (value === undefined) return [];
    if (words === 'the past' && COUNT_FOLLOWS.test(textAfter(m, text))) return [];
    if (words === 'current' && !/^\s+\p{Ll}/u.test(textAfter(m, text))) return [];
    return whole(m, { kind: 'reference', value });
  },
  { starts: firstWords(Object.keys(REFERENCE_WORDS)) },
);

export const referenceRules: Rule[] = [referenceWord];
