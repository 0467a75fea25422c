// The news-tls benchmark protocol (shared/docs/tls-metrics.md §7) run on Chronicle's own pipeline:
// one task per reference timeline, the output sized like the reference (l dates, k sentences per
// date), the input limited to the reference's date window, the topic keywords given as the query,
// and the dataset score as the F of the mean precision and mean recall.
//
// Each topic is read and annotated once and reused by all its references and all methods, because
// annotation is most of the cost.
//
// The archive protocol (`archive: true`) asks the same questions the way a newsroom would: every
// topic is ingested into one store, and each reference timeline is built from what the store
// returns for the topic's keywords and window, other topics' articles included when they match.
//
// The story protocol (`stories: true`) starts from that store with no keyword at all: story
// tracking groups its articles (scored against the topic labels, see stories.ts), and each
// reference timeline is built from the story that best matches its topic, within its window.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentHashOf } from '../../annotate/content-hash.js';
import type { AnnotatedArticle, Article, Timeline, TimelineOptions } from '../../model.js';
import { annotateAll, corpusFromStore, ingest, openStore, storyTracker } from '../../pipeline.js';
import { articleIdentity } from '../../store/storable.js';
import type { Store } from '../../store/store.js';
import { daySummaries } from '../../render/index.js';
import { groupDuplicates, selectArticles } from '../../select/index.js';
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
import {
  BenchmarkDataError,
  keywordQuery,
  listTopics,
  readTopicArticles,
  topicArticlesFile,
  type TlsTopic,
} from './dataset.js';
import { scoreStories, type LabelledAssignment, type StoryScores } from './stories.js';

/** news-tls reports align+ m:1; concat and agreement are printed beside it for comparison with M&M 2018. */
const BENCHMARK_METRICS = [
  'concat',
  'agreement',
  'align_date_content_costs_many_to_one',
] as const satisfies readonly TlsMetric[];

export interface TlsBenchmarkOptions {
  /** A folder in the news-tls layout: <topic>/articles.jsonl.gz, timelines.jsonl, keywords.json. */
  dataset: string;
  methods: readonly TimelineMethod[];
  /** Only these topics (folder names); all when absent. */
  topics?: readonly string[];
  /** Also run the archive protocol: every topic in one store, each timeline asked of the store. */
  archive?: boolean;
  /** Also run the story protocol on the archive's store (implies `archive`). */
  stories?: boolean;
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
  protocol: 'topic' | 'archive' | 'story';
  tasks: TlsTaskResult[];
  average: TlsAverages;
  /** Time spent building this method's timelines (with the archive, reading them from the store too), without annotation and scoring. */
  buildSeconds: number;
  /** Milliseconds per timeline, from asking to having it (reading the store included with the archive). */
  latency: { p50Ms: number; p99Ms: number };
}

export interface TlsBenchmarkResult {
  dataset: string;
  timelines: number;
  methods: TlsMethodResult[];
  /** Articles read and annotated (those inside at least one reference window). */
  annotatedArticles: number;
  annotateSeconds: number;
  /** With the archive protocol: articles stored and the time to ingest them. */
  archive?: { articles: number; ingestSeconds: number };
  /** With the story protocol: the stories as ingest placed them, and as a rebuild in publication order does. */
  stories?: { atIngest: StoryScores; rebuilt: StoryScores; rebuildSeconds: number };
  /** Wall time of the whole run: reading, annotation, every method and scoring. */
  seconds: number;
  peakRssMb: number;
}

interface PreparedTask {
  topic: string;
  reference: number;
  task: NewsTlsTask;
  /** The articles the timeline is built from: at hand (per topic) or read from the store (archive). */
  corpus: () => Promise<TimelineCorpus>;
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
    inputs.push({
      topic,
      windows,
      articles: articles.filter((a) => windows.some((w) => a.publishedOn >= w.from && a.publishedOn <= w.to)),
    });
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

