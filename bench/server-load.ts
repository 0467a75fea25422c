// Timeline reads under a flood of uploads (issue 18): `npx tsx bench/server-load.ts`, about a minute.
// It stores a synthetic archive, then for each scenario starts the web app on a copy of it in a
// child process (so the load generator, autocannon in this process, does not share the server's
// event loop) and reads topic timelines over loopback for BENCH_SECONDS (default 10) — alone, and
// while other connections post one fresh article per request as fast as the server answers:
//   - with the server's default upload limits (30 a minute per client, one processed at a time, 4 waiting);
//   - with no upload rate limit: only the one-at-a-time queue and its 503s stand between the flood and the reads;
//   - with neither (the server as it was before these limits), for comparison.
// Reads are not rate limited here (autocannon is one client asking hundreds of times a minute).
// Figures go in the README's web-app section with the machine they ran on.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

/** Child mode: serve `store` with the given limits, print the address, run until killed. */
async function serve(store: string, limits: ServerOptions['limits']): Promise<void> {
  const app = await buildServer({ storeLocation: store, limits: { requestsPerMinute: 0, ...limits } });
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
    child.stdout!.setEncoding('utf8').once('data', (line: string) => resolve(line.trim()));
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

async function runScenario(archive: string, dir: string, scenario: Scenario, index: number): Promise<string> {
  const store = join(dir, `scenario-${index}.sqlite`);
  copyFileSync(archive, store);
  const { child, address } = await startServer(store, scenario.limits);
  try {
    // One read first, so opening the store is not counted in any figure.
    await fetch(`${address}/api/stats`).then((response) => response.arrayBuffer());
    const [reads, uploads] = await Promise.all([
      readTimelines(address),
      scenario.flood ? floodUploads(address) : undefined,
    ]);
    const readFigures = `${reads.latency.p50} | ${reads.latency.p99} | ${(reads.requests.total / reads.duration).toFixed(1)} | ${reads.non2xx + reads.errors + reads.timeouts}`;
    return `| ${scenario.label} | ${readFigures} | ${uploads ? statusCounts(uploads) : '—'} |`;
  } finally {
    await stop(child);
  }
}

function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill();
  return exited;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-server-load-'));
  try {
    const archive = await makeArchive(dir);
    process.stdout.write(
      `${ARCHIVE_ARTICLES} articles in ${STORIES} stories; ${SECONDS} s per scenario; ${READ_CONNECTIONS} read connections, ${FLOOD_CONNECTIONS} upload connections; ${cpus().length} cores\n\n`,
    );
    process.stdout.write(
      '| scenario | read p50 ms | read p99 ms | reads/s | failed reads | upload answers |\n|---|---|---|---|---|---|\n',
    );
    for (const [index, scenario] of SCENARIOS.entries())
      process.stdout.write(`${await runScenario(archive, dir, scenario, index)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [mode, store, limits] = process.argv.slice(2);
if (mode === 'serve') await serve(store!, JSON.parse(limits!) as ServerOptions['limits']);
else await main();
