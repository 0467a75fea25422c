// Strict NER scoring under the CoNLL convention the judges use for Chronicle's mentions: a predicted
// mention is right only with the same character span and the same class; PER, ORG and LOC are
// scored and micro-averaged; a prediction overlapping a gold MISC entity counts neither way, since
// Chronicle has no class for it.
import type { ConllClass, EntitySpan } from './conll.js';

export type ScoredClass = Exclude<ConllClass, 'MISC'>;
export const SCORED_CLASSES: readonly ScoredClass[] = ['PER', 'ORG', 'LOC'];

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface PrecisionRecallF1 extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface NerScore {
  perClass: Record<ScoredClass, PrecisionRecallF1>;
  micro: PrecisionRecallF1;
}

const emptyCounts = (): Counts => ({ truePositives: 0, falsePositives: 0, falseNegatives: 0 });

export function emptyTally(): Record<ScoredClass, Counts> {
  return { PER: emptyCounts(), ORG: emptyCounts(), LOC: emptyCounts() };
}

const overlaps = (a: EntitySpan, b: EntitySpan) => a.start < b.end && b.start < a.end;

/**
 * Adds one article's counts to `tally`. `predicted` may hold MISC (it is ignored) and need not be
 * sorted; each gold entity matches at most one prediction.
 */
export function tallyArticle(
  tally: Record<ScoredClass, Counts>,
  gold: readonly EntitySpan[],
  predicted: readonly EntitySpan[],
): void {
  const misc = gold.filter((entity) => entity.type === 'MISC');
  const unmatched = new Map<string, number>();
  const keyOf = (entity: EntitySpan) => `${entity.start}:${entity.end}:${entity.type}`;
  for (const entity of gold) {
    if (entity.type === 'MISC') continue;
    unmatched.set(keyOf(entity), (unmatched.get(keyOf(entity)) ?? 0) + 1);
  }
  for (const entity of predicted) {
    if (entity.type === 'MISC' || misc.some((other) => overlaps(entity, other))) continue;
    const key = keyOf(entity);
    const left = unmatched.get(key) ?? 0;
    if (left > 0) {
      unmatched.set(key, left - 1);
      tally[entity.type].truePositives++;
    } else tally[entity.type].falsePositives++;
  }
  for (const [key, left] of unmatched) tally[key.split(':')[2] as ScoredClass].falseNegatives += left;
}

/** Precision, recall and F1 of counts; 0 where a ratio has nothing to divide by. */
export function precisionRecallF1(counts: Counts): PrecisionRecallF1 {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = counts;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
}

/** Per-class and micro-averaged scores of a tally. */
export function scoreOfTally(tally: Record<ScoredClass, Counts>): NerScore {
  const total = emptyCounts();
  for (const type of SCORED_CLASSES) {
    total.truePositives += tally[type].truePositives;
    total.falsePositives += tally[type].falsePositives;
    total.falseNegatives += tally[type].falseNegatives;
  }
  return {
    perClass: {
      PER: precisionRecallF1(tally.PER),
      ORG: precisionRecallF1(tally.ORG),
      LOC: precisionRecallF1(tally.LOC),
    },
    micro: precisionRecallF1(total),
  };
}

/** Scores many articles at once: gold and predicted entities, article by article. */
export function scoreArticles(
  articles: readonly { gold: readonly EntitySpan[]; predicted: readonly EntitySpan[] }[],
): NerScore {
  const tally = emptyTally();
  for (const { gold, predicted } of articles) tallyArticle(tally, gold, predicted);
  return scoreOfTally(tally);
}

/** The score as a table: one row per class, then micro. */
export function formatNerScore(score: NerScore): string {
  const row = (name: string, s: PrecisionRecallF1) =>
    `${name.padEnd(6)}${[s.precision, s.recall, s.f1].map((v) => (100 * v).toFixed(2).padStart(10)).join('')}${String(s.truePositives + s.falseNegatives).padStart(8)}`;
  return [
    `${'class'.padEnd(6)}${['precision', 'recall', 'F1'].map((h) => h.padStart(10)).join('')}${'gold'.padStart(8)}`,
    ...SCORED_CLASSES.map((type) => row(type, score.perClass[type])),
    row('micro', score.micro),
  ].join('\n');
}
