// tilse's five timeline ROUGE metrics (TimelineRougeEvaluator with rouge_1 and rouge_2) and its
// date precision/recall/F1. Each metric sums ROUGE counts over dates first and divides once.
import type { IsoDay } from '../../model.js';
import { contentBag, rougeApproximationOfBags, type TokenBag } from './content-cost.js';
import { linearSumAssignment } from './lsap.js';
import type { RougeResources } from './resources.js';
import { rougeCountsOfTokens, rougeTokens, type RougeCounts } from './rouge.js';
import { dayOrdinal, type TlsTimeline } from './timeline.js';

export const TLS_METRICS = [
  'concat',
  'agreement',
  'align_date_costs',
  'align_date_content_costs',
  'align_date_content_costs_many_to_one',
] as const;
export type TlsMetric = (typeof TLS_METRICS)[number];
export type AlignMetric = Exclude<TlsMetric, 'concat' | 'agreement'>;

export interface Prf {
  precision: number;
  recall: number;
  fScore: number;
}

/** The summed counts behind one score. Numerators are floats for the align metrics (date-weighted hits). */
export interface ScoreSums {
  precisionNumerator: number;
  precisionDenominator: number;
  recallNumerator: number;
  recallDenominator: number;
}

export interface NgramScore extends Prf {
  sums: ScoreSums;
}

/** Date pairs an align metric scored: [predicted, reference] for precision, [reference, predicted] for recall. */
export interface DateAlignment {
  precision: [IsoDay, IsoDay][];
  recall: [IsoDay, IsoDay][];
}

export interface MetricScore {
  rouge1: NgramScore;
  rouge2: NgramScore;
  /** Only for the align metrics. */
  alignment?: DateAlignment;
}

