// Reported figures: "500 people", "1.5 million tonnes", "hundreds of people", "three children",
// "9 percent". Years, dates, clock times, ordinals, ages and codes ("Route 9", "U.S. 1") are numbers
// but not counts, and are left out.
import type { Quantity } from '../model.js';
import { MONTH_NAMES } from '../calendar.js';
import { MONTH_ABBREVIATIONS } from './lexicon/abbreviations.js';
import { NUMBER_TEENS, NUMBER_TENS, NUMBER_UNITS } from './lexicon/numbers.js';
import { tokenSpans, type TokenSpan } from './tokens.js';

const UNITS_WORDS: Record<string, number> = { ...NUMBER_UNITS, ...NUMBER_TEENS };
const TENS_WORDS = NUMBER_TENS;
const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
  trillion: 1e12,
};
/** "hundreds of", "dozens of": vague amounts, valued at their lower bound. */
const VAGUE_PLURALS: Record<string, number> = {
  tens: 10,
  dozens: 12,
  scores: 20,
  hundreds: 100,
  thousands: 1_000,
  millions: 1_000_000,
  billions: 1_000_000_000,
};

/** Words before a number that make it an estimate: "some 500", "more than 20", "at least 7". */
const APPROXIMATORS: readonly string[][] = [
  ['more', 'than'],
  ['less', 'than'],
  ['fewer', 'than'],
  ['at', 'least'],
  ['up', 'to'],
  ['as', 'many', 'as'],
  ['close', 'to'],
  ['an', 'estimated'],
  ['some'],
  ['about'],
  ['around'],
  ['nearly'],
  ['almost'],
  ['over'],
  ['roughly'],
  ['approximately'],
  ['approx.'],
  ['estimated'],
  ['under'],
];

const MONTHS = new Set([...MONTH_NAMES, ...MONTH_ABBREVIATIONS.map((m) => `${m}.`)]);
const TIME_WORDS = new Set(['a.m.', 'p.m.', 'am', 'pm', "o'clock", 'GMT', 'UTC', 'EST', 'ET', 'hrs', 'BST']);
const PERCENT_WORDS = new Set(['percent', 'pct', '%']);

// Words after a number that are not what it counts: "killed 15 in the attack", "rose to 20 from 15".
const NOT_UNITS = new Set([
  'of',
  'in',
  'on',
  'at',
  'to',
  'from',
  'by',
  'for',
  'and',
  'or',
  'but',
  'with',
  'the',
  'a',
  'an',
  'were',
  'was',
  'are',
  'is',
  'have',
  'had',
  'has',
  'will',
  'would',
  'could',
  'who',
  'which',
  'that',
  'than',
  'as',
  'more',
  'less',
  'other',
  'others',
  'per',
  'each',
  'after',
  'before',
  'since',
  'over',
  'under',
  'said',
  'this',
  'these',
  'those',
  'it',
  'they',
  'he',
  'she',
  'we',
  'times',
  'years',
  'year',
  'months',
  'weeks',
  'days',
  'hours',
  'minutes',
  'seconds',
  'ago',
  'later',
  'earlier',
]);

/** Lowercase words that can open a quantity; any other token that does not start with a digit cannot. */
const OPENING_WORDS: ReadonlySet<string> = new Set([
  ...APPROXIMATORS.map((words) => words[0] as string),
  ...Object.keys(UNITS_WORDS),
  ...Object.keys(TENS_WORDS),
  ...Object.keys(VAGUE_PLURALS),
  'a',
  'dozen',
]);

/** Plural nouns without a final "s", and unit abbreviations, that can follow a number. */
const IRREGULAR_PLURALS = new Set([
  'people',
  'men',
  'women',
  'children',
  'feet',
  'teeth',
  'geese',
  'mice',
  'police',
  'personnel',
  'staff',
  'cattle',
  'sheep',
  'fish',
  'aircraft',
  'livestock',
  'crew',
  'km',
  'kg',
  'mph',
  'mm',
  'cm',
  'ft',
  'lb',
  'mw',
  'gw',
]);

