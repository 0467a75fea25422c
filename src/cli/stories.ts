import { existsSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { ExitCode, UserError } from './errors.js';
import { isoDay, positiveInt, storeLocation } from './options.js';
import { DEFAULT_STORE, STORE_LOCATION_HELP } from './store-path.js';

interface StoriesFlags {
  store: string;
  from?: string;
  to?: string;
  minArticles: number;
  order: 'articles' | 'recent';
  limit: number;
  format: 'md' | 'json';
  rebuild?: boolean;
}

export function registerStories(program: Command): void {
  program
    .command('stories')
    .description("list the stories of a store's archive: which articles belong together, when, from how many outlets")
    .option('--store <file|url>', STORE_LOCATION_HELP, storeLocation, DEFAULT_STORE)
    .option('--from <YYYY-MM-DD>', 'only stories running on or after this day', isoDay)
    .option('--to <YYYY-MM-DD>', 'only stories running on or before this day', isoDay)
    .option('--min-articles <n>', 'only stories of at least this many articles', positiveInt('--min-articles'), 2)
    .addOption(
      new Option('--order <order>', 'biggest first, or most recent first')
        .choices(['articles', 'recent'])
        .default('articles'),
    )
    .option('--limit <n>', 'how many stories to list', positiveInt('--limit'), 20)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['md', 'json']).default('md'))
    .option('--rebuild', 'forget the stories and place every article again (the same archive gives the same stories)')
    .addHelpText(
      'after',
      `
Stories are found as articles arrive (every ingest, upload and queue worker places its articles):
an article joins the story whose names and words it shares most, near it in time, or opens one.
A story's id stays the same while it grows; give it to \`chronicle timeline --story <id>\`.

Examples:
  chronicle ingest examples --store archive.sqlite && chronicle stories --store archive.sqlite
  chronicle stories --store archive.sqlite --from 2025-04-01 --order recent --format json
  chronicle timeline --store archive.sqlite --story 3f2a9c1b7d04`,
    )
    .action(async (flags: StoriesFlags) => {
      if (flags.from && flags.to && flags.from > flags.to)
        throw new UserError(`--from ${flags.from} is after --to ${flags.to}.`);
      const { openStore, renderStoriesJson, renderStoriesMarkdown, storyTracker } = await import('../pipeline.js');
      const { isServerLocation, storeName } = await import('../store/index.js');
      if (!isServerLocation(flags.store) && !existsSync(flags.store))
        throw new UserError(
          `no store at '${flags.store}': run \`chronicle ingest <paths> --store ${flags.store}\` first.`,
          ExitCode.noInput,
        );
      const store = await openStore(flags.store);
      try {
        // An ingest that was interrupted may have left articles unplaced: they join first.
        if (flags.rebuild) await store.rebuildStories(storyTracker);
        else await store.updateStories(storyTracker);
        const { total, stories } = await store.stories({
          ...(flags.from && { from: flags.from }),
          ...(flags.to && { to: flags.to }),
          minArticles: flags.minArticles,
          order: flags.order,
          offset: 0,
          limit: flags.limit,
        });
        const listing = { store: storeName(flags.store), total, stories };
        process.stdout.write(flags.format === 'json' ? renderStoriesJson(listing) : renderStoriesMarkdown(listing));
      } finally {
        await store.close();
      }
    });
}
