// `npm run bench` (which builds first): how Chronicle scales with the size of its archive. For each
// size in BENCH_ARTICLES (comma-separated, default 20000,200000) it generates an archive of distinct
// stories (bench/synthetic.ts), ingests it into a fresh SQLite store and times what a user waits
// for, then gives the ratios between the sizes. A larger archive holds more stories, not longer
// ones (one story per BENCH_ARTICLES_PER_STORY articles, default 100; BENCH_STORIES fixes the
// count instead), so a topic timeline's cost shows how it grows with the archive, not the story.
// Everything runs as a user runs it, in child processes: the built CLI (dist/) and the web app
// (bench/api.ts). So the times include start-up, each peak RSS is that command's own, a command that
// runs out of memory is reported without ending the bench, and the bench depends on no store API.
// BENCH_THREADS sets the ingest's annotation threads (default: the CLI's, one per core, at most 4).
// With CHRONICLE_BENCH_POSTGRES (postgres:// URL) and CHRONICLE_BENCH_REDIS (redis:// URL) set, it also
// drains BENCH_QUEUE_ARTICLES (default 2,000) articles through 1, 2 and 4 queue workers.
// Last, bench/server-load.ts: topic timeline reads under a flood of uploads, p50/p99 of each
// scenario (BENCH_SERVER_LOAD=0 skips it; BENCH_SECONDS sets its seconds per scenario).
// Figures go in the README with the machine they ran on.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { ApiFigures, ApiRoute } from './api.js';
import type { ServerLoadFigures } from './server-load.js';
import { measureWorkers, type WorkerFigures } from './workers.js';
import { storyQuery, syntheticArticles, type SyntheticArticle } from './synthetic.js';

const CLI = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const API = fileURLToPath(new URL('./api.ts', import.meta.url));
const SERVER_LOAD = fileURLToPath(new URL('./server-load.ts', import.meta.url));

/** Topic timelines per size, each for another story, through the CLI and then the API. */
const TOPIC_STORIES = 10;
/** API requests per size: the topic stories in turn, with a different number of dates (10 to 14) each round. */
const API_REQUESTS = 50;
/** Then these many from this many concurrent clients, to measure the server's throughput: enough for a steady figure. */
const API_CONCURRENT_REQUESTS = 200;
const API_CLIENTS = 8;
const MORE_ARTICLES = 100;
const STARTUP_RUNS = 5;

function positiveInts(name: string, value: string): number[] {
  const numbers = value.split(',').map((part) => Number(part.trim()));
  if (numbers.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`${name} must be whole numbers ≥ 1 separated by commas, got '${value}'`);
  return numbers;
}

const sizes = positiveInts('BENCH_ARTICLES', process.env.BENCH_ARTICLES ?? '20000,200000');
const fixedStories = process.env.BENCH_STORIES
  ? positiveInts('BENCH_STORIES', process.env.BENCH_STORIES)[0]
  : undefined;
const [articlesPerStory] = positiveInts('BENCH_ARTICLES_PER_STORY', process.env.BENCH_ARTICLES_PER_STORY ?? '100');
/** The archive of `count` articles: its number of stories. */
const archiveOf = (count: number) => ({ stories: fixedStories ?? Math.max(1, Math.ceil(count / articlesPerStory!)) });
const threads = process.env.BENCH_THREADS ? positiveInts('BENCH_THREADS', process.env.BENCH_THREADS)[0] : undefined;
const queueArticles = Number(process.env.BENCH_QUEUE_ARTICLES ?? 2_000);
const { CHRONICLE_BENCH_POSTGRES: benchPostgres, CHRONICLE_BENCH_REDIS: benchRedis } = process.env;

/**
 * Preloaded into every child: writes the process's peak RSS (KiB, all threads) to fd 3 as it exits.
 * Plain Node, so the bench needs no `time` binary; preloads also run in worker threads, hence the guard.
 */
const PEAK_RSS_HOOK = `data:text/javascript,${encodeURIComponent(
  "import{writeSync}from'node:fs';import{isMainThread}from'node:worker_threads';if(isMainThread)process.on('exit',()=>writeSync(3,String(process.resourceUsage().maxRSS)))",
)}`;

interface Run {
  seconds: number;
  peakRssMb: number;
  stdout: string;
  stderr: string;
}