/** The quantities of a text. Spans are offsets into `text`; pass the tokens when already computed. */
export function findQuantities(text: string, tokens: readonly TokenSpan[] = tokenSpans(text)): Quantity[] {
  const quantities: Quantity[] = [];
  let i = 0;
  while (i < tokens.length) {
    const found = mayOpenQuantity(tokens[i] as TokenSpan) ? quantityAt(text, tokens, i) : undefined;
    if (found === undefined) {
      i++;
      continue;
    }
    quantities.push(found.quantity);
    i = found.next;
  }
  return quantities;
}

function mayOpenQuantity(token: TokenSpan): boolean {
  const code = token.text.charCodeAt(0);
  if (code >= 48 && code <= 57) return true;
  return OPENING_WORDS.has(token.text.toLowerCase()) || token.text.includes('-');
}

interface Amount {
  value: number;
  /** Index of the first token after the amount. */
  end: number;
  /** A vague plural ("hundreds"), which must be followed by "of" and what it counts. */
  vague: boolean;
  /** An estimate by its wording: vague plurals and "a dozen". */
  approximate: boolean;
  /** Written in words ("three"): without a counted noun such words are too often not a count ("one of"). */
  inWords: boolean;
  percent: boolean;
}

function quantityAt(
  text: string,
  tokens: readonly TokenSpan[],
  i: number,
): { quantity: Quantity; next: number } | undefined {
  const approximator = approximatorAt(tokens, i);
  const numberStart = i + approximator;
  const amount = amountAt(tokens, numberStart);
  if (amount === undefined) return undefined;
  if (approximator === 0 && !isCount(tokens, numberStart, amount)) return undefined;
  let end = amount.end;
  let unit = '';
  if (amount.percent) unit = 'percent';
  else {
    // "hundreds of people", "tens of thousands of refugees": what is counted follows "of".
    const unitStart = amount.approximate && amount.inWords && tokens[end]?.text === 'of' ? end + 1 : end;
    const unitTokens = unitAt(tokens, unitStart, amount.value);
    if (unitTokens > 0) {
      end = unitStart + unitTokens;
      unit = text.slice((tokens[unitStart] as TokenSpan).start, (tokens[end - 1] as TokenSpan).end);
    }
  }
  // A figure in words needs what it counts ("one of them" is no count), except a compound such as
  // "tens of thousands", which is a figure by itself.
  const compound = amount.approximate && amount.inWords && !amount.vague && amount.value >= 100;
  if (unit === '' && (amount.inWords || amount.vague) && !compound) return undefined;
  if (amount.vague && tokens[amount.end]?.text !== 'of') return undefined;
  const start = (tokens[i] as TokenSpan).start;
  const stop = (tokens[end - 1] as TokenSpan).end;
  return {
    quantity: {
      text: text.slice(start, stop),
      span: { start, end: stop },
      value: amount.value,
      approximate: approximator > 0 || amount.approximate,
      unit,
    },
    next: end,
  };
}

/** How many tokens of an approximator ("more than") start at i, or 0. */
function approximatorAt(tokens: readonly TokenSpan[], i: number): number {
  for (const words of APPROXIMATORS) {
    const matches = words.every((word, k) => tokens[i + k]?.text.toLowerCase() === word);
    if (matches && amountAt(tokens, i + words.length) !== undefined) return words.length;
  }
  return 0;
}

