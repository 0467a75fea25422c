// Readers for the words rules capture: counts, months, units, relations, positions and clock
// readings, turned into what an Expression holds. A word the patterns let through but the lexicon
// does not know (a case-folding such as "ſept" for "sept") reads as undefined, and the rule drops it.
import type { Relation, TimeOfDay } from '../candidates.js';
import {
  BOUND_MODS,
  MONTHS,
  NUMBER_TENS,
  NUMBER_UNITS,
  NUMBER_WORDS,
  PARTS_OF_DAY,
  POSITION_MODS,
} from '../lexicon.js';

/** "twenty-four", "forty five" → 44; anything else → undefined. */
function compoundNumberValue(words: string): number | undefined {
  const parts = /^(?<tens>\p{L}+)[- ](?<units>\p{L}+)$/u.exec(words)?.groups;
  const tens = parts?.tens === undefined ? undefined : NUMBER_TENS[parts.tens];
  const units = parts?.units === undefined ? undefined : NUMBER_UNITS[parts.units];
  return tens === undefined || units === undefined ? undefined : tens + units;
}

/** "24" → 24, "2 1/2" → 2.5, "twenty-four" → 24, "two and a half" → 2.5. */
export function numberValue(word: string): number | undefined {
  const lower = word.toLowerCase().replace(/\s+/g, ' ');
  const half = / 1\/2$| and a half$/.exec(lower);
  const base = half ? lower.slice(0, half.index) : lower;
  const value = /^\d+$/.test(base) ? Number(base) : (compoundNumberValue(base) ?? NUMBER_WORDS[base]);
  return value === undefined ? undefined : value + (half ? 0.5 : 0);
}

/** A whole count, for expressions that move a date by whole days, months or years. */
export function wholeNumberValue(word: string): number | undefined {
  const value = numberValue(word);
  return value !== undefined && Number.isInteger(value) ? value : undefined;
}

/** "more than" → MORE_THAN. */
export function boundMod(words: string | undefined): string | undefined {
  return words === undefined ? undefined : BOUND_MODS[words.toLowerCase().replace(/\s+/g, ' ')];
}

/** "March", "Sept." → 1-based month. */
export function monthNumber(word: string): number | undefined {
  return MONTHS[word.toLowerCase().replace('.', '')];
}

/** "weeks" → "week", "centuries" → "century". */
export function unitName(word: string): string {
  const lower = word.toLowerCase();
  return lower === 'centuries' ? 'century' : lower.replace(/s$/, '');
}

/** "last", "this", "next", "coming", "this coming" → the relation to the publication date. */
export function relationOf(word: string | undefined): Relation | undefined {
  const lower = word?.toLowerCase().replace(/^this\s+coming$/, 'coming');
  if (lower === 'last') return 'last';
  if (lower === 'next' || lower === 'coming') return 'next';
  if (lower === 'this') return 'this';
  return undefined;
}

/** The TIMEX3 mod of the first position word given: "early" → START, "the end of" → END. */
export function positionMod(...words: (string | undefined)[]): string | undefined {
  const word = words.find((w) => w !== undefined);
  return word === undefined ? undefined : POSITION_MODS[word.toLowerCase()];
}

const CLOCK_READING =
  /^(?<hour>\d{1,2})(?::(?<minutes>\d\d))?\s*(?:(?<meridiem>[ap])\.?\s?m\b|in\s+the\s+(?<morning>morning)|in\s+the\s+(?:afternoon|evening)|at\s+night)/;

/** "10 a.m." → { clock: "10:00" }; "noon" → "12:00"; "4 in the morning" → "04:00"; "10 at night" → "22:00". */
export function clockOf(words: string): TimeOfDay | undefined {
  const lower = words.toLowerCase();
  if (lower.startsWith('noon') || lower.startsWith('midday')) return { clock: '12:00' };
  if (lower.startsWith('midnight')) return { clock: '00:00' };
  const reading = CLOCK_READING.exec(lower)?.groups;
  if (reading?.hour === undefined) return undefined;
  const hour12 = Number(reading.hour);
  if (hour12 < 1 || hour12 > 12) return undefined;
  const morning = reading.meridiem === 'a' || reading.morning !== undefined;
  // "12 at night" is midnight, "12 in the morning" too; any other hour not in the morning is after noon.
  const hour = (hour12 % 12) + (morning || (reading.meridiem === undefined && hour12 === 12) ? 0 : 12);
  return { clock: `${String(hour).padStart(2, '0')}:${reading.minutes ?? '00'}` };
}

/** The time a clock reading or a part of the day gives, the clock first. */
export function timeOf(clock: string | undefined, part: string | undefined): TimeOfDay | undefined {
  if (clock !== undefined) return clockOf(clock);
  const code = part === undefined ? undefined : PARTS_OF_DAY[part.toLowerCase()];
  return code === undefined ? undefined : { part: code };
}

export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}
