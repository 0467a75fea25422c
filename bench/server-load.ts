// Timeline reads under a flood of uploads (issue 18): `npx tsx bench/server-load.ts`, about a minute.
// It stores a synthetic archive, then for each scenario starts the web app on a copy of it in a
// child process (so the load generator, autocannon in this process, does not share the server's
// event loop) and reads topic timelines over loopback for BENCH_SECONDS (default 10) — alone, and
// while other connections post one fresh article per request as fast as the server answers:
//   - with the server's default upload limits (30 a minute per client, one processed at a time, 4 waiting);
//   - with no upload rate limit: only the one-at-a-time queue and its 503s stand between the flood and the reads;
//   - with neither (the server as it was before these limits), for comparison.
// Reads are not rate limited here (autocannon is one client asking hundreds of times a minute).
// Figures go in the README's web-app section with the machine they ran on. With --json it prints
// them as one JSON object instead of a table (bench/run.ts, `npm run bench`, includes them so).
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { ingest, openStore } from '../src/pipeline.js';
import { buildServer, type ServerOptions } from '../src/server/app.js';
import { storyQuery, syntheticArticles } from './synthetic.js';

const ARCHIVE_ARTICLES = 600;
const STORIES = 6;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const READ_CONNECTIONS = 2;
const FLOOD_CONNECTIONS = 8;
/** Each read asks another number of dates, so most are computed, not answered from the server's memory. */
const READ_DATES = 30;

interface Scenario {
  label: string;
  flood: boolean;
  limits?: ServerOptions['limits'];
}

const SCENARIOS: Scenario[] = [
  { label: 'reads alone', flood: false },
  { label: 'reads + upload flood, default limits', flood: true },
  { label: 'reads + upload flood, no upload rate limit (queue only)', flood: true, limits: { uploadsPerMinute: 0 } },
  {
    label: 'reads + upload flood, no upload limits at all',
    flood: true,
    limits: { uploadsPerMinute: 0, queuedUploads: 1_000_000 },
  },
];

const SELF = fileURLToPath(import.meta.url);
/** BENCH_SERVER_THREADS: the server's computing threads (default: the server's). */
const THREADS = process.env.BENCH_SERVER_THREADS ? Number(process.env.BENCH_SERVER_THREADS) : undefined;
/** Signals of words no article has: nothing to read, but each starts one of the server's threads. */
const WARM_UP_PATHS = ['qwxzv', 'zxqvw', 'vqxwz', 'wzvqx'].map((word) => `/api/signal?query=${word}`);

/** Child mode: serve `store` with the given limits, print the address, run until killed. */
async function serve(store: string, limits: ServerOptions['limits']): Promise<void> {
  const app = await buildServer({
    storeLocation: store,
    limits: { requestsPerMinute: 0, ...limits },
    ...(THREADS !== undefined && { threads: THREADS }),
  });
  process.stdout.write(`${await app.listen({ host: '127.0.0.1', port: 0 })}\n`);
}

async function makeArchive(dir: string): Promise<string> {
  const input = join(dir, 'archive.jsonl');
  writeFileSync(
    input,
    [...syntheticArticles(ARCHIVE_ARTICLES, { stories: STORIES })].map((article) => JSON.stringify(article)).join('\n'),
  );
  const file = join(dir, 'archive.sqlite');
  const store = await openStore(file);
  try {
    await ingest([input], store);
  } finally {
    await store.close();
  }
  return file;
}

async function startServer(
  store: string,
  limits: ServerOptions['limits'],
): Promise<{ child: ChildProcess; address: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SELF, 'serve', store, JSON.stringify(limits ?? {})], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const address = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').once('data', (line: string) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
  return { child, address };
}

function readTimelines(address: string) {
  let n = 0;
  const paths = Array.from({ length: STORIES }, (_, story) => storyQuery(story, { stories: STORIES })).flatMap(
    (query) =>
      Array.from({ length: READ_DATES }, (_, i) => `/api/timeline?query=${encodeURIComponent(query)}&dates=${i + 1}`),
  );
  return autocannon({
    url: address,
    connections: READ_CONNECTIONS,
    duration: SECONDS,
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[n++ % paths.length]! }) }],
  });
}