/** A number at token i: digits, number words, "a dozen", scales ("1.5 million"), vague plurals. */
function amountAt(tokens: readonly TokenSpan[], i: number): Amount | undefined {
  const token = tokens[i];
  if (token === undefined) return undefined;
  const word = token.text.toLowerCase();
  const vague = VAGUE_PLURALS[word];
  if (vague !== undefined) {
    // "tens of thousands", "hundreds of thousands": a figure on its own, counted from the product.
    const scale = tokens[i + 1]?.text === 'of' ? VAGUE_PLURALS[tokens[i + 2]?.text.toLowerCase() ?? ''] : undefined;
    if (scale !== undefined)
      return { value: vague * scale, end: i + 3, vague: false, approximate: true, inWords: true, percent: false };
    return { value: vague, end: i + 1, vague: true, approximate: true, inWords: true, percent: false };
  }
  let value: number | undefined;
  let inWords = false;
  let percent = false;
  let end = i + 1;
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?%?$|^\d+(?:\.\d+)?%?$/.test(token.text)) {
    percent = token.text.endsWith('%');
    value = Number(token.text.replace(/[,%]/g, ''));
  } else if (word === 'a' && tokens[i + 1]?.text === 'dozen') {
    value = 12;
    end = i + 2;
    inWords = true;
  } else {
    value = numberWordValue(word);
    inWords = value !== undefined;
  }
  if (value === undefined) return undefined;
  const scale = SCALES[tokens[end]?.text.toLowerCase() ?? ''];
  if (scale !== undefined && !percent) {
    value *= scale;
    end++;
  }
  if (!percent && PERCENT_WORDS.has(tokens[end]?.text.toLowerCase() ?? '')) {
    percent = true;
    end++;
  } else if (!percent && tokens[end]?.text === 'per' && tokens[end + 1]?.text === 'cent') {
    percent = true;
    end += 2;
  }
  return { value: Math.round(value * 1000) / 1000, end, vague: false, approximate: word === 'a', inWords, percent };
}

/** "seven", "twenty", "twenty-five", "dozen". */
function numberWordValue(word: string): number | undefined {
  if (word === 'dozen') return 12;
  const simple = UNITS_WORDS[word] ?? TENS_WORDS[word];
  if (simple !== undefined) return simple;
  const [tens, units] = word.split('-');
  if (tens === undefined || units === undefined) return undefined;
  const tensValue = TENS_WORDS[tens];
  const unitsValue = UNITS_WORDS[units];
  return tensValue !== undefined && unitsValue !== undefined && unitsValue < 10 ? tensValue + unitsValue : undefined;
}

/** Whether a bare number counts something, rather than being a year, date, time or code. */
function isCount(tokens: readonly TokenSpan[], i: number, amount: Amount): boolean {
  const token = tokens[i] as TokenSpan;
  const previous = tokens[i - 1];
  const next = tokens[amount.end];
  if (!amount.inWords && /^(?:1[89]|20)\d\d$/.test(token.text)) return false; // a year
  if (previous !== undefined && MONTHS.has(previous.text)) return false; // "March 5"
  if (next !== undefined && (MONTHS.has(next.text) || TIME_WORDS.has(next.text))) return false; // "5 March", "10 a.m."
  // A number right after a capitalised word or an abbreviation is a code: "Route 9", "U.S. 1", "No. 3".
  return amount.inWords || previous === undefined || !/^\p{Lu}/u.test(previous.text);
}

/**
 * How many tokens (0, 1 or 2) name what is counted: "people", "aid trucks", "university students". More
 * than one of something is plural, which keeps adjectives out: "three former ministers" is not "three former".
 */
function unitAt(tokens: readonly TokenSpan[], i: number, value: number): number {
  const first = tokens[i];
  if (first === undefined || !isUnitWord(first.text)) return 0;
  const second = tokens[i + 1];
  // A modifier before the counted noun does not end in a plural "-s" itself ("police officers", "aid trucks").
  if (second !== undefined && isUnitWord(second.text) && !isRegularPlural(first.text) && isPlural(second.text))
    return 2;
  return value === 1 || isPlural(first.text) ? 1 : 0;
}

function isRegularPlural(word: string): boolean {
  return /[^su]s$/u.test(word);
}

function isPlural(word: string): boolean {
  return isRegularPlural(word) || IRREGULAR_PLURALS.has(word.toLowerCase());
}

/** A word that can name what is counted; participles and adverbs ("20 killed", "15 injured") cannot. */
function isUnitWord(word: string): boolean {
  if (/(?:ed|ing|ly)$/.test(word)) return false;
  return /^\p{L}[\p{L}-]*$/u.test(word) && !NOT_UNITS.has(word.toLowerCase()) && /^\p{Ll}|^\p{Lu}\p{Ll}+s$/u.test(word);
}
