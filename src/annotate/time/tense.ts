// Reads the tense of the clause around a temporal expression, from the nearest tense cue: a bare
// "Monday" after "will" points forward, after "said" points back.
import type { Span } from '../../model.js';
import { sentenceIndexAt } from '../sentences.js';
import { FUTURE_CUES, MODAL_CUES, PAST_CUES } from './lexicon.js';

export interface TenseReading {
  /** 'modal': a "would"/"could" future in reported speech, trusted for weekdays only. */
  tense: 'past' | 'future' | 'modal' | 'unclear';
  /** The words that decided it ("will", "said"), when something did. */
  cue?: string;
}

interface Cue {
  tense: 'past' | 'future' | 'modal';
  text: string;
  start: number;
  end: number;
}

// Tense cues further away than this belong to another sentence anyway; the bound keeps long
// articles linear, whatever the length of a sentence.
const SEARCH_WINDOW = 600;

/**
 * The sentence an expression sits in, from the article's sentences (annotate/sentences.ts, ordered
 * by start), bounded to a window around it. An expression that runs past its sentence's end takes
 * the sentence on to its own end; one that starts between sentences belongs to the one before.
 */
export function sentenceOf(sentences: readonly Span[], span: Span): Span {
  const sentence = sentences[sentenceIndexAt(sentences, span.start)] ?? span;
  return {
    start: Math.max(Math.min(sentence.start, span.start), span.start - SEARCH_WINDOW),
    end: Math.min(Math.max(sentence.end, span.end), span.end + SEARCH_WINDOW),
  };
}

/** Every cue pattern with its tense, compiled once as a global pattern for matchAll. */
const CUE_PATTERNS: { tense: Cue['tense']; pattern: RegExp }[] = [
  ...FUTURE_CUES.map((pattern) => ({ tense: 'future' as const, pattern })),
  ...MODAL_CUES.map((pattern) => ({ tense: 'modal' as const, pattern })),
  ...PAST_CUES.map((pattern) => ({ tense: 'past' as const, pattern })),
].map(({ tense, pattern }) => ({ tense, pattern: new RegExp(pattern.source, pattern.flags + 'g') }));

/** Every cue in the text, found in one pass per pattern and ordered by start: an article's expressions then only pick from them. */
function cuesOf(text: string): Cue[] {
  return CUE_PATTERNS.flatMap(({ tense, pattern }) =>
    [...text.matchAll(pattern)].map((m) => ({ tense, text: m[0], start: m.index, end: m.index + m[0].length })),
  ).sort((a, b) => a.start - b.start);
}

const DEADLINE_BEFORE = /\b(by|until|till)\s+$/i;
const DEFERRED_UNTIL =
  /\b(?:postpone|delay|extend|adjourn|defer|suspend|put\s+off|push(?:ed)?\s+back)\w*\b[^.;,]{0,40}?\b(?:until|till)\s+$/i;

// Where one clause ends and another begins: punctuation, a quotation mark, or a word that opens a
// subordinate clause. "X will stay even after the court on Thursday refused" puts Thursday with
// "refused", not with "will".
const CLAUSE_BREAK =
  /[,;:()"“”]|``|''|\b(?:after|before|when|while|because|although|though|but|whereas|which|who)\b/giu;

/** The clause an expression sits in, within its sentence. */
function clauseAround(text: string, span: Span, sentence: Span): Span {
  let start = sentence.start;
  let end = sentence.end;
  for (const m of text.slice(sentence.start, sentence.end).matchAll(CLAUSE_BREAK)) {
    const breakStart = sentence.start + m.index;
    const breakEnd = breakStart + m[0].length;
    if (breakEnd <= span.start) start = breakEnd;
    else if (breakStart >= span.end) {
      end = breakStart;
      break;
    }
  }
  return { start, end };
}

/** The cues starting inside `range`, from cues ordered by start: a binary search, so long texts stay linear. */
function cuesFrom(cues: readonly Cue[], range: Span): Cue[] {
  let low = 0;
  let high = cues.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cues[middle]!.start < range.start) low = middle + 1;
    else high = middle;
  }
  const found: Cue[] = [];
  for (let i = low; i < cues.length && cues[i]!.start < range.end; i++)
    if (cues[i]!.end <= range.end) found.push(cues[i]!);
  return found;
}

/** The closest cue before the expression, or else the first after it, within `scope`. */
function nearestCue(cues: readonly Cue[], span: Span, scope: Span): Cue | undefined {
  const before = cuesFrom(cues, { start: scope.start, end: span.start });
  const after = cuesFrom(cues, { start: span.end, end: scope.end });
  // Ties on the end go to the longer cue: "expected to" over "expected".
  const nearestBefore = before.sort((a, b) => b.end - a.end || a.start - b.start)[0];
  const firstAfter = after.sort((a, b) => a.start - b.start || b.end - a.end)[0];
  return nearestBefore ?? firstAfter;
}

/**
 * Reads the tense of any expression in one text. The tense of the clause an expression sits in is
 * the closest cue before it in its clause, or, failing that, the first cue after it ("On Thursday,
 * parliament will vote"); with no cue in its clause, the same search over its whole sentence.
 */
export function tenseReader(text: string, sentences: readonly Span[]): (span: Span) => TenseReading {
  let cues: Cue[] | undefined;
  return (span) => {
    const sentence = sentenceOf(sentences, span);
    // "officials postponed until Tuesday any action": whatever the tense of the deferral, the day it
    // was put off to lies ahead of it.
    const deferral = DEFERRED_UNTIL.exec(text.slice(sentence.start, span.start));
    if (deferral) return { tense: 'future', cue: deferral[0].replace(/\s+/g, ' ').trim() };
    cues ??= cuesOf(text);
    const cue = nearestCue(cues, span, clauseAround(text, span, sentence)) ?? nearestCue(cues, span, sentence);
    if (cue) return { tense: cue.tense, cue: cue.text.replace(/\s+/g, ' ') };
    // With no verb to go by, "by the end of May" or "until Sunday" sets a deadline, and deadlines lie ahead.
    const deadline = DEADLINE_BEFORE.exec(text.slice(Math.max(sentence.start, span.start - 20), span.start));
    return deadline ? { tense: 'future', cue: deadline[1]! } : { tense: 'unclear' };
  };
}
