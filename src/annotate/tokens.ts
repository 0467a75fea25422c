// A news tokenizer in one regex pass. News words that a whitespace/punctuation split would break
// stay whole: "U.S.-backed", "al-Hol", "2,000", "$1.5", "3.5%", "Gen.", "p.m.". Possessive and
// verb clitics are split off PTB-style ("Baghouz's" → "Baghouz", "'s") so that a name is the same
// token with or without its possessive, and so that our tokens line up with already-tokenised PTB
// input (Timeline17). Negative contractions ("couldn't") stay whole: nothing downstream needs "n't".
// Quotes and brackets are always tokens of their own.
import { ALL_ABBREVIATIONS } from './lexicon/abbreviations.js';

/** A token and where it sits in the string it was cut from. */
export interface TokenSpan {
  text: string;
  start: number;
  end: number;
}

const CLITIC = String.raw`['’](?:s|re|ve|ll|d|m)(?![\p{L}\p{N}])`;
// A word segment: an initialism ("U.S.", "p.m.") or letters/digits with inner apostrophes
// ("O'Brien", "d'Ivoire") that are not a clitic.
const SEGMENT = String.raw`(?:(?:\p{L}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:(?!${CLITIC})['’][\p{L}\p{N}]+)*)`;
// A number never runs straight into a letter: "5th" and "3D" are words, not 5 and 3.
const NUMBER = String.raw`[$€£¥]?\d+(?:[.,:]\d+)*%?(?![\p{L}\p{N}])`;

const TOKEN_PATTERN = new RegExp(
  [
    String.raw`https?://[^\s"“”<>]*[^\s"“”<>.,;:!?)\]'’]`, // URLs, without trailing punctuation
    String.raw`-[LR][RCS]B-`, // PTB brackets: -LRB-, -RRB-, -LCB-, ...
    '``', // PTB opening quote
    "''", // PTB closing quote
    `(?:${ALL_ABBREVIATIONS.join('|')})\\.(?![\\p{L}\\p{N}])`, // "Gen.", "Jan.", "Inc."
    String.raw`\p{Lu}\.(?=\s+\p{Lu})`, // a middle initial: "George W. Bush"
    `${NUMBER}(?:-${SEGMENT})*`, // "2,000", "$1.5", "3.5%", "19-year-old"
    `${SEGMENT}(?:-${SEGMENT})*`, // words, "U.S.-backed", "al-Hol", "two-week"
    CLITIC, // "'s", "'re"
    String.raw`\.{2,}|-{2,}`, // "...", "--"
    String.raw`\S`, // any other character is a token on its own
  ].join('|'),
  'gu',
);

/** The tokens of a text with their offsets. */
export function tokenSpans(text: string): TokenSpan[] {
  const spans: TokenSpan[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const start = match.index;
    spans.push({ text: match[0], start, end: start + match[0].length });
  }
  return spans;
}

/** Splits a sentence into tokens. */
export function tokenize(sentence: string): string[] {
  return sentence.match(TOKEN_PATTERN) ?? [];
}