/** Runs `node <args>` to its end: wall time, peak RSS and output; a failure's error carries its last words. */
function node(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', PEAK_RSS_HOOK, ...args], {
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    const output = [child.stdout, child.stderr, child.stdio[3]].map((stream) => {
      const chunks: Buffer[] = [];
      stream?.on('data', (chunk: Buffer) => chunks.push(chunk));
      return chunks;
    });
    child.once('error', reject);
    child.once('close', (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      const [stdout, stderr, rss] = output.map((chunks) => Buffer.concat(chunks).toString());
      if (code === 0) return resolve({ seconds, peakRssMb: Number(rss) / 1024, stdout: stdout!, stderr: stderr! });
      const said = stderr!.trim().split('\n').slice(-3).join(' / ');
      reject(
        new Error(
          `${args.map((a) => a.replace(/^.*\/(bench|dist)\//, '$1/')).join(' ')}: ${signal ?? `exit code ${code}`}${said ? `: ${said}` : ''}`,
        ),
      );
    });
  });
}

const chronicle = (...args: string[]) => node([CLI, ...args]);

/** The nearest-rank percentile: with few samples, p99 is the slowest. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Corpus {
  file: string;
  articles: number;
  textBytes: number;
  wireCopies: number;
  /** Articles of each story, by story index. */
  perStory: number[];
}

/** Writes the articles as JSONL in the fields the reader takes; the generator's bookkeeping is counted, not written. */
function writeCorpus(file: string, articles: Iterable<SyntheticArticle>, stories: number): Corpus {
  const corpus: Corpus = {
    file,
    articles: 0,
    textBytes: 0,
    wireCopies: 0,
    perStory: new Array<number>(stories).fill(0),
  };
  const fd = openSync(file, 'w');
  let lines: string[] = [];
  const flush = () => {
    writeSync(fd, lines.join(''));
    lines = [];
  };
  for (const { id, time, source, title, text, story, copyOf } of articles) {
    lines.push(`${JSON.stringify({ id, time, source, title, text })}\n`);
    corpus.articles += 1;
    corpus.textBytes += Buffer.byteLength(title) + Buffer.byteLength(text);
    if (copyOf) corpus.wireCopies += 1;
    corpus.perStory[story]! += 1;
    if (lines.length === 1000) flush();
  }
  flush();
  closeSync(fd);
  return corpus;
}

/** Bytes on disk: the database file and its write-ahead log, after a checkpoint has moved the log into the file. */
function storeBytes(file: string): number {
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return [file, `${file}-wal`].reduce((sum, part) => sum + (existsSync(part) ? statSync(part).size : 0), 0);
}

/** Stories spread over the archive that have articles at this size (a small archive leaves a few empty). */
function topicStories(corpus: Corpus): number[] {
  const present = corpus.perStory.flatMap((count, story) => (count > 0 ? [story] : []));
  const wanted = Math.min(TOPIC_STORIES, present.length);
  return Array.from({ length: wanted }, (_, k) => present[Math.floor(((k + 0.5) * present.length) / wanted)]!);
}

