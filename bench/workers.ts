// Distributed ingest throughput: the same articles queued on Redis and drained by 1, 2 and 4
// `chronicle worker` processes into a PostgreSQL store, each run on a fresh queue and schema.
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import type { Article } from '../src/model.js';
import { enqueueArticles } from '../src/queue/producer.js';
import { INGEST_QUEUE } from '../src/queue/queue.js';
import { pendingJobs, queueStatus } from '../src/queue/status.js';
import { openStore } from '../src/store/index.js';
import { testSchemas } from '../test/support/store/postgres.js';

const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));

export interface WorkerFigures {
  workers: number;
  articles: number;
  seconds: number;
  articlesPerSecond: number;
}

function startWorker(queueUrl: string, storeUrl: string): ChildProcess {
  // One annotation thread each: the machine's cores are shared out by running more workers.
  return spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      MAIN,
      'worker',
      '--queue',
      queueUrl,
      '--store',
      storeUrl,
      '--threads',
      '1',
      '--concurrency',
      '1',
    ],
    {
      stdio: 'ignore',
    },
  );
}

async function stop(worker: ChildProcess): Promise<void> {
  const closed = new Promise((resolve) => worker.once('close', resolve));
  worker.kill('SIGTERM');
  await closed;
}

async function obliterate(queueUrl: string): Promise<void> {
  const queue = new Queue(INGEST_QUEUE, { connection: { url: queueUrl } });
  await queue.obliterate({ force: true });
  await queue.close();
}

export async function measureWorkers(
  articles: Article[],
  postgresUrl: string,
  redisUrl: string,
  workerCounts: number[],
): Promise<WorkerFigures[]> {
  const schemas = testSchemas(postgresUrl);
  const figures: WorkerFigures[] = [];
  try {
    for (const workers of workerCounts) {
      // A Redis database per run keeps the runs apart without a key-prefix option on the CLI.
      const queueUrl = `${redisUrl}/${workers}`;
      const location = { url: queueUrl };
      const storeUrl = await schemas.create();
      await obliterate(queueUrl);
      const { enqueued: jobs } = await enqueueArticles(articles, location, { batchSize: 50 });
      const started = process.hrtime.bigint();
      const running = Array.from({ length: workers }, () => startWorker(queueUrl, storeUrl));
      try {
        for (;;) {
          const status = await queueStatus(location);
          if (status.failed > 0)
            throw new Error(`${status.failed} job(s) failed: ${status.deadLetters[0]?.reason ?? ''}`);
          if (pendingJobs(status) === 0 && status.completed >= jobs) break;
          await sleep(200);
        }
      } finally {
        await Promise.all(running.map(stop));
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const store = await openStore(storeUrl);
      const stored = (await store.counts()).articles;
      await store.close();
      if (stored !== articles.length)
        throw new Error(`${workers} worker(s) stored ${stored} of ${articles.length} articles`);
      figures.push({
        workers,
        articles: articles.length,
        seconds: +seconds.toFixed(2),
        articlesPerSecond: +(articles.length / seconds).toFixed(1),
      });
      await obliterate(queueUrl);
    }
  } finally {
    await schemas.dropAll();
  }
  return figures;
}
