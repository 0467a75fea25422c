// Distributed ingestion from the command line: `chronicle worker` processes queued batches,
// `chronicle queue status` shows what the queue holds, `chronicle queue retry` sends dead letters
// back. (`chronicle ingest --queue` is the producer.)
import type { Command } from 'commander';
import { DEFAULT_PREFIX, redactedRedisUrl, type QueueLocation } from '../queue/location.js';
import type { QueueStatus } from '../queue/status.js';
import type { WorkerEvent } from '../queue/worker.js';
import { positiveInt } from './options.js';
import { storeLocation } from './options.js';
import { DEFAULT_STORE, STORE_LOCATION_HELP } from './store-path.js';
import { keepHeapsNearLiveData } from './memory.js';

export const QUEUE_URL_HELP = 'Redis URL of the ingest queue (redis://user:password@host:port/db)';
export const QUEUE_PREFIX_HELP = 'key prefix of the queue in Redis: deployments sharing one Redis keep apart by it';

/** Where the queue flags point. */
export function queueAt(flags: { queue: string; queuePrefix: string }): QueueLocation {
  return { url: flags.queue, prefix: flags.queuePrefix };
}

function describeEvent(event: WorkerEvent, totals: { articles: number; added: number }): string {
  switch (event.type) {
    case 'completed':
      return `job ${shortId(event.jobId)}: ${event.articles} article(s), ${event.added} added, ${event.alreadyStored} already stored (this worker: ${totals.added} added of ${totals.articles})`;
    case 'failed':
      return `job ${shortId(event.jobId)} failed (attempt ${event.attempt}${event.final ? ', no attempts left: now in the dead-letter list' : ', will retry'}): ${event.reason}`;
    case 'stalled':
      return `job ${shortId(event.jobId)} lost its worker and went back to the queue`;
    case 'error':
      return `queue trouble (reconnecting): ${event.reason}`;
  }
}

/** Enough of a job id to tell jobs apart in a log; `queue status` shows them whole. */
function shortId(jobId: string): string {
  return jobId.slice(0, 'batch-'.length + 12);
}

interface WorkerFlags {
  queue: string;
  queuePrefix: string;
  store: string;
  concurrency: number;
  threads?: number;
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('process queued articles: annotate them and add them to the store, until stopped (Ctrl-C)')
    .requiredOption('--queue <url>', QUEUE_URL_HELP)
    .option('--queue-prefix <prefix>', QUEUE_PREFIX_HELP, DEFAULT_PREFIX)
    .option(
      '--store <file|url>',
      `${STORE_LOCATION_HELP}; with workers on several machines, a PostgreSQL URL`,
      storeLocation,
      DEFAULT_STORE,
    )
    .option('--concurrency <n>', 'jobs in progress at once', positiveInt('--concurrency'), 2)
    .option('--threads <n>', 'annotation threads (default: one per core, at most 4)', positiveInt('--threads'))
    .addHelpText(
      'after',
      `
Start any number of workers, on any number of machines, on the same queue and store. A worker that
dies loses nothing: its job goes back to the queue and another worker takes it. A job that keeps
failing ends in the dead-letter list (chronicle queue status); chronicle queue retry sends the
dead letters back once the cause is fixed.

Examples:
  chronicle ingest articles/ --queue redis://queue.example:6379
  chronicle worker --queue redis://queue.example:6379 --store postgres://chronicle@db.example/news
  chronicle queue status --queue redis://queue.example:6379`,
    )
    .action(async (flags: WorkerFlags) => {
      const { runWorker } = await import('../queue/worker.js');
      const { storeName } = await import('../store/index.js');
      keepHeapsNearLiveData();
      const totals = { articles: 0, added: 0 };
      const onEvent = (event: WorkerEvent) => {
        if (event.type === 'completed') {
          totals.articles += event.articles;
          totals.added += event.added;
        }
        process.stderr.write(`chronicle: ${describeEvent(event, totals)}\n`);
      };
      const worker = await runWorker({
        queue: queueAt(flags),
        storeLocation: flags.store,
        concurrency: flags.concurrency,
        ...(flags.threads && { threads: flags.threads }),
        onEvent,
      });
      process.stderr.write(
        `chronicle: worker on ${redactedRedisUrl(flags.queue)}, storing in ${storeName(flags.store)} (Ctrl-C to stop)\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.stderr.write('chronicle: stopping once the jobs in hand are done\n');
          void worker.close().then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}

export function describeStatus(status: QueueStatus): string[] {
  const lines = [
    `${status.waiting} waiting, ${status.active} active, ${status.delayed} waiting to retry, ${status.completed} done, ${status.failed} failed · ${status.workers} worker(s) connected`,
  ];
  if (status.deadLetters.length > 0) {
    lines.push(
      `dead letters (newest first${status.failed > status.deadLetters.length ? `, ${status.deadLetters.length} of ${status.failed}` : ''}):`,
    );
    for (const letter of status.deadLetters) {
      lines.push(
        `  ${letter.jobId} (${letter.articleIds.join(', ')}) after ${letter.attempts} attempt(s): ${letter.reason}`,
      );
    }
  }
  return lines;
}

export function registerQueue(program: Command): void {
  const queue = program
    .command('queue')
    .description('look at and complete a distributed ingest (see chronicle worker)');
  queue
    .command('status')
    .description('jobs waiting, active, done and failed, and why the failed ones failed')
    .requiredOption('--queue <url>', QUEUE_URL_HELP)
    .option('--queue-prefix <prefix>', QUEUE_PREFIX_HELP, DEFAULT_PREFIX)
    .option('--json', 'print the status as JSON on stdout')
    .action(async (flags: { queue: string; queuePrefix: string; json?: boolean }) => {
      const { queueStatus } = await import('../queue/status.js');
      const status = await queueStatus(queueAt(flags));
      if (flags.json) process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
      else
        process.stdout.write(
          describeStatus(status)
            .map((line) => `${line}\n`)
            .join(''),
        );
    });
  queue
    .command('retry')
    .description('send every dead letter (failed job) back to the queue with fresh attempts, once the cause is fixed')
    .requiredOption('--queue <url>', QUEUE_URL_HELP)
    .option('--queue-prefix <prefix>', QUEUE_PREFIX_HELP, DEFAULT_PREFIX)
    .action(async (flags: { queue: string; queuePrefix: string }) => {
      const { retryDeadLetters } = await import('../queue/status.js');
      const retried = await retryDeadLetters(queueAt(flags));
      process.stderr.write(
        `chronicle: ${retried === 0 ? 'no dead letters to retry' : `${retried} dead letter(s) sent back to the queue`}\n`,
      );
    });
}