const FIGURES = [
  { key: 'articles', label: 'articles', unit: '', digits: 0 },
  { key: 'stories', label: 'stories', unit: '', digits: 0 },
  { key: 'text_mb', label: 'article text (titles + bodies)', unit: 'MB', digits: 1 },
  { key: 'wire_copies', label: 'wire copies generated', unit: '', digits: 0 },
  { key: 'duplicates_found', label: 'duplicates grouped by the ingest', unit: '', digits: 0 },
  { key: 'sentences', label: 'sentences stored', unit: '', digits: 0 },
  { key: 'ingest_seconds', label: 'ingest (CLI, wall)', unit: 's', digits: 1 },
  { key: 'ingest_articles_per_second', label: 'ingest', unit: 'articles/s', digits: 0 },
  { key: 'ingest_mb_per_second', label: 'ingest, article text', unit: 'MB/s', digits: 2 },
  { key: 'ingest_peak_rss_mb', label: 'ingest peak RSS', unit: 'MB', digits: 0 },
  { key: 'store_bytes_per_article', label: 'store (SQLite + WAL) per article', unit: 'bytes', digits: 0 },
  { key: 'store_to_text', label: 'store / article text', unit: '×', digits: 2 },
  { key: 'topic_articles', label: 'articles of a topic query (mean)', unit: '', digits: 1 },
  { key: 'cli_topic_p50_ms', label: 'CLI topic timeline (10 dates) p50', unit: 'ms', digits: 0 },
  { key: 'cli_topic_p99_ms', label: 'CLI topic timeline (10 dates) p99', unit: 'ms', digits: 0 },
  { key: 'cli_topic_peak_rss_mb', label: 'CLI topic timeline peak RSS (max)', unit: 'MB', digits: 0 },
  { key: 'api_first_ms', label: 'API first request (opens the store)', unit: 'ms', digits: 0 },
  { key: 'api_topic_p50_ms', label: 'API topic timeline, uncached, p50', unit: 'ms', digits: 0 },
  { key: 'api_topic_p99_ms', label: 'API topic timeline, uncached, p99', unit: 'ms', digits: 0 },
  {
    key: 'api_concurrent_rps',
    label: `API topic timeline, uncached, ${API_CLIENTS} clients`,
    unit: 'req/s',
    digits: 1,
  },
  {
    key: 'api_concurrent_p99_ms',
    label: `API topic timeline, uncached, ${API_CLIENTS} clients, p99`,
    unit: 'ms',
    digits: 0,
  },
  {
    key: 'api_concurrent_cpu_ms',
    label: `API topic timeline, uncached, ${API_CLIENTS} clients, CPU per request (server + load generator)`,
    unit: 'ms',
    digits: 1,
  },
  { key: 'api_peak_rss_mb', label: 'API process peak RSS (server + load)', unit: 'MB', digits: 0 },
  { key: 'whole_timeline_seconds', label: 'CLI whole-store timeline (20 dates)', unit: 's', digits: 2 },
  { key: 'whole_timeline_peak_rss_mb', label: 'CLI whole-store timeline peak RSS', unit: 'MB', digits: 0 },
  { key: 'stories_found', label: 'stories found at ingest (of at least 2 articles)', unit: '', digits: 0 },
  { key: 'stories_rebuild_seconds', label: 'CLI story rebuild of the whole store', unit: 's', digits: 1 },
  { key: 'stories_rebuild_peak_rss_mb', label: 'CLI story rebuild peak RSS', unit: 'MB', digits: 0 },
  { key: 'stories_list_ms', label: 'CLI story list (20 biggest)', unit: 'ms', digits: 0 },
  {
    key: 'ingest_more_seconds',
    label: `CLI ingest of ${MORE_ARTICLES} more articles (stories placed)`,
    unit: 's',
    digits: 2,
  },
  { key: 'startup_ms', label: `CLI start-up (--version, median of ${STARTUP_RUNS})`, unit: 'ms', digits: 0 },
] as const;

type FigureKey = (typeof FIGURES)[number]['key'];

interface SizeResult {
  figures: Partial<Record<FigureKey, number>>;
  failures: string[];
}

