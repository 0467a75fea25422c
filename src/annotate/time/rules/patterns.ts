// Pattern pieces shared by the rule families. A piece that captures takes the name of its group, so
// one rule can hold two of a kind ("March 1-5": startDay, endDay) and no rule depends on how many
// groups another piece has. Pieces a rule does not read come as non-capturing constants.
import {
  BOUND_MODS,
  MONTH_ABBREVIATIONS,
  MONTH_NAMES,
  NUMBER_TENS,
  NUMBER_UNITS,
  NUMBER_WORDS,
  PARTS_OF_DAY,
  UNITS,
  VAGUE_COUNTS,
  WEEKDAY_NAMES,
} from '../lexicon.js';

/** Alternation of words, longest first so that "sept" is tried before "sep". */
export function oneOf(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/ /g, '\\s+'))
    .join('|');
}

const WEEKDAY_WORDS = oneOf(WEEKDAY_NAMES);
// Full names first, so that "March." at the end of a sentence does not take the full stop.
const MONTH_WORDS = `${oneOf(MONTH_NAMES)}|(?:${oneOf(Object.keys(MONTH_ABBREVIATIONS))})\\.?`;
// "24", "2 1/2", "twenty-four", "two and a half": a count, whole or with a half.
const COMPOUND_NUMBER = `(?:${oneOf(Object.keys(NUMBER_TENS))})[-\\s](?:${oneOf(Object.keys(NUMBER_UNITS))})`;
const SPELLED_NUMBER = `(?:${COMPOUND_NUMBER}|${oneOf(Object.keys(NUMBER_WORDS))})`;
const VAGUE_COUNT_WORDS = oneOf(VAGUE_COUNTS);
const CLOCK_WORDS = [
  String.raw`(?:\d{1,2}(?::\d\d)?\s*[ap]\.?\s?m\b\.?`,
  String.raw`|\d{1,2}(?::\d\d)?\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)`,
  String.raw`|noon|midday|midnight)`,
  String.raw`(?:\s+(?:[ECMP][SD]T|GMT|UTC|BST|CET)\b)?`,
].join('');

/** Full weekday names: "Monday". */
export const weekdayPattern = (name: string): string => `(?<${name}>${WEEKDAY_WORDS})`;
export const ANY_WEEKDAY = `(?:${WEEKDAY_WORDS})`;

/** Month names and abbreviations: "March", "Sept.". */
export const monthPattern = (name: string): string => `(?<${name}>${MONTH_WORDS})`;

/** A day of the month in digits: "5", "5th". */
export const dayNumberPattern = (name: string): string => String.raw`(?<${name}>\d{1,2})(?:st|nd|rd|th)?(?!\d)`;

/** A year from 1900 to 2099, not part of a longer number or a percentage. */
export const yearPattern = (name: string): string => String.raw`(?<${name}>(?:19|20)\d\d)(?![\d%])`;

/** A count: "24", "2 1/2", "twenty-four", "two and a half". */
export const countPattern = (name: string): string =>
  `(?<${name}>\\d+(?:\\s+1/2)?|${SPELLED_NUMBER}(?:\\s+and\\s+a\\s+half)?)`;

/** "more than", "at least", "about" before a count bound the length it gives; the words and a space. */
export const boundPattern = (name: string): string => `(?:(?<${name}>${oneOf(Object.keys(BOUND_MODS))})\\s+)`;

/** "several", "a few": a count of no particular size. */
export const VAGUE_COUNT = `(?:${VAGUE_COUNT_WORDS})`;

/** A calendar unit, singular ("week") or "centuries"; rules add the plural "s". */
export const unitPattern = (name: string): string => `(?<${name}>${oneOf(Object.keys(UNITS))}|centuries)`;

/** "morning", "night". */
export const partOfDayPattern = (name: string): string => `(?<${name}>${oneOf(Object.keys(PARTS_OF_DAY))})`;

/** A clock reading: "10 a.m.", "4:30 pm EST", "4 in the morning", "noon". */
export const clockPattern = (name: string): string => `(?<${name}>${CLOCK_WORDS})`;

/**
 * Where in a period: "early", "mid-", "late" (the `word` group) or "the beginning of", "the end of"
 * (the `phrase` group), with what follows them.
 */
export const positionPattern = (word: string, phrase: string): string =>
  String.raw`(?:(?<${word}>early|mid|late)[\s-]+|(?:the\s+)?(?<${phrase}>beginning|start|middle|end)\s+of\s+)`;

// ---------------------------------------------------------------------------------------------
// The words each piece can begin with, for RuleOptions.starts: a rule lists those of the pieces
// (and words) its pattern can open with. Each is a prefix of a first word, so "monday" covers
// "Mondays" and "1" covers "10am" and "1990s".

/** The first word of each phrase, lowercased: "new year's day" → "new", "year-ago" → "year". */
export function firstWords(phrases: readonly string[]): string[] {
  return [...new Set(phrases.map((phrase) => /^[\p{L}\p{N}]*/u.exec(phrase.toLowerCase())![0]))];
}

export const DIGIT_STARTS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
export const WEEKDAY_STARTS = WEEKDAY_NAMES;
export const MONTH_STARTS = [...MONTH_NAMES, ...Object.keys(MONTH_ABBREVIATIONS)];
/** Day numbers and numeric dates. */
export const NUMBER_STARTS = DIGIT_STARTS;
export const YEAR_STARTS = ['19', '20'];
export const COUNT_STARTS = [...DIGIT_STARTS, ...firstWords(Object.keys(NUMBER_WORDS)), ...Object.keys(NUMBER_TENS)];
export const BOUND_STARTS = firstWords(Object.keys(BOUND_MODS));
export const VAGUE_COUNT_STARTS = firstWords(VAGUE_COUNTS);
export const UNIT_STARTS = [...Object.keys(UNITS), 'centuries'];
export const CLOCK_STARTS = [...DIGIT_STARTS, 'noon', 'midday', 'midnight'];
export const POSITION_STARTS = ['early', 'mid', 'late', 'the', 'beginning', 'start', 'middle', 'end'];
