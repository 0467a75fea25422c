// TempEval-3 Task A scoring of TIMEX3 extraction and normalisation, micro-averaged over all
// timexes of all documents (the DCT is never scored: the reader only lists timexes in <TEXT>).
//   relaxed match: an aligned (overlapping) gold/predicted pair;  strict: a pair with equal extents;
//   type / value accuracy: share of relaxed pairs whose type / value string is equal;
//   type / value F1: that accuracy × relaxed F1 (TE3 ranked systems by value F1).
import type { TimemlDocument, TimemlTimex } from '../../read/index.js';
import { alignTimexes } from './align.js';

/** A parsed document and the name that pairs gold with prediction (the file name). */
export interface NamedTimeml {
  name: string;
  document: TimemlDocument;
}

export interface TimexCounts {
  gold: number;
  predicted: number;
  /** Gold timexes with a relaxed match (equal to the number of pairs). */
  relaxed: number;
  strict: number;
  typeCorrect: number;
  valueCorrect: number;
}

export interface PrecisionRecall {
  precision: number;
  recall: number;
  f1: number;
}

export interface TypeBreakdown {
  /** Gold timexes of this type and predicted timexes of this type. */
  gold: number;
  predicted: number;
  /** Precision over predictions of this type, recall over gold timexes of this type. */
  relaxed: PrecisionRecall;
  /** Over relaxed pairs whose gold timex has this type. */
  valueAccuracy: number;
}

export type TimexErrorKind = 'missed' | 'spurious' | 'wrong-value' | 'wrong-type';

export interface TimexSide {
  text: string;
  type: string;
  value: string;
}

/** One scoring error, with what a reader needs to see why. */
export interface TimexError {
  kind: TimexErrorKind;
  file: string;
  /** The document's reference date (DCT value), against which relative values are computed. */
  dct: string;
  gold?: TimexSide;
  predicted?: TimexSide;
}

export interface TimexScore {
  documents: number;
  counts: TimexCounts;
  relaxed: PrecisionRecall;
  strict: PrecisionRecall;
  typeAccuracy: number;
  valueAccuracy: number;
  /** Accuracy × relaxed precision, recall and F1. */
  type: PrecisionRecall;
  value: PrecisionRecall;
  /** Keyed by TIMEX3 type (DATE, TIME, DURATION, SET, or whatever the files hold). */
  byType: Record<string, TypeBreakdown>;
  /** Every error, in document order. */
  errors: TimexError[];
}

/** Thrown when a prediction's untagged <TEXT> differs from the gold's, as the TE3 toolkit refuses it. */
export class TimexTextMismatchError extends Error {
  override name = 'TimexTextMismatchError';
}

/** With nothing to find and nothing found a system is perfect, as in the TE3 toolkit. */
function ratio(hits: number, total: number, nothingAtAll: boolean): number {
  if (total > 0) return hits / total;
  return nothingAtAll ? 1 : 0;
}

