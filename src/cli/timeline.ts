import { existsSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { TimelineOptions } from '../model.js';
import type { OutputFormat } from '../pipeline.js';
import type { TimelineCorpus } from '../timeline/index.js';
import { DEFAULT_METHOD_NAME, TIMELINE_METHOD_NAMES } from '../timeline/names.js';
import { ExitCode, UserError } from './errors.js';
import { isoDay, positiveInt, storeLocation, storyId, topicQuery } from './options.js';
import { prepareOutput } from './output.js';
import { progressDisplay } from './progress.js';
import { printable, printReadSummary } from './report.js';

interface TimelineFlags {
  store?: string;
  story?: string;
  query?: string;
  source?: string;
  dates: number;
  sentences: number;
  from?: string;
  to?: string;
  format: OutputFormat;
  method: string;
  out?: string;
}

/** The articles of the timeline, and the label of the story they are when a story was asked for. */
async function corpusFor(
  paths: string[],
  flags: TimelineFlags,
  options: TimelineOptions,
): Promise<{ corpus: TimelineCorpus; storyLabel?: string }> {
  const { corpusFromStore, loadCorpus, openStore, timelineSelection } = await import('../pipeline.js');
  const { isServerLocation } = await import('../store/index.js');
  const selection = timelineSelection(flags);
  if (paths.length > 0) {
    if (selection.story !== undefined)
      throw new UserError('stories live in a store: give --store <file|url> instead of paths with --story.');
    const progress = progressDisplay();
    const loaded = await loadCorpus(paths, selection, progress.listener);
    progress.stop();
    printReadSummary(
      [`read ${loaded.corpus.articles.length} article(s) matching the selection`],
      loaded.skipped,
      loaded.notes,
    );
    return { corpus: loaded.corpus };
  }
  if (!flags.store)
    throw new UserError('give article paths, or --store <file|url> to use a store made by `chronicle ingest`.');
  if (!isServerLocation(flags.store) && !existsSync(flags.store))
    throw new UserError(
      `no store at '${flags.store}': run \`chronicle ingest <paths> --store ${flags.store}\` first.`,
      ExitCode.noInput,
    );
  const store = await openStore(flags.store, { readonly: true });
  try {
    const story = selection.story === undefined ? undefined : await store.story(selection.story);
    if (selection.story !== undefined && !story)
      throw new UserError(
        `no story '${selection.story}' in ${flags.store} (\`chronicle stories --store ${flags.store}\` lists them).`,
        ExitCode.noInput,
      );
    return { corpus: await corpusFromStore(store, selection, options), ...(story && { storyLabel: story.label }) };
  } finally {
    await store.close();
  }
}

export function registerTimeline(program: Command): void {
  program
    .command('timeline')
    .description('build a sourced timeline from article files or from a store')
    .argument('[paths...]', 'article files/folders (read in memory); omit to use --store')
    .option(
      '--store <file|url>',
      'use articles stored by `chronicle ingest` (a SQLite file or a postgres:// URL)',
      storeLocation,
    )
    .option(
      '-q, --query <words>',
      'topic: alternatives separated by commas, words within one all required ("strike, port blockade")',
      topicQuery,
    )
    .option('--story <id>', 'only the articles of this story of the store (`chronicle stories` lists them)', storyId)
    .option('-d, --dates <n>', 'number of dates', positiveInt('--dates'), 10)
    .option('-s, --sentences <n>', 'summary sentences per date', positiveInt('--sentences'), 2)
    .option('--source <outlet>', 'only articles from this outlet')
    .option('--from <YYYY-MM-DD>', 'earliest date to include (articles published before it are not read)', isoDay)
    .option('--to <YYYY-MM-DD>', 'latest date to include (articles published after it are not read)', isoDay)
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['md', 'json', 'tilse', 'newstls', 'timelinejs'])
        .default('md'),
    )
    .addOption(
      new Option('-m, --method <name>', 'timeline method').choices(TIMELINE_METHOD_NAMES).default(DEFAULT_METHOD_NAME),
    )
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .addHelpText(
      'after',
      `
Every entry lists its summary sentences with the article, outlet, publication date, character
offsets and how the sentence was dated ("Monday" in an article of 2019-03-05 → 2019-03-04).

Examples:
  chronicle timeline examples/harbour-strike
  chronicle timeline --store story.sqlite --query "strike" --dates 8 --format json --out timeline.json
  chronicle timeline --store postgres://chronicle@db.example:5432/news --from 2025-04-01
  chronicle timeline articles/ --from 2025-04-01 --to 2025-04-30 --format timelinejs`,
    )
    .action(async (paths: string[], flags: TimelineFlags) => {
      if (flags.from && flags.to && flags.from > flags.to)
        throw new UserError(`--from ${flags.from} is after --to ${flags.to}.`);
      // The destination is checked before the timeline is computed, so a typo cannot cost the work.
      const output = flags.out === undefined ? undefined : prepareOutput(flags.out);
      try {
        const { buildTimeline, renderTimeline, timelineOptions } = await import('../pipeline.js');
        const options = timelineOptions({ ...flags, sentencesPerDate: flags.sentences });
        const { corpus, storyLabel } = await corpusFor(paths, flags, options);
        if (corpus.articles.length === 0)
          throw new UserError(
            'no articles to build a timeline from (check the paths or the --query).',
            ExitCode.noInput,
          );
        const rendered = renderTimeline(buildTimeline(corpus, options, flags.method), flags.format, { storyLabel });
        if (output) {
          output.commit(rendered);
          process.stderr.write(`wrote ${printable(flags.out!)}\n`);
        } else {
          process.stdout.write(rendered.endsWith('\n') ? rendered : `${rendered}\n`);
        }
      } finally {
        output?.discard();
      }
    });
}
