// `npm run bench`: ingest+annotate throughput, peak memory and timeline time on a generated corpus.
// Size: BENCH_ARTICLES (default 20,000); annotation threads: BENCH_THREADS (default one per core, at most 4).
// With CHRONICLE_BENCH_POSTGRES (postgres:// URL) and CHRONICLE_BENCH_REDIS (redis:// URL) set, it also
// drains BENCH_QUEUE_ARTICLES (default 2,000) of the articles through 1, 2 and 4 queue workers.
// Figures go in the README with the machine they ran on.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { defaultPoolSize } from '../src/annotate/pool.js';
import { buildTimeline, corpusFromStore, ingest, openStore } from '../src/pipeline.js';
import { measureApi } from './api.js';
import { measureWorkers, type WorkerFigures } from './workers.js';
import { syntheticArticles } from './synthetic.js';

const count = Number(process.env.BENCH_ARTICLES ?? 20_000);
const threads = process.env.BENCH_THREADS ? Number(process.env.BENCH_THREADS) : defaultPoolSize();
const queueArticles = Number(process.env.BENCH_QUEUE_ARTICLES ?? 2_000);
const { CHRONICLE_BENCH_POSTGRES: benchPostgres, CHRONICLE_BENCH_REDIS: benchRedis } = process.env;

async function queueFigures(): Promise<WorkerFigures[] | string> {
  if (!benchPostgres || !benchRedis) return 'skipped: set CHRONICLE_BENCH_POSTGRES and CHRONICLE_BENCH_REDIS';
  const articles = [...syntheticArticles(queueArticles, 2)].map((a) => ({
    id: a.id,
    source: a.source,
    publishedOn: a.time.slice(0, 10),
    title: a.title,
    text: a.text,
    origin: { file: 'bench' },
  }));
  return measureWorkers(articles, benchPostgres, benchRedis, [1, 2, 4]);
}

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function seconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

const dir = mkdtempSync(join(tmpdir(), 'chronicle-bench-'));
try {
  const corpusFile = join(dir, 'corpus.jsonl');
  const lines: string[] = [];
  for (const article of syntheticArticles(count)) lines.push(JSON.stringify(article));
  writeFileSync(corpusFile, `${lines.join('\n')}\n`);
  lines.length = 0;
  const megabytes = statSync(corpusFile).size / 1e6;

  const store = await openStore(join(dir, 'bench.sqlite'));
  let started = process.hrtime.bigint();
  const report = await ingest([corpusFile], store, { threads });
  const ingestSeconds = seconds(started);
  const counts = await store.counts();

  started = process.hrtime.bigint();
  const corpus = await corpusFromStore(store);
  const loadSeconds = seconds(started);
  started = process.hrtime.bigint();
  const timeline = buildTimeline(corpus, { dates: 20, sentencesPerDate: 2 });
  const timelineSeconds = seconds(started);
  await store.close();

  const api = await measureApi(join(dir, 'bench.sqlite'), [
    { label: 'GET timeline, whole store (20 dates)', path: '/api/timeline?dates=20&sentences=2', requests: 5000 },
    { label: 'GET timeline, one topic (query)', path: '/api/timeline?query=ferry&dates=10&sentences=2', requests: 5000 },
    { label: 'GET article list page', path: '/api/articles?page=2&pageSize=50', requests: 2000 },
  ]);
  const workers = await queueFigures();

  const rows: Array<[string, string]> = [
    ['machine', `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`],
    ['corpus', `${count} generated articles, ${megabytes.toFixed(1)} MB JSONL, ${counts.sentences} sentences, ${counts.timexes} timexes`],
    ['annotation threads', String(threads)],
    ['ingest (read+annotate+store)', `${ingestSeconds.toFixed(1)} s — ${(report.added / ingestSeconds).toFixed(0)} articles/s, ${(megabytes / ingestSeconds).toFixed(2)} MB/s`],
    ['load store for timeline', `${loadSeconds.toFixed(1)} s`],
    ['timeline (20 dates × 2 sentences)', `${timelineSeconds.toFixed(2)} s, ${timeline.entries.length} entries`],
    ...api.map(
      (route): [string, string] => [
        `API ${route.label}`,
        `first ${route.firstMs} ms, then ${route.requestsPerSecond} req/s, p50 ${route.p50Ms} ms, p99 ${route.p99Ms} ms (${route.requests} requests, ${route.failures} failed)`,
      ],
    ),
    ...(typeof workers === 'string'
      ? [['queue workers → PostgreSQL', workers] as [string, string]]
      : workers.map((w): [string, string] => [`queue, ${w.workers} worker(s) → PostgreSQL`, `${w.articlesPerSecond} articles/s (${w.articles} articles in ${w.seconds} s)`])),
    ['peak RSS', `${peakRssMb().toFixed(0)} MB`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [key, value] of rows) process.stdout.write(`${key.padEnd(width)}  ${value}\n`);
  process.stdout.write(
    `${JSON.stringify({
      articles: count,
      threads,
      megabytes: +megabytes.toFixed(2),
      ingest_seconds: +ingestSeconds.toFixed(2),
      articles_per_second: +(report.added / ingestSeconds).toFixed(1),
      mb_per_second: +(megabytes / ingestSeconds).toFixed(3),
      store_load_seconds: +loadSeconds.toFixed(2),
      timeline_seconds: +timelineSeconds.toFixed(3),
      api,
      queue_workers: workers,
      peak_rss_mb: +peakRssMb().toFixed(0),
    })}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