/** Posts a fresh article each request (continuing the archive), so every upload has annotation to do. */
function floodUploads(address: string) {
  let n = ARCHIVE_ARTICLES;
  return autocannon({
    url: address,
    connections: FLOOD_CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        path: '/api/articles',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          const [article] = syntheticArticles(1, { stories: STORIES, first: n++ });
          return {
            ...request,
            body: JSON.stringify({ files: [{ name: `flood-${n}.jsonl`, content: JSON.stringify(article) }] }),
          };
        },
      },
    ],
  });
}

function statusCounts(result: autocannon.Result): string {
  return Object.entries(result.statusCodeStats ?? {})
    .map(([status, { count }]) => `${count ?? 0}×${status}`)
    .join(', ');
}

export interface ScenarioFigures {
  label: string;
  readP50Ms: number;
  readP99Ms: number;
  readsPerSecond: number;
  failedReads: number;
  /** Upload answers by status ("12×200, 40×503"), when uploads flooded in. */
  uploadAnswers?: string;
  /** Server CPU time (all its threads) per read answered, in ms. */
  serverCpuMsPerRead: number;
}

export interface ServerLoadFigures {
  articles: number;
  stories: number;
  seconds: number;
  readConnections: number;
  floodConnections: number;
  cores: number;
  scenarios: ScenarioFigures[];
}

/** CPU time (user + system, all threads) of a child process so far, in ms, from /proc (Linux); NaN elsewhere. */
function cpuMsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

/** Linux's USER_HZ, the unit of /proc/<pid>/stat times. */
const CLOCK_TICKS = 100;

async function runScenario(archive: string, dir: string, scenario: Scenario, index: number): Promise<ScenarioFigures> {
  const store = join(dir, `scenario-${index}.sqlite`);
  copyFileSync(archive, store);
  const { child, address } = await startServer(store, scenario.limits);
  try {
    // One read first, so opening the store is not counted in any figure, and the threads started.
    await fetch(`${address}/api/stats`).then((response) => response.arrayBuffer());
    await Promise.all(
      WARM_UP_PATHS.map((path) => fetch(`${address}${path}`).then((response) => response.arrayBuffer())),
    );
    const cpuBefore = cpuMsOf(child.pid);
    const [reads, uploads] = await Promise.all([
      readTimelines(address),
      scenario.flood ? floodUploads(address) : undefined,
    ]);
    return {
      label: scenario.label,
      readP50Ms: reads.latency.p50,
      readP99Ms: reads.latency.p99,
      readsPerSecond: reads.requests.total / reads.duration,
      failedReads: reads.non2xx + reads.errors + reads.timeouts,
      ...(uploads && { uploadAnswers: statusCounts(uploads) }),
      serverCpuMsPerRead: (cpuMsOf(child.pid) - cpuBefore) / Math.max(1, reads.requests.total),
    };
  } finally {
    await stop(child);
  }
}

function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill();
  return exited;
}

async function measureServerLoad(): Promise<ServerLoadFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-server-load-'));
  try {
    const archive = await makeArchive(dir);
    const scenarios: ScenarioFigures[] = [];
    for (const [index, scenario] of SCENARIOS.entries())
      scenarios.push(await runScenario(archive, dir, scenario, index));
    return {
      articles: ARCHIVE_ARTICLES,
      stories: STORIES,
      seconds: SECONDS,
      readConnections: READ_CONNECTIONS,
      floodConnections: FLOOD_CONNECTIONS,
      cores: cpus().length,
      scenarios,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The figures as the README's table. */
function serverLoadTable(figures: ServerLoadFigures): string {
  const rows = figures.scenarios.map(
    (s) =>
      `| ${s.label} | ${s.readP50Ms} | ${s.readP99Ms} | ${s.readsPerSecond.toFixed(1)} | ${s.failedReads} | ${s.serverCpuMsPerRead.toFixed(1)} | ${s.uploadAnswers ?? '—'} |`,
  );
  return [
    `${figures.articles} articles in ${figures.stories} stories; ${figures.seconds} s per scenario; ${figures.readConnections} read connections, ${figures.floodConnections} upload connections; ${figures.cores} cores`,
    '',
    '| scenario | read p50 ms | read p99 ms | reads/s | failed reads | server CPU ms/read | upload answers |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

async function main(json: boolean): Promise<void> {
  const figures = await measureServerLoad();
  process.stdout.write(`${json ? JSON.stringify(figures) : serverLoadTable(figures)}\n`);
}

const [mode, store, limits] = process.argv.slice(2);
if (mode === 'serve') await serve(store!, JSON.parse(limits!) as ServerOptions['limits']);
else await main(mode === '--json');
