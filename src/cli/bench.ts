import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { TlsBenchmarkResult } from '../evaluate/benchmark/index.js';
import { findShared } from '../shared-data.js';
import { isTimelineMethodName, TIMELINE_METHOD_NAMES, type TimelineMethodName } from '../timeline/names.js';
import { ExitCode, UserError } from './errors.js';

interface BenchTlsFlags {
  dataset?: string;
  method: string;
  topics?: string;
  archive?: boolean;
  stories?: boolean;
  json?: boolean;
  save?: string;
}

function commaList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function methodNames(names: string[]): TimelineMethodName[] {
  if (names.length === 0) throw new UserError('--method needs at least one method name.');
  return names.map((name) => {
    if (!isTimelineMethodName(name))
      throw new UserError(`unknown timeline method '${name}' (known: ${TIMELINE_METHOD_NAMES.join(', ')}).`);
    return name;
  });
}

function datasetFolder(flag: string | undefined): string {
  if (flag) return flag;
  const found = findShared('data', 't17');
  if (!found.ok) throw new UserError(`${found.message} Or give --dataset <dir>.`, ExitCode.noInput);
  return found.path;
}

/** One tilse file per predicted timeline: <dir>/<method>/<topic>-<reference>.txt. */
async function savePredictions(result: TlsBenchmarkResult, dir: string): Promise<void> {
  const { renderTimeline } = await import('../pipeline.js');
  for (const method of result.methods) {
    const folder = join(dir, method.method);
    mkdirSync(folder, { recursive: true });
    for (const task of method.tasks)
      writeFileSync(join(folder, `${task.topic}-${task.reference}.txt`), renderTimeline(task.timeline, 'tilse'));
  }
  process.stderr.write(`wrote ${result.timelines * result.methods.length} timeline(s) under ${dir}\n`);
}

export function registerBench(program: Command): void {
  const bench = program.command('bench').description('measure Chronicle against published benchmarks');
  bench
    .command('stories')
    .description('story discovery: every topic of a news-tls dataset in one store, stories found with no keyword')
    .option('--dataset <dir>', 'dataset in the news-tls layout (default: the shared data/t17 folder)')
    .option('-m, --method <names>', 'timeline method(s) for the end-to-end scores, comma-separated', 'datewise')
    .option('--topics <names>', 'only these topics, comma-separated')
    .option('--json', 'end with the dataset averages as JSON, one line per method and protocol')
    .addHelpText(
      'after',
      `
Ingests every topic into one store and lets story tracking group it without any keyword. Scores the
article → story assignment against the topic labels (B-cubed precision, recall, F1 and NMI), as
ingested and after a rebuild in publication order; then, for each reference timeline, the timeline
of the story that best matches its topic (AR-1/AR-2/Date F1), beside the per-topic and keyword
(archive) protocols of \`chronicle bench tls\`.

Example:
  chronicle bench stories --dataset ../shared/data/t17`,
    )
    .action((flags: BenchTlsFlags) => runBench({ ...flags, stories: true }));
  bench
    .command('tls')
    .description('timeline summarisation on Timeline17 (or Crisis) under the news-tls protocol')
    .option('--dataset <dir>', 'dataset in the news-tls layout (default: the shared data/t17 folder)')
    .option(
      '-m, --method <names>',
      `timeline method(s), comma-separated to compare (known: ${TIMELINE_METHOD_NAMES.join(', ')})`,
      'datewise',
    )
    .option('--topics <names>', 'only these topics, comma-separated (e.g. "egypt,haiti")')
    .option(
      '--archive',
      'also ingest every topic into one store and ask each timeline of it with its keywords, as a newsroom would',
    )
    .option('--json', 'end with the dataset averages as JSON, one line per method (the last line is the last method)')
    .option('--save <dir>', 'write every predicted timeline in tilse format under <dir>/<method>/')
    .addHelpText(
      'after',
      `
The protocol (shared/docs/tls-metrics.md §7): one task per reference timeline; as many dates as the
reference and its rounded mean of sentences per date; only articles published between the
reference's first and last date; the topic's keywords.json as the query. Scores: tilse align+ m:1
ROUGE-1/2 ("AR"), date F1, concat and agreement ROUGE, averaged as news-tls does.

Examples:
  chronicle bench tls --dataset ../shared/data/t17
  chronicle bench tls --method datewise,clusters --json
  chronicle bench tls --topics egypt,haiti --save predictions/
  chronicle bench tls --archive            # also every topic in one store, each timeline asked of it`,
    )
    .action(runBench);
}

async function runBench(flags: BenchTlsFlags): Promise<void> {
  const names = methodNames(commaList(flags.method));
  const dataset = datasetFolder(flags.dataset);
  const { timelineMethods } = await import('../timeline/index.js');
  const methods = names.map((name) => timelineMethods[name]);
  const { BenchmarkDataError, formatTlsReport, runTlsBenchmark, summaryRecord } =
    await import('../evaluate/benchmark/index.js');
  let result: TlsBenchmarkResult;
  try {
    result = await runTlsBenchmark({
      dataset,
      methods,
      ...(flags.topics && { topics: commaList(flags.topics) }),
      ...(flags.archive && { archive: true }),
      ...(flags.stories && { stories: true }),
      onProgress: (message) => process.stderr.write(`${message}\n`),
    });
  } catch (error) {
    // Missing or malformed data is the user's to fix; anything else is a bug and keeps its stack.
    if (error instanceof BenchmarkDataError) throw new UserError(error.message, ExitCode.noInput);
    throw error;
  }
  process.stdout.write(formatTlsReport(result));
  if (flags.save) await savePredictions(result, flags.save);
  if (flags.json) {
    for (const method of result.methods) process.stdout.write(`${JSON.stringify(summaryRecord(result, method))}\n`);
  }
}
