// Sets: times that recur.
//
// Examples:
//   "every Monday", "each week", "every other day", "every summer", "each morning"
//   "Mondays", "on Tuesday nights", "Sunday mornings"
//   "daily", "weekly", "annually"
//
// Watch out:
//   "rise 8.5% annually", "10,000 units annually": after a quantity, a frequency word makes a rate,
//   like "$2 million a year", and is left alone.
import { FREQUENCY_WORDS, PARTS_OF_DAY, SEASONS, UNITS, WEEKDAY_NAMES, WEEKDAYS } from '../lexicon.js';
import { followsAQuantity } from './context.js';
import { oneOf, partOfDayPattern, WEEKDAY_STARTS, weekdayPattern } from './patterns.js';
import { filled, rule, whole, type Rule } from './rule.js';

/** The TIMEX3 value of "every <unit>", or of every other one (`step` 2). */
function setValue(unit: string, step: number): string | undefined {
  const weekday = WEEKDAYS[unit];
  if (weekday !== undefined) return `XXXX-WXX-${weekday}`;
  if (unit === 'weekend') return 'XXXX-WXX-WE';
  const season = SEASONS[unit];
  if (season !== undefined) return `XXXX-${season}`;
  const part = PARTS_OF_DAY[unit];
  if (part !== undefined) return `XXXX-XX-XXT${part}`;
  const code = UNITS[unit];
  return code === undefined ? undefined : `P${step * code.multiplier}${code.letter}`;
}

const every = rule(
  ['other', 'unit'],
  [
    `(?:every|each)\\s+(?<other>other\\s+)?`,
    `(?<unit>${oneOf([...WEEKDAY_NAMES, ...Object.keys(SEASONS)])}|day|week|weekend|month|year|morning|afternoon|evening|night)`,
  ].join(''),
  (m) => {
    const value = setValue(filled(m, 'unit').toLowerCase(), m.groups.other === undefined ? 1 : 2);
    return value === undefined ? [] : whole(m, { kind: 'set', value });
  },
  { trigger: 'every|each', starts: ['every', 'each'] },
);

const pluralWeekday = rule(
  ['weekday', 'partAfterPlural', 'pluralPart'],
  `${weekdayPattern('weekday')}(?:s(?:\\s+${partOfDayPattern('partAfterPlural')}s?)?|\\s+${partOfDayPattern('pluralPart')}s)`,
  (m) => {
    const weekday = WEEKDAYS[filled(m, 'weekday').toLowerCase()];
    const partWord = m.groups.partAfterPlural ?? m.groups.pluralPart;
    const partCode = partWord === undefined ? undefined : PARTS_OF_DAY[partWord.toLowerCase()];
    if (weekday === undefined || (partWord !== undefined && partCode === undefined)) return [];
    const part = partCode === undefined ? '' : `T${partCode}`;
    return whole(m, { kind: 'set', value: `XXXX-WXX-${weekday}${part}` });
  },
  { starts: WEEKDAY_STARTS },
);

const frequencyWord = rule(
  ['word'],
  `(?<word>${oneOf(Object.keys(FREQUENCY_WORDS))})`,
  (m, text) => {
    const value = FREQUENCY_WORDS[filled(m, 'word').toLowerCase()];
    return value === undefined || followsAQuantity(m, text) ? [] : whole(m, { kind: 'set', value });
  },
  { trigger: oneOf(Object.keys(FREQUENCY_WORDS)), starts: Object.keys(FREQUENCY_WORDS) },
);

export const setRules: Rule[] = [every, pluralWeekday, frequencyWord];