async function measureSize(count: number): Promise<SizeResult> {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-bench-'));
  const figures: SizeResult['figures'] = {};
  const failures: string[] = [];
  /** One measurement: a failure is noted and the next one still runs. */
  const attempt = async (what: string, measure: () => Promise<void>): Promise<boolean> => {
    try {
      await measure();
      return true;
    } catch (error) {
      failures.push(`${what}: ${(error as Error).message}`);
      return false;
    }
  };
  try {
    const store = join(dir, 'bench.sqlite');
    const archive = archiveOf(count);
    const corpus = writeCorpus(join(dir, 'corpus.jsonl'), syntheticArticles(count, archive), archive.stories);
    const textMb = corpus.textBytes / 1e6;
    Object.assign(figures, {
      articles: corpus.articles,
      stories: archive.stories,
      text_mb: textMb,
      wire_copies: corpus.wireCopies,
    });

    const ingested = await attempt('ingest', async () => {
      const run = await chronicle(
        'ingest',
        corpus.file,
        '--store',
        store,
        ...(threads ? ['--threads', String(threads)] : []),
      );
      figures.ingest_seconds = run.seconds;
      figures.ingest_articles_per_second = corpus.articles / run.seconds;
      figures.ingest_mb_per_second = textMb / run.seconds;
      figures.ingest_peak_rss_mb = run.peakRssMb;
      // The CLI's summary lines, where it still words them so; the figures are informative only.
      const duplicates = /(\d+) duplicate\(s\)/.exec(run.stderr);
      const sentences = /(\d+) articles, (\d+) sentences/.exec(run.stderr);
      if (duplicates) figures.duplicates_found = Number(duplicates[1]);
      if (sentences) figures.sentences = Number(sentences[2]);
      const bytes = storeBytes(store);
      figures.store_bytes_per_article = bytes / corpus.articles;
      figures.store_to_text = bytes / corpus.textBytes;
    });
    if (!ingested) return { figures, failures };

    const topics = topicStories(corpus);
    figures.topic_articles = topics.reduce((sum, story) => sum + corpus.perStory[story]!, 0) / topics.length;
    const queries = topics.map((story) => storyQuery(story, archive));
    await attempt('CLI topic timeline', async () => {
      const runs: Run[] = [];
      for (const query of queries)
        runs.push(await chronicle('timeline', '--store', store, '--query', query, '--dates', '10'));
      figures.cli_topic_p50_ms =
        percentile(
          runs.map((r) => r.seconds),
          50,
        ) * 1000;
      figures.cli_topic_p99_ms =
        percentile(
          runs.map((r) => r.seconds),
          99,
        ) * 1000;
      figures.cli_topic_peak_rss_mb = Math.max(...runs.map((r) => r.peakRssMb));
    });
    await attempt('CLI whole-store timeline', async () => {
      const run = await chronicle('timeline', '--store', store, '--dates', '20');
      figures.whole_timeline_seconds = run.seconds;
      figures.whole_timeline_peak_rss_mb = run.peakRssMb;
    });
    await attempt('API', async () => {
      // Sentences per date tell the two routes apart, so the concurrent one is uncached too. Its
      // rounds of fifty differ by a publication window ending long after every article (`to`), so
      // each request is new to the server and all do the same work.
      const paths = (count: number, sentences: number) =>
        Array.from({ length: count }, (_, k) => {
          const query = queries[k % queries.length]!;
          const dates = 10 + (Math.floor(k / queries.length) % 5);
          const round = Math.floor(k / (5 * queries.length));
          const window = round === 0 ? '' : `&to=${2100 + round}-12-31`;
          return `/api/timeline?query=${encodeURIComponent(query)}&dates=${dates}&sentences=${sentences}${window}`;
        });
      const routes: ApiRoute[] = [
        { label: 'topic timeline', paths: paths(API_REQUESTS, 2) },
        { label: 'topic timeline, concurrent', paths: paths(API_CONCURRENT_REQUESTS, 3), connections: API_CLIENTS },
      ];
      const run = await node(['--import', 'tsx', API, store, JSON.stringify(routes)]);
      const api = JSON.parse(run.stdout) as ApiFigures;
      const [topic, concurrent] = api.routes as [ApiFigures['routes'][number], ApiFigures['routes'][number]];
      figures.api_first_ms = api.firstMs;
      figures.api_peak_rss_mb = run.peakRssMb;
      for (const route of [topic, concurrent])
        if (route.failures > 0)
          throw new Error(`${route.failures} of ${route.requests} ${route.label} requests failed`);
      figures.api_topic_p50_ms = topic.p50Ms;
      figures.api_topic_p99_ms = topic.p99Ms;
      figures.api_concurrent_rps = concurrent.requestsPerSecond;
      figures.api_concurrent_p99_ms = concurrent.p99Ms;
      figures.api_concurrent_cpu_ms = concurrent.cpuMsPerRequest;
    });
    await attempt('stories', async () => {
      const listed = await chronicle('stories', '--store', store, '--format', 'json', '--limit', '20');
      figures.stories_list_ms = listed.seconds * 1000;
      figures.stories_found = (JSON.parse(listed.stdout) as { total: number }).total;
      const rebuilt = await chronicle('stories', '--store', store, '--rebuild', '--format', 'json', '--limit', '1');
      figures.stories_rebuild_seconds = rebuilt.seconds;
      figures.stories_rebuild_peak_rss_mb = rebuilt.peakRssMb;
    });
    await attempt(`ingest of ${MORE_ARTICLES} more`, async () => {
      const more = writeCorpus(
        join(dir, 'more.jsonl'),
        syntheticArticles(MORE_ARTICLES, { ...archive, first: count }),
        archive.stories,
      );
      figures.ingest_more_seconds = (await chronicle('ingest', more.file, '--store', store)).seconds;
    });
    await attempt('CLI start-up', async () => {
      const runs: number[] = [];
      for (let i = 0; i < STARTUP_RUNS; i++) runs.push((await chronicle('--version')).seconds);
      figures.startup_ms = percentile(runs, 50) * 1000;
    });
    return { figures, failures };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function queueFigures(): Promise<WorkerFigures[] | string> {
  if (!benchPostgres || !benchRedis) return 'skipped: set CHRONICLE_BENCH_POSTGRES and CHRONICLE_BENCH_REDIS';
  const articles = [...syntheticArticles(queueArticles, { seed: 2, ...archiveOf(queueArticles) })].map((a) => ({
    id: a.id,
    source: a.source,
    publishedOn: a.time,
    title: a.title,
    text: a.text,
    origin: { file: 'bench' },
  }));
  return measureWorkers(articles, benchPostgres, benchRedis, [1, 2, 4]);
}

/** Reads under an upload flood (bench/server-load.ts), in a child of its own; a failure is reported, not thrown. */
async function serverLoadFigures(): Promise<ServerLoadFigures | string> {
  if (process.env.BENCH_SERVER_LOAD === '0') return 'skipped: BENCH_SERVER_LOAD=0';
  process.stderr.write('bench: timeline reads under an upload flood…\n');
  try {
    return JSON.parse((await node(['--import', 'tsx', SERVER_LOAD, '--json'])).stdout) as ServerLoadFigures;
  } catch (error) {
    return `failed: ${(error as Error).message}`;
  }
}

function serverLoadLines(figures: ServerLoadFigures | string): string[] {
  if (typeof figures === 'string') return [`timeline reads under an upload flood: ${figures}`];
  return [
    `timeline reads under an upload flood (bench/server-load.ts): ${figures.articles} articles, ${figures.seconds} s per scenario, ${figures.readConnections} read and ${figures.floodConnections} upload connections`,
    ...figures.scenarios.map(
      (s) =>
        `  ${s.label}: reads p50 ${s.readP50Ms} ms, p99 ${s.readP99Ms} ms, ${s.readsPerSecond.toFixed(1)} reads/s, ${s.failedReads} failed, server CPU ${s.serverCpuMsPerRead.toFixed(1)} ms/read${s.uploadAnswers ? `; uploads answered ${s.uploadAnswers}` : ''}`,
    ),
  ];
}

function formatted(value: number | undefined, spec: (typeof FIGURES)[number]): string {
  if (value === undefined) return '–';
  const number = value.toLocaleString('en-US', {
    minimumFractionDigits: spec.digits,
    maximumFractionDigits: spec.digits,
  });
  return spec.unit ? `${number} ${spec.unit}` : number;
}

/** Each size against the one before it: how much a figure grows when the archive does. */
function ratios(results: SizeResult[]): Array<Partial<Record<FigureKey, number>>> {
  return results.slice(1).map((result, i) => {
    const before = results[i]!.figures;
    const ratio: Partial<Record<FigureKey, number>> = {};
    for (const { key } of FIGURES) {
      const [a, b] = [before[key], result.figures[key]];
      if (a !== undefined && b !== undefined && a !== 0) ratio[key] = b / a;
    }
    return ratio;
  });
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const results: SizeResult[] = [];
for (const size of sizes) {
  process.stderr.write(`bench: ${size.toLocaleString('en-US')} articles…\n`);
  results.push(await measureSize(size));
}
const growth = ratios(results);
const workers = await queueFigures();
const serverLoad = await serverLoadFigures();

const header = [
  '',
  ...sizes.map((n) => `${n.toLocaleString('en-US')} articles`),
  ...sizes.slice(1).map((n, i) => `ratio ${n.toLocaleString('en-US')} / ${sizes[i]!.toLocaleString('en-US')}`),
];
const rows = FIGURES.map((spec) => [
  spec.label,
  ...results.map((r) => formatted(r.figures[spec.key], spec)),
  ...growth.map((ratio) => (ratio[spec.key] === undefined ? '–' : `× ${ratio[spec.key]!.toFixed(2)}`)),
]);
const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
const line = (row: string[]) =>
  row.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!))).join('   ');
