/**
 * Timeline-summarisation (TLS) evaluation, reproducing tilse + Perl ROUGE-1.5.5 exactly
 * (specification: shared/docs/tls-metrics.md; golden vectors: shared/data/rouge/golden).
 *
 * Public API
 * - `loadRougeResources(dir?)` → RougeResources: the SMART stopwords and WordNet exceptions, read at
 *   run time from `dir` or the shared `data/rouge` folder; throws a message naming the missing file.
 * - `toTlsTimeline(input)`: a Map or `{date, sentences}[]` → TlsTimeline (sentences stripped, last
 *   entry of a repeated day wins, days validated and sorted). `readTilseTimeline(text)` and
 *   `readNewsTlsTimelines(text)` read the two file formats through the render/ parsers.
 * - `evaluateTimeline(pred, refs, {resources?, metrics?})` → per metric an Outcome (score with
 *   summed counts and P/R/F for ROUGE-1 and ROUGE-2, plus the date alignment for align metrics, or
 *   the error tilse would raise), and date P/R/F1.
 * - `evaluateTimelines(pairs, options)` → every item plus the news-tls average (F of mean P and mean R).
 * - `newsTlsTask(ref)`: the news-tls budget (l dates, k sentences per date) and article window.
 * - Building blocks: `rougeCounts`, `rougeTokens`, `rougePorterStem`, `rougeApproximation`,
 *   `linearSumAssignment` (scipy's tie-breaking), `dateScore`, `averagePrf`.
 *
 * Metric names follow tilse: concat, agreement, align_date_costs (align), align_date_content_costs
 * (align+), align_date_content_costs_many_to_one (align+ m:1, "AR" in news-tls papers).
 * One-to-one alignments break ties exactly as scipy >= 1.6 does; m:1 takes the earliest cheapest date.
 */
export { loadRougeResources, parseExceptions, parseStopwords, type RougeResources } from './resources.js';
export { rougePorterStem } from '../../porter.js';
export {
  rougeCounts,
  rougeRawTokens,
  rougeTokens,
  rougeWord,
  type NgramCounts,
  type RougeCounts,
  type Summary,
} from './rouge.js';
export { rougeApproximation } from './content-cost.js';
export { linearSumAssignment, type Assignment } from './lsap.js';
export {
  readNewsTlsTimelines,
  readTilseTimeline,
  toTlsTimeline,
  type TimelineInput,
  type TlsTimeline,
} from './timeline.js';
export {
  TLS_METRICS,
  alignmentCosts,
  dateScore,
  fScore,
  metricScore,
  preparePair,
  type AlignMetric,
  type DateAlignment,
  type MetricScore,
  type NgramScore,
  type Prf,
  type ScoreSums,
  type TlsMetric,
} from './metrics.js';
export {
  averagePrf,
  evaluateTimeline,
  evaluateTimelines,
  newsTlsTask,
  roundHalfEven,
  type DatasetEvaluation,
  type EvaluateOptions,
  type NewsTlsTask,
  type Outcome,
  type RougePrf,
  type TimelineEvaluation,
  type TimelinePair,
} from './evaluate.js';
