// Whole-timeline and dataset-level evaluation: every tilse metric on one prediction, and the
// news-tls dataset average (F of the mean P and mean R, not the mean of the F's).
import type { IsoDay } from '../../model.js';
import {
  dateScore,
  metricScore,
  preparePair,
  TLS_METRICS,
  fScore,
  type MetricScore,
  type Prf,
  type TlsMetric,
} from './metrics.js';
import { loadRougeResources, type RougeResources } from './resources.js';
import { toTlsTimeline, type TimelineInput, type TlsTimeline } from './timeline.js';

/** A score, or why tilse would have raised instead of producing one. */
export type Outcome<T> = { ok: true; score: T } | { ok: false; error: string };

export interface EvaluateOptions {
  /** Stopwords and WordNet exceptions; loaded from the shared folder when absent. */
  resources?: RougeResources;
  /** Which ROUGE metrics to compute (default: all five). news-tls reports only the m:1 one. */
  metrics?: readonly TlsMetric[];
}

export interface TimelineEvaluation {
  metrics: Partial<Record<TlsMetric, Outcome<MetricScore>>>;
  dates: Outcome<Prf>;
}

function attempt<T>(compute: () => T): Outcome<T> {
  try {
    return { ok: true, score: compute() };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** Evaluates one predicted timeline against its ground truth (one or more reference timelines). */
export function evaluateTimeline(
  pred: TimelineInput,
  refs: readonly TimelineInput[],
  options: EvaluateOptions = {},
): TimelineEvaluation {
  const resources = options.resources ?? loadRougeResources();
  const predTimeline = toTlsTimeline(pred);
  const refTimelines = refs.map(toTlsTimeline);
  const pair = preparePair(predTimeline, refTimelines, resources);
  const metrics: TimelineEvaluation['metrics'] = {};
  for (const metric of options.metrics ?? TLS_METRICS) metrics[metric] = attempt(() => metricScore(pair, metric));
  return { metrics, dates: attempt(() => dateScore(pair.predDates, pair.refDates)) };
}

export interface RougePrf {
  rouge1: Prf;
  rouge2: Prf;
}

export interface DatasetEvaluation {
  items: TimelineEvaluation[];
  /** news-tls get_average_results per metric; an error when any item has none. */
  average: {
    metrics: Partial<Record<TlsMetric, Outcome<RougePrf>>>;
    dates: Outcome<Prf>;
  };
}

/** news-tls averaging: mean precision, mean recall, and the F of those two means. */
export function averagePrf(scores: readonly Prf[]): Prf {
  if (scores.length === 0) throw new Error('cannot average zero timelines');
  let precisionSum = 0;
  let recallSum = 0;
  for (const score of scores) {
    precisionSum += score.precision;
    recallSum += score.recall;
  }
  const precision = precisionSum / scores.length;
  const recall = recallSum / scores.length;
  return { precision, recall, fScore: fScore(precision, recall) };
}

function collect<T>(outcomes: readonly (Outcome<T> | undefined)[], what: string): T[] {
  return outcomes.map((outcome, index) => {
    if (!outcome) throw new Error(`${what} was not computed for timeline ${index}`);
    if (!outcome.ok) throw new Error(`${what} failed for timeline ${index}: ${outcome.error}`);
    return outcome.score;
  });
}

export interface TimelinePair {
  pred: TimelineInput;
  refs: readonly TimelineInput[];
}

/** Evaluates many prediction/ground-truth pairs and averages them the way news-tls does. */
export function evaluateTimelines(pairs: readonly TimelinePair[], options: EvaluateOptions = {}): DatasetEvaluation {
  const resources = options.resources ?? loadRougeResources();
  const items = pairs.map(({ pred, refs }) => evaluateTimeline(pred, refs, { ...options, resources }));
  const metrics: DatasetEvaluation['average']['metrics'] = {};
  for (const metric of options.metrics ?? TLS_METRICS) {
    metrics[metric] = attempt(() => {
      const scores = collect(
        items.map((item) => item.metrics[metric]),
        metric,
      );
      return { rouge1: averagePrf(scores.map((s) => s.rouge1)), rouge2: averagePrf(scores.map((s) => s.rouge2)) };
    });
  }
  const dates = attempt(() =>
    averagePrf(
      collect(
        items.map((item) => item.dates),
        'date scores',
      ),
    ),
  );
  return { items, average: { metrics, dates } };
}

/** Python 3 round(): halves go to the even neighbour (2.5 → 2, 3.5 → 4). */
export function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction !== 0.5) return Math.round(value);
  return floor % 2 === 0 ? floor : floor + 1;
}

export interface NewsTlsTask {
  /** l: the reference's number of dates. */
  dates: number;
  /** k: the rounded mean number of sentences per reference date (empty sentences count). */
  sentencesPerDate: number;
  /** Input articles are those published in [from, to], the reference's first and last date. */
  from: IsoDay;
  to: IsoDay;
}

/** The news-tls budget and article window for one reference timeline (T17/Crisis: no extension). */
export function newsTlsTask(ref: TlsTimeline): NewsTlsTask {
  const days = [...ref.keys()].sort();
  if (days.length === 0) throw new Error('news-tls task: the reference timeline has no dates');
  const sentenceTotal = days.reduce((sum, day) => sum + (ref.get(day)?.length ?? 0), 0);
  return {
    dates: days.length,
    sentencesPerDate: roundHalfEven(sentenceTotal / days.length),
    from: days[0]!,
    to: days[days.length - 1]!,
  };
}
