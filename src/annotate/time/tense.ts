// Reads the tense of the clause around a temporal expression, from the nearest tense cue: a bare
// "Monday" after "will" points forward, after "said" points back.
import type { Span } from '../../model.js';
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

// A sentence ends at . ! ? or ; followed by a capitalised word, or at a line break. Quotes may
// close and open around the break, also as doubled ASCII quotes: "a response.'' McCurry said".
// The full stop of a title or an initial ("Dr. Slepian", "James C. Kopp", "Roe vs. Wade") ends
// no sentence.
// This is not the article's sentence splitter (annotate/sentences.ts), and the two disagree: this one
// also ends a sentence at "; The", at any line break and after "p.m." before a capital ("5 p.m. EST
// Nov. 9"). Taking the splitter's sentences instead changes tagged values (TempEval-3 AQUAINT value
// F1 77.34 → 77.51, 85 timexes of 33 Timeline17 articles), so it waits for a change made for that.
const SENTENCE_BREAK =
  /(?<!\b(?:Mr|Mrs|Ms|Dr|Gen|Gov|Sen|Rep|Sgt|Col|Lt|Capt|Prof|Rev|St|vs|\s\p{Lu}|\.\p{Lu}))[.!?;]["”’')]*\s+(?=["“‘(`']*\p{Lu})|\n/gu;

// Tense cues further away than this belong to another sentence anyway; the bound keeps long
// articles linear.
const SEARCH_WINDOW = 600;

/** The sentence an expression sits in (bounded to a window around it). */
export function sentenceAround(text: string, span: Span): Span {
  const windowStart = Math.max(0, span.start - SEARCH_WINDOW);
  const windowEnd = Math.min(text.length, span.end + SEARCH_WINDOW);
  let start = windowStart;
  let end = windowEnd;
  for (const m of text.slice(windowStart, windowEnd).matchAll(SENTENCE_BREAK)) {
    const breakStart = windowStart + m.index;
    const breakEnd = breakStart + m[0].length;
    if (breakEnd <= span.start) start = breakEnd;
    // An abbreviation's full stop can end both the expression and its sentence: "after 8 p.m. The".
    else if (breakEnd > span.end) {
      end = Math.max(breakStart, span.end);
      break;
    }
  }
  return { start, end };
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
export function tenseReader(text: string): (span: Span) => TenseReading {
  let cues: Cue[] | undefined;
  return (span) => {
    const sentence = sentenceAround(text, span);
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
