/**
 * Benchmarks of whole timelines against published references.
 *
 * - `runTlsBenchmark({dataset, methods, topics?, resources?, onProgress?})` → TlsBenchmarkResult:
 *   the news-tls protocol on a dataset in the news-tls layout (Timeline17, Crisis), every method
 *   on the same annotated articles, per-timeline scores, averages, wall time and peak memory.
 * - `formatTlsReport(result)`: the tables a person reads; `summaryRecord(result, method)`: one
 *   JSON-ready line per method; `publishedRows(dataset)`: the published scores printed beside ours.
 * - `listTopics(dataset)`, `keywordQuery(keywords)`: reading the dataset layout.
 */
export { BenchmarkDataError, keywordQuery, listTopics, readTopicArticles, type TlsTopic } from './dataset.js';
export { publishedRows, type PublishedRow } from './published.js';
export { formatTlsReport } from './report.js';
export {
  runTlsBenchmark,
  summaryRecord,
  type TlsAverages,
  type TlsBenchmarkOptions,
  type TlsBenchmarkResult,
  type TlsMethodResult,
  type TlsTaskResult,
} from './tls.js';
