// The news-tls benchmark protocol (shared/docs/tls-metrics.md §7) run on Chronicle's own pipeline:
// one task per reference timeline, the output sized like the reference (l dates, k sentences per
// date), the input limited to the reference's date window, the topic keywords given as the query,
// and the dataset score as the F of the mean precision and mean recall.
//
// Each topic is read and annotated once and reused by all its references and all methods, because
// annotation is most of the cost.
import type { AnnotatedArticle, Article, Timeline, TimelineOptions } from '../../model.js';
import { annotateAll } from '../../pipeline.js';
import { daySummaries } from '../../render/day-summaries.js';
import { groupDuplicates } from '../../select/duplicates.js';
import { selectArticles } from '../../select/index.js';
import type { TimelineCorpus, TimelineMethod } from '../../timeline/index.js';
import {
  evaluateTimelines,
  loadRougeResources,
  newsTlsTask,
  type NewsTlsTask,
  type Outcome,
  type Prf,
  type RougePrf,
  type RougeResources,
  type TimelineEvaluation,
  type TlsMetric,
  type TlsTimeline,
} from '../tls/index.js';
import { BenchmarkDataError, keywordQuery, listTopics, readTopicArticles, type TlsTopic } from './dataset.js';

/** news-tls reports align+ m:1; concat and agreement are printed beside it for comparison with M&M 2018. */
const BENCHMARK_METRICS = ['concat', 'agreement', 'align_date_content_costs_many_to_one'] as const satisfies readonly TlsMetric[];

export interface TlsBenchmarkOptions {
  /** A folder in the news-tls layout: <topic>/articles.jsonl.gz, timelines.jsonl, keywords.json. */
  dataset: string;
  methods: readonly TimelineMethod[];
  /** Only these topics (folder names); all when absent. */
  topics?: readonly string[];
  /** Stopwords and WordNet exceptions; read from the shared folder when absent. */
  resources?: RougeResources;
  onProgress?: (message: string) => void;
}

export interface TlsTaskResult {
  topic: string;
  /** 1-based line of the reference in the topic's timelines.jsonl. */
  reference: number;
  task: NewsTlsTask;
  /** Articles given to the method (in the window, matching the keywords). */
  articles: number;
  timeline: Timeline;
  evaluation: TimelineEvaluation;
}

export interface TlsAverages {
  /** align+ m:1 ROUGE-1 and ROUGE-2 ("AR-1", "AR-2" in news-tls). */
  align: RougePrf;
  concat: RougePrf;
  agreement: RougePrf;
  dates: Prf;
}

export interface TlsMethodResult {
  method: string;
  tasks: TlsTaskResult[];
  average: TlsAverages;
  /** Time spent building this method's timelines, without reading, annotation and scoring. */
  buildSeconds: number;
}

export interface TlsBenchmarkResult {
  dataset: string;
  timelines: number;
  methods: TlsMethodResult[];
  /** Articles read and annotated (those inside at least one reference window). */
  annotatedArticles: number;
  annotateSeconds: number;
  /** Wall time of the whole run: reading, annotation, every method and scoring. */
  seconds: number;
  peakRssMb: number;
}

interface PreparedTask {
  topic: string;
  reference: number;
  task: NewsTlsTask;
  corpus: TimelineCorpus;
  options: TimelineOptions;
  truth: TlsTimeline;
}