export function precisionRecall(
  matchedPredicted: number,
  predicted: number,
  matchedGold: number,
  gold: number,
): PrecisionRecall {
  const nothingAtAll = predicted === 0 && gold === 0;
  const precision = ratio(matchedPredicted, predicted, nothingAtAll);
  const recall = ratio(matchedGold, gold, nothingAtAll);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function scaled(base: PrecisionRecall, factor: number): PrecisionRecall {
  return { precision: base.precision * factor, recall: base.recall * factor, f1: base.f1 * factor };
}

function side(timex: TimemlTimex): TimexSide {
  return { text: timex.text, type: timex.type, value: timex.value };
}

function sameSpan(a: TimemlTimex, b: TimemlTimex): boolean {
  return a.span.start === b.span.start && a.span.end === b.span.end;
}

function checkSameText(name: string, gold: TimemlDocument, predicted: TimemlDocument): void {
  if (gold.text === predicted.text) return;
  let at = 0;
  while (at < gold.text.length && gold.text[at] === predicted.text[at]) at++;
  const around = (text: string) => JSON.stringify(text.slice(Math.max(0, at - 20), at + 20));
  throw new TimexTextMismatchError(
    `${name}: the predicted <TEXT> differs from the gold text at character ${at} once tags are removed ` +
      `(gold ${around(gold.text)}, predicted ${around(predicted.text)}); a system may only insert tags`,
  );
}

interface TypeTally {
  gold: number;
  predicted: number;
  matchedGold: number;
  matchedPredicted: number;
  valueCorrect: number;
}

function tallyFor(tallies: Map<string, TypeTally>, type: string): TypeTally {
  let tally = tallies.get(type);
  if (tally === undefined) {
    tally = { gold: 0, predicted: 0, matchedGold: 0, matchedPredicted: 0, valueCorrect: 0 };
    tallies.set(type, tally);
  }
  return tally;
}

/** Adds one document's pairs to the running counts and errors. */
function scoreDocument(
  name: string,
  gold: TimemlDocument,
  predicted: TimemlDocument,
  counts: TimexCounts,
  tallies: Map<string, TypeTally>,
  errors: TimexError[],
): void {
  checkSameText(name, gold, predicted);
  const dct = gold.dct?.value ?? '';
  const pairs = alignTimexes(
    gold.timexes.map((t) => t.span),
    predicted.timexes.map((t) => t.span),
  );
  const partnerOfGold = new Map(pairs.map((pair) => [pair.gold, pair.predicted]));
  const pairedPredictions = new Set(pairs.map((pair) => pair.predicted));
  counts.gold += gold.timexes.length;
  counts.predicted += predicted.timexes.length;
  for (const timex of predicted.timexes) tallyFor(tallies, timex.type).predicted++;
  gold.timexes.forEach((goldTimex, index) => {
    const tally = tallyFor(tallies, goldTimex.type);
    tally.gold++;
    const partnerIndex = partnerOfGold.get(index);
    if (partnerIndex === undefined) {
      errors.push({ kind: 'missed', file: name, dct, gold: side(goldTimex) });
      return;
    }
    const partner = predicted.timexes[partnerIndex]!;
    const valueRight = partner.value === goldTimex.value;
    const typeRight = partner.type === goldTimex.type;
    counts.relaxed++;
    tally.matchedGold++;
    tallyFor(tallies, partner.type).matchedPredicted++;
    if (sameSpan(goldTimex, partner)) counts.strict++;
    if (typeRight) counts.typeCorrect++;
    if (valueRight) {
      counts.valueCorrect++;
      tally.valueCorrect++;
    }
    if (!valueRight || !typeRight) {
      errors.push({
        kind: valueRight ? 'wrong-type' : 'wrong-value',
        file: name,
        dct,
        gold: side(goldTimex),
        predicted: side(partner),
      });
    }
  });
  predicted.timexes.forEach((timex, index) => {
    if (!pairedPredictions.has(index)) errors.push({ kind: 'spurious', file: name, dct, predicted: side(timex) });
  });
}

/**
 * Scores predictions against gold, pairing documents by name. Every gold document needs a
 * prediction (predictions without gold are ignored, as in the TE3 toolkit). Throws
 * TimexTextMismatchError when a pair's untagged texts differ.
 */
export function scoreTimex(goldDocs: readonly NamedTimeml[], predDocs: readonly NamedTimeml[]): TimexScore {
  const predictionsByName = new Map(predDocs.map((doc) => [doc.name, doc.document]));
  const missing = goldDocs.filter((doc) => !predictionsByName.has(doc.name)).map((doc) => doc.name);
  if (missing.length > 0)
    throw new Error(`no prediction for ${missing.length} gold document(s): ${missing.slice(0, 5).join(', ')}`);
  const counts: TimexCounts = { gold: 0, predicted: 0, relaxed: 0, strict: 0, typeCorrect: 0, valueCorrect: 0 };
  const tallies = new Map<string, TypeTally>();
  const errors: TimexError[] = [];
  for (const { name, document } of goldDocs)
    scoreDocument(name, document, predictionsByName.get(name)!, counts, tallies, errors);

  const nothingAtAll = counts.gold === 0 && counts.predicted === 0;
  const relaxed = precisionRecall(counts.relaxed, counts.predicted, counts.relaxed, counts.gold);
  const typeAccuracy = ratio(counts.typeCorrect, counts.relaxed, nothingAtAll);
  const valueAccuracy = ratio(counts.valueCorrect, counts.relaxed, nothingAtAll);
  const byType: Record<string, TypeBreakdown> = {};
  for (const [type, tally] of [...tallies].sort(([a], [b]) => a.localeCompare(b))) {
    byType[type] = {
      gold: tally.gold,
      predicted: tally.predicted,
      relaxed: precisionRecall(tally.matchedPredicted, tally.predicted, tally.matchedGold, tally.gold),
      valueAccuracy: ratio(tally.valueCorrect, tally.matchedGold, tally.gold === 0 && tally.predicted === 0),
    };
  }
  return {
    documents: goldDocs.length,
    counts,
    relaxed,
    strict: precisionRecall(counts.strict, counts.predicted, counts.strict, counts.gold),
    typeAccuracy,
    valueAccuracy,
    type: scaled(relaxed, typeAccuracy),
    value: scaled(relaxed, valueAccuracy),
    byType,
    errors,
  };
}

export interface ErrorGroup {
  kind: TimexErrorKind;
  /** The words, lower-cased: the gold text, or the predicted text for a spurious timex. */
  text: string;
  count: number;
  /** The first occurrence. */
  example: TimexError;
}

/** Errors grouped by kind and words, the most frequent first: what to fix next. */
export function worstErrors(errors: readonly TimexError[], limit: number): ErrorGroup[] {
  const groups = new Map<string, ErrorGroup>();
  for (const error of errors) {
    const text = (error.gold ?? error.predicted)!.text.toLowerCase();
    const key = `${error.kind}\u0000${text}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { kind: error.kind, text, count: 1, example: error });
  }
  return [...groups.values()]
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind) || a.text.localeCompare(b.text))
    .slice(0, limit);
}
