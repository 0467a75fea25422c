#!/usr/bin/env node
// The `chronicle` command: a thin shell that parses arguments and calls the library.
// The command modules only describe their commands; each action imports the library it needs
// when it runs, so `--help`, `--version` and usage errors never load the pipeline, the database
// drivers, the queue or the web server.
import { Command, CommanderError } from 'commander';
import { registerAnnotate } from './annotate.js';
import { registerBench } from './bench.js';
import { registerEval } from './eval.js';
import { registerServe } from './serve.js';
import { registerStories } from './stories.js';
import { registerIngest } from './ingest.js';
import { registerTimeline } from './timeline.js';
import { registerQueue, registerWorker } from './worker.js';
import { ExitCode, reportFailure } from './errors.js';

export function buildProgram(): Command {
  const program = new Command()
    .name('chronicle')
    .description(
      'Turn dated news articles into a sourced timeline: which days mattered, what happened, who, where and how many — every line traced to the article sentences behind it.',
    )
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .addHelpText(
      'after',
      `
Inputs: plain text starting with " date YYYY-MM-DD", JSONL/.jsonl.gz ({id, time, title, text, url, source}),
folders <dir>/<YYYY-MM-DD>/*.txt, HTML article pages, RSS/Atom feeds. Bad files are reported and skipped.

Exit codes: 0 done · 1 internal error (a bug) · 2 wrong usage · 3 nothing usable in the input · 4 the disk is full or read-only

Start with:  chronicle timeline examples/harbour-strike`,
    );
  registerTimeline(program);
  registerIngest(program);
  registerStories(program);
  registerWorker(program);
  registerQueue(program);
  registerAnnotate(program);
  registerEval(program);
  registerServe(program);
  registerBench(program);
  return program;
}

async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return ExitCode.ok;
  } catch (error) {
    // Commander has already printed its own message (and help/version output exits with code 0).
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    return reportFailure(error);
  }
}

process.exitCode = await main(process.argv);
