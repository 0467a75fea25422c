// Sentence boundaries for news text, decided on the token stream (one tokenizer pass serves both
// splitting and the per-sentence tokens). A rule splitter rather than wink-nlp: it is several times
// faster, and the hard news cases (titles, initialisms, initials, closing quotes, datelines) are
// exactly the ones a small abbreviation lexicon settles.
import { WEEKDAY_NAMES } from '../calendar.js';
import type { Span } from '../model.js';
import { NON_TERMINAL_ABBREVIATIONS } from './lexicon/abbreviations.js';
import { tokenSpans, type TokenSpan } from './tokens.js';

const TERMINAL = /^[.!?]+$|^…$|^\.{2,}$/;
const ELLIPSIS = /^(?:…|\.{2,})$/;
const CLOSING = new Set(['"', '”', '’', "'", "''", ')', ']', '-RRB-', '-RSB-']);

// Capitalised words that begin sentences but never continue a name, so after an ambiguous full stop
// ("in the U.S. The", "Plan B. He") they show that a new sentence has started.
const SENTENCE_STARTERS = new Set([
  'A',
  'An',
  'The',
  'He',
  'She',
  'It',
  'They',
  'We',
  'I',
  'You',
  'His',
  'Her',
  'Its',
  'Their',
  'Our',
  'This',
  'That',
  'These',
  'Those',
  'There',
  'Here',
  'But',
  'And',
  'Or',
  'So',
  'Yet',
  'In',
  'On',
  'At',
  'For',
  'With',
  'After',
  'Before',
  'When',
  'While',
  'Since',
  'As',
  'If',
  'Although',
  'However',
  'Meanwhile',
  'Earlier',
  'Later',
  'Last',
  'Now',
  'Some',
  'Many',
  'Most',
  'No',
  'Officials',
  'Police',
  'Authorities',
  'Witnesses',
  'Residents',
  'What',
  'Why',
  'How',
  'Who',
]);

// Words that follow "a.m."/"p.m." inside a sentence: "10 a.m. Monday", "9 p.m. GMT".
const TIME_CONTINUATIONS = new Set([
  ...WEEKDAY_NAMES,
  'GMT',
  'UTC',
  'EST',
  'EDT',
  'CST',
  'CDT',
  'PST',
  'PDT',
  'ET',
  'PT',
  'CET',
  'BST',
  'local',
]);

/** The spans of the sentences of a text. `text.slice(start, end)` is the sentence, trimmed. */
export function splitSentences(text: string): Span[] {
  return sentenceTokens(text, tokenSpans(text)).map(spanOfTokens);
}

/**
 * The index of the sentence (of `spans`, ordered by start) containing an offset, or of the last one
 * starting before it; 0 before the first. A binary search.
 */
export function sentenceIndexAt(spans: readonly Span[], offset: number): number {
  let low = 0;
  let high = spans.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((spans[middle] as Span).start <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The span from a sentence's first token to its last. */
export function spanOfTokens(tokens: readonly TokenSpan[]): Span {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (first === undefined || last === undefined) throw new Error('a sentence has at least one token');
  return { start: first.start, end: last.end };
}

/** Groups a text's tokens (from `tokenSpans(text)`) into sentences. */
export function sentenceTokens(text: string, tokens: readonly TokenSpan[]): TokenSpan[][] {
  const lineMode = isOneSentencePerLine(text);
  const sentences: TokenSpan[][] = [];
  let current: TokenSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as TokenSpan;
    current.push(token);
    const next = tokens[i + 1];
    if (next === undefined) break;
    const ends = lineMode ? text.slice(token.end, next.start).includes('\n') : endsAt(text, tokens, i);
    if (!ends) continue;
    // Closing quotes and brackets after the stop belong to the sentence they close.
    if (!lineMode) {
      while (i + 1 < tokens.length && isClosing(tokens, i + 1)) current.push(tokens[++i] as TokenSpan);
    }
    if (i + 1 < tokens.length) {
      sentences.push(current);
      current = [];
    }
  }
  if (current.length > 0) sentences.push(current);
  return sentences;
}

/**
 * Timeline17 and similar corpora come tokenised PTB-style, one sentence per line: punctuation stands
 * apart (" , ", " . "). Their line breaks are the sentence boundaries and must be kept as they are.
 */
export function isOneSentencePerLine(text: string): boolean {
  if (!text.includes('\n')) return false;
  const detached = countMatches(text, /\s[.,;:!?](?=\s|$)/g);
  const attached = countMatches(text, /\p{Ll}[.,;:!?](?=\s|$)/gu);
  return detached >= 3 && detached > 3 * attached;
}

function countMatches(text: string, pattern: RegExp): number {
  let count = 0;
  for (const _ of text.matchAll(pattern)) count++;
  return count;
}

/** Whether a sentence ends after token i (or after the quotes and brackets that close on it). */
function endsAt(text: string, tokens: readonly TokenSpan[], i: number): boolean {
  const token = tokens[i] as TokenSpan;
  const followerIndex = indexAfterClosers(tokens, i);
  const follower = tokens[followerIndex];
  if (follower === undefined) return true;
  const lastOfSentence = tokens[followerIndex - 1] as TokenSpan;
  if (isLineBreak(text.slice(lastOfSentence.end, follower.start), follower.text)) return true;
  if (TERMINAL.test(token.text)) {
    if (ELLIPSIS.test(token.text)) return startsUpper(follower.text);
    // "R-Ind., said" and "he said. and" read on; anything else after a stop opens a new sentence.
    return !startsLower(follower.text) && !/^[,;:]/.test(follower.text);
  }
  if (token.text.length > 1 && token.text.endsWith('.')) return abbreviationEnds(token.text, follower.text);
  return false;
}

/** A blank line always ends a sentence; a single line break does unless the next line reads on in lowercase. */
function isLineBreak(gap: string, nextText: string): boolean {
  const newlines = countMatches(gap, /\n/g);
  return newlines >= 2 || (newlines === 1 && !startsLower(nextText));
}

/** After a word ending in a full stop ("U.S.", "Inc.", "J.", "a.m."), whether the stop also ends the sentence. */
function abbreviationEnds(abbreviation: string, nextText: string): boolean {
  if (NON_TERMINAL_ABBREVIATIONS.has(abbreviation)) return false;
  if (SENTENCE_STARTERS.has(nextText) || /^["“‘]/.test(nextText)) return true;
  if (abbreviation === 'a.m.' || abbreviation === 'p.m.') {
    return startsUpper(nextText) && !TIME_CONTINUATIONS.has(nextText);
  }
  return false;
}

function indexAfterClosers(tokens: readonly TokenSpan[], i: number): number {
  let j = i + 1;
  while (j < tokens.length && isClosing(tokens, j)) j++;
  return j;
}

/** A quote or bracket closes what precedes it when it sits right against it (`stay."`), not when spaced (` "We`). */
function isClosing(tokens: readonly TokenSpan[], j: number): boolean {
  const token = tokens[j] as TokenSpan;
  const previous = tokens[j - 1];
  if (!CLOSING.has(token.text)) return false;
  if (token.text === '”' || token.text === "''" || token.text.startsWith('-R')) return true;
  return previous !== undefined && previous.end === token.start;
}

function startsUpper(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

function startsLower(word: string): boolean {
  return /^\p{Ll}/u.test(word);
}
