import type { Command } from 'commander';
import { ExitCode, UserError } from './errors.js';
import { positiveInt, storeLocation } from './options.js';
import { keepHeapsNearLiveData } from './memory.js';
import { progressDisplay } from './progress.js';
import { printReadSummary } from './report.js';
import { DEFAULT_STORE, STORE_LOCATION_HELP } from './store-path.js';
import { DEFAULT_PREFIX, redactedRedisUrl, type QueueLocation } from '../queue/location.js';
import { QUEUE_PREFIX_HELP, QUEUE_URL_HELP, queueAt } from './worker.js';

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('read articles, annotate them and add them to the store (re-running skips what is stored)')
    .argument(
      '<paths...>',
      'files, folders or globs: seed .txt, .jsonl(.gz), <dir>/<YYYY-MM-DD>/*.txt, .html, RSS/Atom',
    )
    .option('--store <file|url>', STORE_LOCATION_HELP, storeLocation, DEFAULT_STORE)
    .option('--batch <n>', 'articles per transaction (a crash loses at most one batch)', positiveInt('--batch'), 200)
    .option(
      '--threads <n>',
      'annotation threads (default: one per core, at most 4, for 1,000 articles or more)',
      positiveInt('--threads'),
    )
    .option(
      '--queue <url>',
      `${QUEUE_URL_HELP}: enqueue the articles in batches of --batch for \`chronicle worker\` instead of storing them here`,
    )
    .option('--queue-prefix <prefix>', QUEUE_PREFIX_HELP, DEFAULT_PREFIX)
    .addHelpText(
      'after',
      '\nExamples:\n  chronicle ingest examples/harbour-strike --store story.sqlite\n  chronicle ingest feeds/*.xml articles.jsonl.gz\n  chronicle ingest articles/ --store postgres://chronicle@db.example:5432/news\n  chronicle ingest articles/ --queue redis://queue.example:6379   (then: chronicle worker --help)\n',
    )
    .action(
      async (
        paths: string[],
        opts: { store: string; batch: number; threads?: number; queue?: string; queuePrefix: string },
      ) => {
        if (opts.queue)
          return enqueue(paths, queueAt({ queue: opts.queue, queuePrefix: opts.queuePrefix }), opts.batch);
        const { ingest, openStore } = await import('../pipeline.js');
        const { storeName } = await import('../store/index.js');
        keepHeapsNearLiveData();
        const store = await openStore(opts.store);
        const progress = progressDisplay();
        try {
          const report = await ingest(paths, store, {
            onProgress: progress.listener,
            batchSize: opts.batch,
            ...(opts.threads && { threads: opts.threads }),
          });
          progress.stop();
          const counts = await store.counts();
          printReadSummary(
            [
              `read ${report.read} article(s): ${report.added} added, ${report.alreadyStored} already stored`,
              `${report.duplicates} duplicate(s) in ${report.duplicateGroups} group(s) of the same story`,
              `store ${storeName(opts.store)}: ${counts.articles} articles, ${counts.sentences} sentences`,
            ],
            report.skipped,
            report.notes,
          );
          if (report.read === 0)
            throw new UserError('no article could be read from the given paths.', ExitCode.noInput);
        } finally {
          progress.stop();
          await store.close();
        }
      },
    );
}

async function enqueue(paths: string[], location: QueueLocation, batchSize: number): Promise<void> {
  const { enqueueArticles } = await import('../queue/producer.js');
  const progress = progressDisplay();
  try {
    const report = await enqueueArticles(paths, location, {
      batchSize,
      onRead: (done, total) => progress.listener('read', done, total),
    });
    progress.stop();
    printReadSummary(
      [
        `read ${report.read} article(s): ${report.enqueued} job(s) of up to ${batchSize} added to ${redactedRedisUrl(location.url)}, ${report.alreadyQueued} already queued`,
        'workers store them (chronicle worker) and group duplicates as they go; follow with chronicle queue status',
      ],
      report.skipped,
    );
    if (report.read === 0) throw new UserError('no article could be read from the given paths.', ExitCode.noInput);
  } finally {
    progress.stop();
  }
}
