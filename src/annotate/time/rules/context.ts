// Tests on the text around a match, shared by the rule families.
import { NUMBER_WORDS } from '../lexicon.js';
import { oneOf } from './patterns.js';
import type { RuleMatch } from './rule.js';

/** The text right after the match. */
export function textAfter(match: RuleMatch<string>, text: string): string {
  return text.slice(match.index + match[0].length);
}

/** Whether the 30 characters before the match end in `context`. */
export function precededBy(context: RegExp, match: RuleMatch<string>, text: string): boolean {
  return context.test(text.slice(Math.max(0, match.index - 30), match.index));
}

// "$2 million a year", "four flights a week", "24 hours a day", "rise 8.5% annually": after a
// quantity, a unit or a frequency word divides it into a rate; it is not a time.
const COUNT_WORDS = oneOf(Object.keys(NUMBER_WORDS).filter((word) => !['a', 'an'].includes(word)));
const QUANTITY_BEFORE = new RegExp(
  `(?:\\d[\\d,.]*%?|\\b(?:${COUNT_WORDS}|dozen|hundred|thousand|million|billion|trillion)s?)(?:\\s+\\p{L}+s)?\\s+$`,
  'iu',
);

/** Whether the match follows a quantity ("$2 million a year"), within 40 characters. */
export function followsAQuantity(match: RuleMatch<string>, text: string): boolean {
  return QUANTITY_BEFORE.test(text.slice(Math.max(0, match.index - 40), match.index));
}