export async function runTlsBenchmark(options: TlsBenchmarkOptions): Promise<TlsBenchmarkResult> {
  const started = performance.now();
  if (options.methods.length === 0) throw new Error('no timeline method to benchmark');
  const resources = options.resources ?? rougeResources();
  const progress = options.onProgress ?? (() => undefined);
  const topics = selectTopics(listTopics(options.dataset), options.topics);

  // All topics are annotated in one call, so the annotation worker threads start once.
  const inputs: { topic: TlsTopic; windows: NewsTlsTask[]; articles: Article[] }[] = [];
  for (const topic of topics) {
    const windows = topic.references.map(newsTlsTask);
    const { articles } = await readTopicArticles(topic);
    inputs.push({ topic, windows, articles: articles.filter((a) => windows.some((w) => a.publishedOn >= w.from && a.publishedOn <= w.to)) });
  }
  const annotateStart = performance.now();
  const annotated = await annotateAll(inputs.flatMap((input) => input.articles));
  const annotateSeconds = (performance.now() - annotateStart) / 1000;
  progress(`${annotated.length} article(s) of ${topics.length} topic(s) annotated in ${annotateSeconds.toFixed(1)} s`);

  const prepared: PreparedTask[] = [];
  let offset = 0;
  for (const { topic, windows, articles } of inputs) {
    prepared.push(...tasksOf(topic, windows, annotated.slice(offset, offset + articles.length)));
    offset += articles.length;
  }

  const methods = options.methods.map((method) => runMethod(method, prepared, resources, progress));
  return {
    dataset: options.dataset.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? options.dataset,
    timelines: prepared.length,
    methods,
    annotatedArticles: annotated.length,
    annotateSeconds,
    seconds: (performance.now() - started) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

function rougeResources(): RougeResources {
  try {
    return loadRougeResources();
  } catch (error) {
    throw new BenchmarkDataError((error as Error).message);
  }
}

function selectTopics(all: TlsTopic[], wanted: readonly string[] | undefined): TlsTopic[] {
  if (!wanted) return all;
  const unknown = wanted.filter((name) => !all.some((t) => t.name === name));
  if (unknown.length > 0) throw new BenchmarkDataError(`unknown topic(s) ${unknown.join(', ')} (known: ${all.map((t) => t.name).join(', ')})`);
  return all.filter((t) => wanted.includes(t.name));
}

/** The news-tls task of every reference of a topic: its window of articles, its size and the keywords. */
function tasksOf(topic: TlsTopic, windows: NewsTlsTask[], annotated: AnnotatedArticle[]): PreparedTask[] {
  const query = keywordQuery(topic.keywords);
  // Duplicate groups are found once per topic; the timeline methods ignore members outside the window.
  const duplicateGroups = groupDuplicates(annotated.map((a) => a.article));
  return windows.map((task, i) => {
    const articles = selectArticles(annotated, { publishedFrom: task.from, publishedTo: task.to, ...(query && { query }) });
    return {
      topic: topic.name,
      reference: i + 1,
      task,
      corpus: { articles, duplicateGroups },
      options: { dates: task.dates, sentencesPerDate: task.sentencesPerDate, from: task.from, to: task.to, ...(query && { query }) },
      truth: topic.references[i]!,
    };
  });
}

function runMethod(method: TimelineMethod, tasks: PreparedTask[], resources: RougeResources, progress: (message: string) => void): TlsMethodResult {
  let buildMs = 0;
  const timelines = tasks.map((t) => {
    const start = performance.now();
    const timeline = method.build(t.corpus, t.options);
    buildMs += performance.now() - start;
    return timeline;
  });
  // The formats the evaluator reads only know days: months and years land on their first day, as in the tilse file.
  const evaluation = evaluateTimelines(
    timelines.map((timeline, i) => ({ pred: daySummaries(timeline), refs: [tasks[i]!.truth] })),
    { resources, metrics: BENCHMARK_METRICS },
  );
  progress(`${method.name}: ${tasks.length} timeline(s) built in ${(buildMs / 1000).toFixed(1)} s and scored`);
  return {
    method: method.name,
    tasks: tasks.map((t, i) => ({
      topic: t.topic,
      reference: t.reference,
      task: t.task,
      articles: t.corpus.articles.length,
      timeline: timelines[i]!,
      evaluation: evaluation.items[i]!,
    })),
    average: {
      align: scoreOf(evaluation.average.metrics.align_date_content_costs_many_to_one),
      concat: scoreOf(evaluation.average.metrics.concat),
      agreement: scoreOf(evaluation.average.metrics.agreement),
      dates: scoreOf(evaluation.average.dates),
    },
    buildSeconds: buildMs / 1000,
  };
}

function scoreOf<T>(outcome: Outcome<T> | undefined): T {
  if (!outcome) throw new Error('a benchmark metric was not computed');
  if (!outcome.ok) throw new Error(`scoring failed: ${outcome.error}`);
  return outcome.score;
}

/** The one-line summary of a method's run (the `--json` output). */
export function summaryRecord(result: TlsBenchmarkResult, method: TlsMethodResult): Record<string, string | number> {
  return {
    dataset: result.dataset,
    timelines: result.timelines,
    method: method.method,
    ar1_f: method.average.align.rouge1.fScore,
    ar2_f: method.average.align.rouge2.fScore,
    date_f1: method.average.dates.fScore,
    concat_r1_f: method.average.concat.rouge1.fScore,
    seconds: result.seconds,
    peak_rss_mb: result.peakRssMb,
  };
}