const out: string[] = [
  `machine: ${machine}; ingest threads: ${threads ?? 'CLI default'}; SQLite stores`,
  line(header),
  ...rows.map(line),
  ...results.flatMap((r, i) =>
    r.failures.map((failure) => `failed at ${sizes[i]!.toLocaleString('en-US')} articles — ${failure}`),
  ),
  ...(typeof workers === 'string'
    ? [`queue workers → PostgreSQL: ${workers}`]
    : workers.map(
        (w) =>
          `queue, ${w.workers} worker(s) → PostgreSQL: ${w.articlesPerSecond} articles/s (${w.articles} articles in ${w.seconds} s)`,
      )),
  ...serverLoadLines(serverLoad),
];
process.stdout.write(`${out.join('\n')}\n`);

const rounded = (figures: Partial<Record<FigureKey, number>>) =>
  Object.fromEntries(Object.entries(figures).map(([key, value]) => [key, +value.toFixed(3)]));
process.stdout.write(
  `${JSON.stringify({
    machine,
    threads: threads ?? null,
    sizes: results.map((r) => ({ ...rounded(r.figures), failures: r.failures })),
    ratios: growth.map((ratio, i) => ({ from: sizes[i], to: sizes[i + 1], ...rounded(ratio) })),
    queue_workers: workers,
    server_load: serverLoad,
  })}\n`,
);
