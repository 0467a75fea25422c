import type { Command } from 'commander';
import { ingest, openStore } from '../pipeline.js';
import { storeName } from '../store/index.js';
import { ExitCode, UserError } from './errors.js';
import { positiveInt } from './options.js';
import { progressDisplay } from './progress.js';
import { printReadSummary } from './report.js';
import { DEFAULT_STORE, STORE_LOCATION_HELP } from './store-path.js';

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('read articles, annotate them and add them to the store (re-running skips what is stored)')
    .argument('<paths...>', 'files, folders or globs: seed .txt, .jsonl(.gz), <dir>/<YYYY-MM-DD>/*.txt, .html, RSS/Atom')
    .option('--store <file|url>', STORE_LOCATION_HELP, DEFAULT_STORE)
    .option('--batch <n>', 'articles per transaction (a crash loses at most one batch)', positiveInt('--batch'), 200)
    .option('--threads <n>', 'annotation threads (default: one per core, at most 4)', positiveInt('--threads'))
    .addHelpText('after', '\nExamples:\n  chronicle ingest examples/harbour-strike --store story.sqlite\n  chronicle ingest feeds/*.xml articles.jsonl.gz\n  chronicle ingest articles/ --store postgres://chronicle@db.example:5432/news\n')
    .action(async (paths: string[], opts: { store: string; batch: number; threads?: number }) => {
      const store = await openStore(opts.store);
      const progress = progressDisplay();
      try {
        const report = await ingest(paths, store, { onProgress: progress.listener, batchSize: opts.batch, ...(opts.threads && { threads: opts.threads }) });
        progress.stop();
        const counts = await store.counts();
        printReadSummary(
          [
            `read ${report.read} article(s): ${report.added} added, ${report.alreadyStored} already stored`,
            `${report.duplicates} duplicate(s) in ${report.duplicateGroups} group(s) of the same story`,
            `store ${storeName(opts.store)}: ${counts.articles} articles, ${counts.sentences} sentences`,
          ],
          report.skipped,
        );
        if (report.read === 0) throw new UserError('no article could be read from the given paths.', ExitCode.noInput);
      } finally {
        progress.stop();
        await store.close();
      }
    });
}