/** tilse's F: ((1+β²)·P·R)/(β²·P+R) with β = 1, written in the same operation order. */
export function fScore(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

function ratioOrZero(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

function scoreFromSums(sums: ScoreSums): NgramScore {
  const precision = ratioOrZero(sums.precisionNumerator, sums.precisionDenominator);
  const recall = ratioOrZero(sums.recallNumerator, sums.recallDenominator);
  return { precision, recall, fScore: fScore(precision, recall), sums };
}

const emptySums = (): ScoreSums => ({
  precisionNumerator: 0,
  precisionDenominator: 0,
  recallNumerator: 0,
  recallDenominator: 0,
});

/**
 * A prediction and its ground truth with every date's ROUGE tokens and content bag computed once:
 * the metrics score the same summaries against each other many times.
 */
export interface PreparedPair {
  predDates: IsoDay[];
  /** Sorted union of the reference dates. */
  refDates: IsoDay[];
  referenceCount: number;
  predTokens: ReadonlyMap<IsoDay, readonly string[]>;
  refTokens: readonly ReadonlyMap<IsoDay, readonly string[]>[];
  predBags: ReadonlyMap<IsoDay, TokenBag>;
  refBags: readonly ReadonlyMap<IsoDay, TokenBag>[];
  /** Whole-timeline token sequences (dates ascending) for concat. */
  predAllTokens: readonly string[];
  refAllTokens: readonly (readonly string[])[];
}

function mapValues<V, W>(map: ReadonlyMap<IsoDay, V>, f: (value: V) => W): Map<IsoDay, W> {
  return new Map([...map].map(([key, value]) => [key, f(value)]));
}

export function preparePair(pred: TlsTimeline, refs: readonly TlsTimeline[], resources: RougeResources): PreparedPair {
  if (refs.length === 0) throw new Error('TLS evaluation needs at least one reference timeline');
  const predTokens = mapValues(pred, (summary) => rougeTokens(summary, resources));
  const refTokens = refs.map((ref) => mapValues(ref, (summary) => rougeTokens(summary, resources)));
  return {
    predDates: [...pred.keys()].sort(),
    refDates: [...new Set(refs.flatMap((ref) => [...ref.keys()]))].sort(),
    referenceCount: refs.length,
    predTokens,
    refTokens,
    predBags: mapValues(pred, contentBag),
    refBags: refs.map((ref) => mapValues(ref, contentBag)),
    predAllTokens: [...predTokens.keys()].sort().flatMap((day) => predTokens.get(day) ?? []),
    refAllTokens: refTokens.map((ref) => [...ref.keys()].sort().flatMap((day) => ref.get(day) ?? [])),
  };
}

const NONE: readonly string[] = [];

/** ROUGE of the prediction on `predDay` against every reference on `refDay`; undefined = empty summary. */
function rougeAt(pair: PreparedPair, predDay: IsoDay | undefined, refDay: IsoDay | undefined): RougeCounts {
  const peer = predDay === undefined ? NONE : (pair.predTokens.get(predDay) ?? NONE);
  const models = pair.refTokens.map((ref) => (refDay === undefined ? NONE : (ref.get(refDay) ?? NONE)));
  return rougeCountsOfTokens(peer, models);
}

type PerN<T> = { rouge1: T; rouge2: T };
const NGRAM_KEYS = ['rouge1', 'rouge2'] as const;

function finish(sums: PerN<ScoreSums>, alignment?: DateAlignment): MetricScore {
  const score: MetricScore = { rouge1: scoreFromSums(sums.rouge1), rouge2: scoreFromSums(sums.rouge2) };
  if (alignment) score.alignment = alignment;
  return score;
}

/** concat: the whole prediction against each whole reference. Raises where tilse divides by zero. */
export function concatScore(pair: PreparedPair): MetricScore {
  const counts = rougeCountsOfTokens(pair.predAllTokens, pair.refAllTokens);
  const sums = { rouge1: emptySums(), rouge2: emptySums() };
  for (const n of NGRAM_KEYS) {
    const { hit, peerCount, modelCount } = counts[n];
    if (peerCount === 0 || modelCount === 0) {
      throw new Error(
        `concat: no ${n === 'rouge1' ? 'unigrams' : 'bigrams'} in the ${peerCount === 0 ? 'prediction' : 'references'} after stopword removal (tilse raises ZeroDivisionError)`,
      );
    }
    sums[n] = {
      precisionNumerator: hit,
      precisionDenominator: peerCount,
      recallNumerator: hit,
      recallDenominator: modelCount,
    };
  }
  return finish(sums);
}

/** agreement: same-day comparison over the union of predicted and reference dates. */
export function agreementScore(pair: PreparedPair): MetricScore {
  const sums = { rouge1: emptySums(), rouge2: emptySums() };
  const predSet = new Set(pair.predDates);
  const refSet = new Set(pair.refDates);
  for (const day of [...new Set([...pair.predDates, ...pair.refDates])].sort()) {
    const counts = rougeAt(pair, day, day);
    for (const n of NGRAM_KEYS) {
      if (predSet.has(day)) {
        sums[n].precisionNumerator += counts[n].hit;
        sums[n].precisionDenominator += counts[n].peerCount;
      }
      if (refSet.has(day)) {
        sums[n].recallNumerator += counts[n].hit;
        sums[n].recallDenominator += counts[n].modelCount;
      }
    }
  }
  return finish(sums);
}

function dayDistance(a: IsoDay, b: IsoDay): number {
  return Math.abs(dayOrdinal(a) - dayOrdinal(b));
}

/** 0 on the same day, 1/2 one day apart, 2/3 two days apart, ... */
function dateFactor(a: IsoDay, b: IsoDay): number {
  return 1 - 1 / (dayDistance(a, b) + 1);
}

function contentFactor(pair: PreparedPair, predDay: IsoDay, refDay: IsoDay): number {
  const predBag = pair.predBags.get(predDay) ?? new Map<string, number>();
  const refBags = pair.refBags.map((ref) => ref.get(refDay) ?? new Map<string, number>());
  return 1 - rougeApproximationOfBags(predBag, refBags);
}

/**
 * The precision-side cost matrix: rows = predicted dates, columns = reference dates. The recall
 * side uses its transpose (tilse builds it separately, with the same doubles).
 */
export function alignmentCosts(pair: PreparedPair, metric: AlignMetric): number[][] {
  return pair.predDates.map((predDay) =>
    pair.refDates.map((refDay) =>
      metric === 'align_date_costs'
        ? dateFactor(predDay, refDay)
        : dateFactor(predDay, refDay) * contentFactor(pair, predDay, refDay),
    ),
  );
}

function transpose(matrix: readonly (readonly number[])[], columns: number): number[][] {
  return Array.from({ length: columns }, (_, j) => matrix.map((row) => row[j]!));
}

/** numpy.argmin: the first index of the minimum, so among equal costs the earliest date wins. */
function argmin(row: readonly number[]): number {
  let best = 0;
  for (let j = 1; j < row.length; j++) if (row[j]! < row[best]!) best = j;
  return best;
}

/** (row, column) pairs: scipy's one-to-one assignment, or each row's cheapest column for m:1. */
function pairsOf(cost: readonly (readonly number[])[], manyToOne: boolean): [number, number][] {
  if (manyToOne) return cost.map((row, i) => [i, argmin(row)]);
  const { rows, cols } = linearSumAssignment(cost);
  return rows.map((row, k) => [row, cols[k]!]);
}

function addWeightedHits(
  sums: PerN<ScoreSums>,
  counts: RougeCounts,
  weight: number,
  side: 'precision' | 'recall',
): void {
  for (const n of NGRAM_KEYS) {
    if (side === 'precision') {
      sums[n].precisionNumerator += weight * counts[n].hit;
      sums[n].precisionDenominator += counts[n].peerCount;
    } else {
      sums[n].recallNumerator += weight * counts[n].hit;
      sums[n].recallDenominator += counts[n].modelCount;
    }
  }
}

/**
 * align (date cost), align+ (date × content cost) and align+ m:1. Matched pairs contribute
 * hits weighted by 1/(Δ+1) and full denominators; unmatched dates contribute denominators only.
 */
export function alignmentScore(pair: PreparedPair, metric: AlignMetric): MetricScore {
  if (pair.predDates.length === 0 || pair.refDates.length === 0) {
    throw new Error(
      `${metric}: needs at least one predicted and one reference date (tilse raises on an empty cost matrix)`,
    );
  }
  const manyToOne = metric === 'align_date_content_costs_many_to_one';
  const precisionCosts = alignmentCosts(pair, metric);
  const recallCosts = transpose(precisionCosts, pair.refDates.length);
  const sums = { rouge1: emptySums(), rouge2: emptySums() };
  const alignment: DateAlignment = { precision: [], recall: [] };

  const matchedPred = new Set<number>();
  for (const [i, j] of pairsOf(precisionCosts, manyToOne)) {
    const predDay = pair.predDates[i]!;
    const refDay = pair.refDates[j]!;
    matchedPred.add(i);
    alignment.precision.push([predDay, refDay]);
    addWeightedHits(sums, rougeAt(pair, predDay, refDay), 1 / (dayDistance(predDay, refDay) + 1), 'precision');
  }
  pair.predDates.forEach((predDay, i) => {
    if (!matchedPred.has(i)) addWeightedHits(sums, rougeAt(pair, predDay, undefined), 1, 'precision');
  });

  const matchedRef = new Set<number>();
  for (const [i, j] of pairsOf(recallCosts, manyToOne)) {
    const refDay = pair.refDates[i]!;
    const predDay = pair.predDates[j]!;
    matchedRef.add(i);
    alignment.recall.push([refDay, predDay]);
    addWeightedHits(sums, rougeAt(pair, predDay, refDay), 1 / (dayDistance(predDay, refDay) + 1), 'recall');
  }
  pair.refDates.forEach((refDay, i) => {
    if (!matchedRef.has(i)) addWeightedHits(sums, rougeAt(pair, undefined, refDay), 1, 'recall');
  });

  return finish(sums, alignment);
}

/** tilse evaluate_dates: precision/recall/F1 of the predicted dates against the union of reference dates. */
export function dateScore(predDates: readonly IsoDay[], refDates: readonly IsoDay[]): Prf {
  if (predDates.length === 0 || refDates.length === 0) {
    throw new Error(
      'date scores: needs at least one predicted and one reference date (tilse raises ZeroDivisionError)',
    );
  }
  const refSet = new Set(refDates);
  const shared = new Set(predDates.filter((day) => refSet.has(day))).size;
  const precision = shared / new Set(predDates).size;
  const recall = shared / refSet.size;
  return { precision, recall, fScore: fScore(precision, recall) };
}

export function metricScore(pair: PreparedPair, metric: TlsMetric): MetricScore {
  switch (metric) {
    case 'concat':
      return concatScore(pair);
    case 'agreement':
      return agreementScore(pair);
    default:
      return alignmentScore(pair, metric);
  }
}