  const methods: TlsMethodResult[] = [];
  for (const method of options.methods) methods.push(await runMethod(method, 'topic', prepared, resources, progress));
  const archive =
    options.archive || options.stories
      ? await runArchive(topics, prepared, options.methods, resources, progress, options.stories ?? false)
      : undefined;
  if (archive) methods.push(...archive.methods);
  return {
    dataset:
      options.dataset
        .replace(/[\\/]+$/, '')
        .split(/[\\/]/)
        .pop() ?? options.dataset,
    timelines: prepared.length,
    methods,
    annotatedArticles: annotated.length,
    annotateSeconds,
    ...(archive && { archive: { articles: archive.articles, ingestSeconds: archive.ingestSeconds } }),
    ...(archive?.stories && { stories: archive.stories }),
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
  if (unknown.length > 0)
    throw new BenchmarkDataError(
      `unknown topic(s) ${unknown.join(', ')} (known: ${all.map((t) => t.name).join(', ')})`,
    );
  return all.filter((t) => wanted.includes(t.name));
}

/** The news-tls task of every reference of a topic: its window of articles, its size and the keywords. */
function tasksOf(topic: TlsTopic, windows: NewsTlsTask[], annotated: AnnotatedArticle[]): PreparedTask[] {
  const query = keywordQuery(topic.keywords);
  // Duplicate groups are found once per topic; the timeline methods ignore members outside the window.
  const duplicateGroups = groupDuplicates(annotated.map((a) => a.article));
  return windows.map((task, i) => {
    const articles = selectArticles(annotated, {
      publishedFrom: task.from,
      publishedTo: task.to,
      ...(query && { query }),
    });
    return {
      topic: topic.name,
      reference: i + 1,
      task,
      corpus: () => Promise.resolve({ articles, duplicateGroups }),
      options: {
        dates: task.dates,
        sentencesPerDate: task.sentencesPerDate,
        from: task.from,
        to: task.to,
        ...(query && { query }),
      },
      truth: topic.references[i]!,
    };
  });
}

/** Every topic in one temporary store; the same tasks, each asked of the store with its keywords and window. */
async function runArchive(
  topics: TlsTopic[],
  prepared: PreparedTask[],
  methods: readonly TimelineMethod[],
  resources: RougeResources,
  progress: (message: string) => void,
  stories: boolean,
): Promise<{
  methods: TlsMethodResult[];
  articles: number;
  ingestSeconds: number;
  stories?: NonNullable<TlsBenchmarkResult['stories']>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'chronicle-archive-'));
  const store = await openStore(join(dir, 'archive.sqlite'));
  try {
    const started = performance.now();
    const report = await ingest(topics.map(topicArticlesFile), store);
    const ingestSeconds = (performance.now() - started) / 1000;
    progress(
      `archive: ${report.added} article(s) of ${topics.length} topic(s) ingested into one store in ${ingestSeconds.toFixed(1)} s`,
    );
    const asked = prepared.map((t) => ({
      ...t,
      corpus: () =>
        corpusFromStore(store, {
          publishedFrom: t.task.from,
          publishedTo: t.task.to,
          ...(t.options.query && { query: t.options.query }),
        }),
    }));
    const results: TlsMethodResult[] = [];
    for (const method of methods) results.push(await runMethod(method, 'archive', asked, resources, progress));
    if (!stories) return { methods: results, articles: report.added, ingestSeconds };

    const topicOf = await topicsByIdentity(topics);
    const atIngest = scoreStories(await storyAssignments(store, topicOf));
    progress(
      `stories: ${atIngest.stories} found at ingest, B-cubed F1 ${atIngest.bcubed.f1.toFixed(3)}, NMI ${atIngest.nmi.toFixed(3)}`,
    );
    const storyOf = new Map(atIngest.matches.map((m) => [m.topic, m.story]));
    const fromStories = prepared.map((t) => {
      const { query: _keywords, ...options } = t.options;
      const story = storyOf.get(t.topic)!;
      return {
        ...t,
        options,
        corpus: () => corpusFromStore(store, { story, publishedFrom: t.task.from, publishedTo: t.task.to }, options),
      };
    });
    for (const method of methods) results.push(await runMethod(method, 'story', fromStories, resources, progress));
    const rebuildStart = performance.now();
    await store.rebuildStories(storyTracker);
    const rebuildSeconds = (performance.now() - rebuildStart) / 1000;
    const rebuilt = scoreStories(await storyAssignments(store, topicOf));
    progress(
      `stories: ${rebuilt.stories} after a rebuild in ${rebuildSeconds.toFixed(1)} s, B-cubed F1 ${rebuilt.bcubed.f1.toFixed(3)}`,
    );
    return { methods: results, articles: report.added, ingestSeconds, stories: { atIngest, rebuilt, rebuildSeconds } };
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Each article's topic, by the identity the store knows it by (outlet, day and text). */
async function topicsByIdentity(topics: readonly TlsTopic[]): Promise<Map<string, string>> {
  const topicOf = new Map<string, string>();
  for (const topic of topics) {
    const { articles } = await readTopicArticles(topic);
    for (const article of articles) topicOf.set(articleIdentity(article, contentHashOf(article.text)), topic.name);
  }
  return topicOf;
}

/** Every stored article's story, labelled with its topic. */
async function storyAssignments(store: Store, topicOf: ReadonlyMap<string, string>): Promise<LabelledAssignment[]> {
  const assignments: LabelledAssignment[] = [];
  const { total } = await store.stories({ order: 'articles', offset: 0, limit: 0, minArticles: 1 });
  const { stories } = await store.stories({ order: 'articles', offset: 0, limit: total, minArticles: 1 });
  for (const story of stories) {
    for (const { article, contentHash } of await store.articles({ story: story.id })) {
      const topic = topicOf.get(articleIdentity(article, contentHash));
      if (topic !== undefined) assignments.push({ topic, story: story.id });
    }
  }
  return assignments;
}

async function runMethod(
  method: TimelineMethod,
  protocol: TlsMethodResult['protocol'],
  tasks: PreparedTask[],
  resources: RougeResources,
  progress: (message: string) => void,
): Promise<TlsMethodResult> {
  const latencies: number[] = [];
  const articles: number[] = [];
  const timelines: Timeline[] = [];
  for (const t of tasks) {
    const start = performance.now();
    const corpus = await t.corpus();
    timelines.push(method.build(corpus, t.options));
    latencies.push(performance.now() - start);
    articles.push(corpus.articles.length);
  }
  const buildMs = latencies.reduce((a, b) => a + b, 0);
  // The formats the evaluator reads only know days: months and years land on their first day, as in the tilse file.
  const evaluation = evaluateTimelines(
    timelines.map((timeline, i) => ({ pred: daySummaries(timeline), refs: [tasks[i]!.truth] })),
    { resources, metrics: BENCHMARK_METRICS },
  );
  progress(
    `${method.name} (${protocol}): ${tasks.length} timeline(s) built in ${(buildMs / 1000).toFixed(1)} s and scored`,
  );
  return {
    method: method.name,
    protocol,
    tasks: tasks.map((t, i) => ({
      topic: t.topic,
      reference: t.reference,
      task: t.task,
      articles: articles[i]!,
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
    latency: { p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99) },
  };
}

/** The nearest-rank percentile, in whole milliseconds. */
function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? 0);
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
    protocol: method.protocol,
    ar1_f: method.average.align.rouge1.fScore,
    ar2_f: method.average.align.rouge2.fScore,
    date_f1: method.average.dates.fScore,
    concat_r1_f: method.average.concat.rouge1.fScore,
    latency_p50_ms: method.latency.p50Ms,
    latency_p99_ms: method.latency.p99Ms,
    seconds: result.seconds,
    peak_rss_mb: result.peakRssMb,
  };
}
